// RideJson (json.h): one workout in full. The headline, zones and segments are small JSON values
// dumped as the other encoders dump theirs; the samples, the curve and the route, some 60,000
// numbers for a 3-hour ride, are written straight into the text: a JSON tree of them took
// several times as long to build as to write.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "json_ride_stats.h"
#include "json_values.h"
#include "pelo/analytics/ride_day.h"
#include "pelo/app/json.h"
#include "pelo/common/time.h"

namespace pelo::app {
namespace {

using model::SampleRow;

// The sample channels, named as SampleRow's members, in its order.
struct SampleChannel {
  const char* name;
  std::optional<double> SampleRow::*member;
};
constexpr SampleChannel kSampleChannels[] = {
    {"output_w", &SampleRow::output_w},
    {"cadence_rpm", &SampleRow::cadence_rpm},
    {"resistance_pct", &SampleRow::resistance_pct},
    {"speed_kph", &SampleRow::speed_kph},
    {"heart_rate_bpm", &SampleRow::heart_rate_bpm},
    {"incline_pct", &SampleRow::incline_pct},
    {"pace_min_per_km", &SampleRow::pace_min_per_km},
    {"altitude_m", &SampleRow::altitude_m},
    {"stroke_rate_spm", &SampleRow::stroke_rate_spm},
    {"split_pace_s_per_500m", &SampleRow::split_pace_s_per_500m},
};

// A number of this document as a JSON value: Rounded (4 decimals), whole numbers as integers.
Json RoundedNumber(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return WholeOrDecimal(std::optional<double>(std::round(*v * 1e4) / 1e4));
}

void AppendInt(std::string& out, int64_t n) {
  char text[24];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, n);
  out.append(text, end);
}

// The shortest text that reads back as `v`; null when it is not finite.
void AppendDouble(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char text[32];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, v);
  out.append(text, end);
}

// RoundedNumber(v) as text, without a JSON value. Rounded is n / 1e4 with n = round(v * 1e4), a
// whole number; n's digits with the decimal point put in read back as that same double (both are
// the double nearest to the decimal n / 10^4: division and parsing round correctly), and an
// integer is written several times faster than a double.
void AppendRounded(std::string& out, const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) {
    out += "null";
    return;
  }
  const double units = std::round(*v * 1e4);
  if (!(std::fabs(units) < 9e15)) {  // beyond the doubles that are exact integers
    AppendDouble(out, units / 1e4);
    return;
  }
  auto n = static_cast<int64_t>(units);
  if (n < 0) {
    out += '-';
    n = -n;
  }
  AppendInt(out, n / 10000);
  int64_t fraction = n % 10000;
  if (fraction == 0) return;
  char text[5] = {'.'};
  for (int i = 4; i >= 1; --i, fraction /= 10) text[i] = static_cast<char>('0' + fraction % 10);
  size_t length = 5;
  while (text[length - 1] == '0') --length;
  out.append(text, length);
}

// Writes the members of one object at a depth, with nlohmann's layout: `pretty` puts each
// member on its own line, indented 2 spaces a level.
class ObjectWriter {
 public:
  ObjectWriter(std::string& out, bool pretty, int depth)
      : out_(out), pretty_(pretty), depth_(depth) {
    out_ += '{';
  }

  // Starts member `key`; its value follows.
  std::string& Key(std::string_view key) {
    if (!first_) out_ += ',';
    first_ = false;
    NewLine(depth_ + 1);
    out_ += '"';
    out_ += key;  // the keys are this file's own names: nothing to escape
    out_ += pretty_ ? "\": " : "\":";
    return out_;
  }

  // Member `key` with a JSON value, laid out for this depth.
  void Value(std::string_view key, const Json& value) {
    Key(key);
    if (!pretty_) {
      out_ += Dump(value, false);
      return;
    }
    // dump(2) indents as if the value were at depth 0: each line after the first moves right.
    const std::string text = Dump(value, true);
    const std::string indent(2 * static_cast<size_t>(depth_ + 1), ' ');
    for (char c : text) {
      out_ += c;
      if (c == '\n') out_ += indent;
    }
  }

  // Closes the object ("{}" when it has no member).
  void End() {
    if (!first_) NewLine(depth_);
    out_ += '}';
  }

  // A line break with `depth` levels of indent, when pretty.
  void NewLine(int depth) {
    if (!pretty_) return;
    out_ += '\n';
    out_.append(2 * static_cast<size_t>(depth), ' ');
  }

  std::string_view separator() const { return pretty_ ? ", " : ","; }

 private:
  std::string& out_;
  bool pretty_;
  int depth_;
  bool first_ = true;
};

// `[a, b, ...]` on one line: append(out, i) writes item i.
template <typename Append>
void AppendArray(std::string& out, size_t size, std::string_view separator, Append append) {
  out += '[';
  for (size_t i = 0; i < size; ++i) {
    if (i > 0) out += separator;
    append(out, i);
  }
  out += ']';
}

