// TcxFile: a workout's laps and samples as TCX v2 with Garmin's ActivityExtension v2.
#include "pelo/export/tcx.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

#include "xml.h"

namespace pelo::exporter {
namespace {

using internal::AppendElement;
using internal::AppendFixed;
using internal::AppendIso8601Utc;
using internal::AppendXmlText;
using internal::ValidPosition;
using internal::WholeIn;

enum class TcxSport { kBiking, kRunning, kOther };

TcxSport TcxSportOf(std::string_view discipline) {
  if (discipline == "cycling") return TcxSport::kBiking;
  if (discipline == "running" || discipline == "walking") return TcxSport::kRunning;
  return TcxSport::kOther;
}

// The cadence a sample carries: a rower's stroke rate when it has no cadence (strokes per minute
// are its cadence, as Garmin's rowing files record them).
std::optional<double> TcxCadence(const model::SampleRow& s) {
  return s.cadence_rpm ? s.cadence_rpm : s.stroke_rate_spm;
}

// Running mean and maximum of the values a lap's samples hold within the schema's range.
struct TcxStat {
  double sum = 0;
  int64_t n = 0;
  double max = 0;
  void Add(double v) {
    sum += v;
    max = n == 0 ? v : std::max(max, v);
    ++n;
  }
  std::optional<double> Mean() const {
    return n ? std::optional<double>(sum / static_cast<double>(n)) : std::nullopt;
  }
  std::optional<double> Max() const { return n ? std::optional<double>(max) : std::nullopt; }
};

void AppendHeartRate(std::string& out, std::string_view name, std::optional<int64_t> bpm) {
  if (!bpm) return;
  out += '<';
  out += name;
  out += '>';
  AppendElement(out, "Value", *bpm);
  out += "</";
  out += name;
  out += '>';
}

void AppendDouble(std::string& out, std::string_view name, double v, int decimals) {
  out += '<';
  out += name;
  out += '>';
  AppendFixed(out, v, decimals);
  out += "</";
  out += name;
  out += '>';
}

// The GPS point of second `t` with a valid position (gps by seconds_offset), matched by its
// offset rather than its index: Peloton's track and samples need not have the same seconds.
const model::GpsPoint* TcxPositionAt(const std::vector<model::GpsPoint>& gps, int64_t t) {
  auto it = std::lower_bound(gps.begin(), gps.end(), t, [](const model::GpsPoint& p, int64_t x) {
    return p.seconds_offset < x;
  });
  for (; it != gps.end() && it->seconds_offset == t; ++it) {
    if (ValidPosition(*it)) return &*it;
  }
  return nullptr;
}

void AppendTrackpoint(std::string& out, const Activity& a, TcxSport sport,
                      const model::SampleRow& s, double distance_m, bool has_distance) {
  out += "            <Trackpoint><Time>";
  AppendIso8601Utc(out, a.start_time + s.t_s);
  out += "</Time>";
  if (const model::GpsPoint* p = TcxPositionAt(a.gps, s.t_s)) {
    out += "<Position>";
    AppendDouble(out, "LatitudeDegrees", p->latitude, 7);
    AppendDouble(out, "LongitudeDegrees", p->longitude, 7);
    out += "</Position>";
  }
  if (s.altitude_m && std::isfinite(*s.altitude_m)) {
    AppendDouble(out, "AltitudeMeters", *s.altitude_m, 2);
  }
  if (has_distance) AppendDouble(out, "DistanceMeters", distance_m, 2);
  AppendHeartRate(out, "HeartRateBpm", WholeIn(s.heart_rate_bpm, 1, 255));
  // Runs and walks carry their cadence in TPX as RunCadence, the others as Cadence.
  const bool running = sport == TcxSport::kRunning;
  const auto cadence = WholeIn(TcxCadence(s), 0, 254);
  if (cadence && !running) AppendElement(out, "Cadence", *cadence);
  const bool run_cadence = cadence.has_value() && running;
  const std::optional<double> speed = SampleSpeedMps(s);
  const auto watts = WholeIn(s.output_w, 0, 65535);
  if (speed || run_cadence || watts) {
    out += "<Extensions><ns3:TPX>";
    if (speed) AppendDouble(out, "ns3:Speed", *speed, 3);
    if (run_cadence) AppendElement(out, "ns3:RunCadence", cadence.value_or(0));
    if (watts) AppendElement(out, "ns3:Watts", *watts);
    out += "</ns3:TPX></Extensions>";
  }
  out += "</Trackpoint>\n";
}

// Samples [begin, end) as one Lap of `lap`'s time, `calories` of the workout's.
void AppendLap(std::string& out, const Activity& a, TcxSport sport, const Lap& lap,
               const std::vector<double>& distance, size_t begin, size_t end, int64_t calories,
               bool has_distance) {
  TcxStat speed, hr, cadence, watts;
  for (size_t i = begin; i < end; ++i) {
    const model::SampleRow& s = a.samples[i];
    if (const auto v = SampleSpeedMps(s)) speed.Add(*v);
    if (const auto v = WholeIn(s.heart_rate_bpm, 1, 255)) hr.Add(static_cast<double>(*v));
    if (const auto v = WholeIn(TcxCadence(s), 0, 254)) cadence.Add(static_cast<double>(*v));
    if (const auto v = WholeIn(s.output_w, 0, 65535)) watts.Add(static_cast<double>(*v));
  }
  // The lap covers its samples and the step from its last one to the next lap's first: the laps'
  // distances then add up to the workout's.
  const double from = begin < distance.size() ? distance[begin] : distance.back();
  const double to = end < distance.size() ? distance[end] : distance.back();
  out += "      <Lap StartTime=\"";
  AppendIso8601Utc(out, a.start_time + lap.start_s);
  out += "\">\n        ";
  AppendElement(out, "TotalTimeSeconds", std::max<int64_t>(0, lap.length_s));
  AppendDouble(out, "DistanceMeters", std::max(0.0, to - from), 2);
  if (const auto v = speed.Max()) AppendDouble(out, "MaximumSpeed", *v, 3);
  AppendElement(out, "Calories", calories);
  AppendHeartRate(out, "AverageHeartRateBpm", WholeIn(hr.Mean(), 1, 255));
  AppendHeartRate(out, "MaximumHeartRateBpm", WholeIn(hr.Max(), 1, 255));
  out += "<Intensity>Active</Intensity>";
  const bool running = sport == TcxSport::kRunning;
  if (!running) {
    if (const auto v = WholeIn(cadence.Mean(), 0, 254)) AppendElement(out, "Cadence", *v);
  }
  out += "<TriggerMethod>Manual</TriggerMethod>\n";
  if (end > begin) {
    out += "        <Track>\n";
    for (size_t i = begin; i < end; ++i) {
      AppendTrackpoint(out, a, sport, a.samples[i], distance[i], has_distance);
    }
    out += "        </Track>\n";
  }
  const auto avg_cadence = WholeIn(cadence.Mean(), 0, 254);
  const auto max_cadence = WholeIn(cadence.Max(), 0, 254);
  const auto avg_watts = WholeIn(watts.Mean(), 0, 65535);
  const auto max_watts = WholeIn(watts.Max(), 0, 65535);
  if (speed.n || max_cadence || avg_watts || max_watts) {
    // The schema's order: AvgSpeed, MaxBikeCadence, AvgRunCadence, MaxRunCadence, (Steps),
    // AvgWatts, MaxWatts; the bike's average cadence is the Lap's own Cadence above.
    out += "        <Extensions><ns3:LX>";
    if (const auto v = speed.Mean()) AppendDouble(out, "ns3:AvgSpeed", *v, 3);
    if (!running && max_cadence) AppendElement(out, "ns3:MaxBikeCadence", *max_cadence);
    if (running && avg_cadence) AppendElement(out, "ns3:AvgRunCadence", *avg_cadence);
    if (running && max_cadence) AppendElement(out, "ns3:MaxRunCadence", *max_cadence);
    if (avg_watts) AppendElement(out, "ns3:AvgWatts", *avg_watts);
    if (max_watts) AppendElement(out, "ns3:MaxWatts", *max_watts);
    out += "</ns3:LX></Extensions>\n";
  }
  out += "      </Lap>\n";
}

}  // namespace

StatusOr<std::string> TcxFile(const Activity& a) {
  if (a.samples.empty()) return Status(ErrorCode::kInvalidArgument, "no samples");
  const TcxSport sport = TcxSportOf(a.discipline);
  const std::vector<double> distance = CumulativeDistanceM(a);
  const bool has_distance = distance.back() > 0;
  std::vector<Lap> laps = a.laps;
  if (laps.empty()) {
    const int64_t start = std::min<int64_t>(0, a.samples.front().t_s);
    laps.push_back({start, a.samples.back().t_s + SampleStepS(a.samples) - start, ""});
  }
  int64_t lap_time = 0;
  for (const Lap& lap : laps) lap_time += std::max<int64_t>(0, lap.length_s);
  // Calories shared by time, rounded on the running sum so that the laps add up to the total.
  // An unknown total, or a share past the schema's unsignedShort, is 0: Calories is required.
  const std::optional<int64_t> total_kcal = WholeIn(a.calories_kcal, 0, 1e9);

  std::string out;
  out.reserve(1024 + a.title.size() * 6 + laps.size() * 512 + a.samples.size() * 320);
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<TrainingCenterDatabase "
      "xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\" "
      "xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 "
      "http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd\">\n"
      "  <Activities>\n    <Activity Sport=\"";
  out += sport == TcxSport::kBiking ? "Biking" : sport == TcxSport::kRunning ? "Running" : "Other";
  out += "\">\n      <Id>";
  AppendIso8601Utc(out, a.start_time);
  out += "</Id>\n";
  // Each sample goes to the last lap started at or before it (the first lap takes any before it),
  // so every sample is a trackpoint even when the laps leave a second uncovered.
  auto first_at = [&](int64_t t) {
    return static_cast<size_t>(
        std::lower_bound(a.samples.begin(), a.samples.end(), t,
                         [](const model::SampleRow& s, int64_t x) { return s.t_s < x; }) -
        a.samples.begin());
  };
  size_t begin = 0;
  int64_t elapsed = 0;
  int64_t kcal_before = 0;
  for (size_t l = 0; l < laps.size(); ++l) {
    const size_t end =
        l + 1 < laps.size() ? std::max(begin, first_at(laps[l + 1].start_s)) : a.samples.size();
    elapsed += std::max<int64_t>(0, laps[l].length_s);
    int64_t kcal = 0;
    if (total_kcal && lap_time > 0) {
      const auto upto = static_cast<int64_t>(
          std::llround(static_cast<double>(*total_kcal) * static_cast<double>(elapsed) /
                       static_cast<double>(lap_time)));
      kcal = upto - kcal_before;
      kcal_before = upto;
    }
    if (kcal > 65535) kcal = 0;
    AppendLap(out, a, sport, laps[l], distance, begin, end, kcal, has_distance);
    begin = end;
  }
  if (!a.title.empty()) {
    out += "      <Notes>";
    AppendXmlText(out, a.title);
    out += "</Notes>\n";
  }
  out += "    </Activity>\n  </Activities>\n</TrainingCenterDatabase>\n";
  return out;
}

}  // namespace pelo::exporter