void AppendSamples(std::string& out, const std::vector<SampleRow>& samples, bool pretty) {
  ObjectWriter object(out, pretty, 1);
  const std::string_view separator = object.separator();
  AppendArray(object.Key("t_s"), samples.size(), separator,
              [&](std::string& o, size_t i) { AppendInt(o, samples[i].t_s); });
  for (const SampleChannel& channel : kSampleChannels) {
    const auto member = channel.member;
    bool any = false;
    for (const SampleRow& s : samples) {
      if ((s.*member).has_value()) {
        any = true;
        break;
      }
    }
    if (!any) continue;
    AppendArray(object.Key(channel.name), samples.size(), separator,
                [&](std::string& o, size_t i) { AppendRounded(o, samples[i].*member); });
  }
  object.End();
}

void AppendCurve(std::string& out, const std::vector<RideCurvePoint>& curve, bool pretty) {
  out += '[';
  for (size_t i = 0; i < curve.size(); ++i) {
    if (i > 0) out += ',';
    if (pretty) out += "\n    ";
    out += pretty ? "{\"duration_s\": " : "{\"duration_s\":";
    AppendInt(out, curve[i].duration_s);
    out += pretty ? ", \"watts\": " : ",\"watts\":";
    AppendRounded(out, curve[i].watts);
    out += '}';
  }
  if (pretty && !curve.empty()) out += "\n  ";
  out += ']';
}

void AppendGps(std::string& out, const std::vector<model::GpsPoint>& gps, bool pretty) {
  if (gps.empty()) {
    out += "null";
    return;
  }
  ObjectWriter object(out, pretty, 1);
  const std::string_view separator = object.separator();
  AppendArray(object.Key("t_s"), gps.size(), separator,
              [&](std::string& o, size_t i) { AppendInt(o, gps[i].seconds_offset); });
  AppendArray(object.Key("latitude"), gps.size(), separator,
              [&](std::string& o, size_t i) { AppendDouble(o, gps[i].latitude); });
  AppendArray(object.Key("longitude"), gps.size(), separator,
              [&](std::string& o, size_t i) { AppendDouble(o, gps[i].longitude); });
  object.End();
}

Json PowerZonesJson(const std::vector<PowerZoneBand>& zones) {
  Json all = Json::array();
  for (const PowerZoneBand& z : zones) {
    all.push_back({{"zone", z.zone},
                   {"low_w", RoundedNumber(z.low_w)},
                   {"high_w", RoundedNumber(z.high_w)},
                   {"seconds", RoundedNumber(z.seconds)}});
  }
  return all;
}

Json HeartRateZonesJson(const std::vector<HeartRateZoneBand>& zones) {
  Json all = Json::array();
  for (const HeartRateZoneBand& z : zones) {
    all.push_back({{"zone", z.zone},
                   {"low_bpm", RoundedNumber(z.low_bpm)},
                   {"high_bpm", RoundedNumber(z.high_bpm)},
                   {"seconds", RoundedNumber(z.seconds)}});
  }
  return all;
}

Json SegmentsJson(const std::vector<model::Segment>& segments) {
  Json all = Json::array();
  for (const model::Segment& s : segments) {
    all.push_back({{"name", s.name},
                   {"icon", s.icon_slug},
                   {"start_s", s.start_time_offset},
                   {"length_s", s.length}});
  }
  return all;
}

}  // namespace

std::string RideJson(const RideDetail& ride, bool pretty) {
  const model::WorkoutRow& w = ride.workout;
  std::string out;
  // Room for every number at its usual length: the text is not copied as it grows.
  out.reserve(8192 + ride.samples.size() * (std::size(kSampleChannels) + 1) * 6 +
              ride.gps.size() * 48 + ride.curve.size() * 40);
  ObjectWriter object(out, pretty, 0);
  object.Value("workout_id", w.workout_id);
  // As RideStatsDate writes a ride's date.
  object.Value("date", w.start_time ? Json(FormatUtcDateTime(*w.start_time)) : Json(nullptr));
  object.Value("day", ride.day ? Json(analytics::FormatDay(*ride.day)) : Json(nullptr));
  object.Value("discipline", w.discipline);
  object.Value("title", w.title);
  object.Value("instructor", w.instructor);
  object.Value("is_outdoor", ride.is_outdoor);
  object.Value("duration_s", RoundedNumber(w.duration));
  object.Value("ftp", RoundedNumber(ride.ftp));
  object.Value("ride", ride.metrics ? RideStatsObject(*ride.metrics) : Json(nullptr));
  object.Value("power_zones", PowerZonesJson(ride.power_zones));
  object.Value("heart_rate_zones", HeartRateZonesJson(ride.heart_rate_zones));
  object.Value("segments", SegmentsJson(ride.segments));
  AppendSamples(object.Key("samples"), ride.samples, pretty);
  AppendCurve(object.Key("curve"), ride.curve, pretty);
  AppendGps(object.Key("gps"), ride.gps, pretty);
  object.End();
  return out;
}

}  // namespace pelo::app
