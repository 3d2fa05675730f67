// The FIT activity file (FitFile), read back by Garmin's own decoder (web/tools/fit-decode.mjs
// under node): message order, records on the workout's own time axis with its pauses as timer
// events, values out of range dropped, positions matched by offset, laps, the session's sport
// and stored totals, time in zones, device identity, developer fields, strength sets, and the
// same bytes every time.
#include "pelo/export/fit.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pelo/export/fit_exercises.h"
#include "pelo/export/fit_writer.h"
#include "unit/export/tool_run.h"

namespace pelo::exporter::fit_file_test {
namespace {

using nlohmann::json;

constexpr int64_t kFfStart = 1765000000;  // 2025-12-06T05:46:40Z
constexpr double kFfNaN = std::numeric_limits<double>::quiet_NaN();
constexpr uint32_t kFfPeloSerial = 0x70656C6F;

int64_t FfTime(int64_t t_s) { return fit::FitTimestamp(kFfStart + t_s); }

// A field of a decoded message as an integer; nullopt when absent or INVALID (null).
std::optional<int64_t> FfInt(const json& m, const char* key) {
  if (!m.is_object() || !m.contains(key) || m.at(key).is_null()) return std::nullopt;
  return m.at(key).get<int64_t>();
}

int64_t FfRound(double v) { return static_cast<int64_t>(std::llround(v)); }

// Each file decoded by Garmin's decoder; each must pass its integrity check without errors.
std::vector<json> FfDecode(const std::vector<std::string>& files) {
  const std::string node = PELO_NODE;
  const std::string tool = PELO_SOURCE_DIR "/web/tools/fit-decode.mjs";
  EXPECT_TRUE(!node.empty() && access(node.c_str(), X_OK) == 0)
      << "node not found (" << node << "): run `bash scripts/install-deps.sh --tests`, then "
      << "configure again";
  EXPECT_TRUE(
      std::filesystem::exists(PELO_SOURCE_DIR "/web/node_modules/@garmin/fitsdk/package.json"))
      << "Garmin's decoder @garmin/fitsdk is not installed: run "
      << "`bash scripts/install-deps.sh --tests`";
  const std::string dir = testing::MakeTempDir("pelo-fitfile-");
  EXPECT_FALSE(dir.empty());
  std::vector<std::string> argv = {node, tool};
  for (size_t i = 0; i < files.size(); ++i) {
    argv.push_back(dir + "/" + std::to_string(i) + ".fit");
    std::ofstream(argv.back(), std::ios::binary) << files[i];
  }
  const testing::ToolRun run = testing::RunTool(argv, dir);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::vector<json> docs;
  size_t at = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    const size_t newline = run.out.find('\n', at);
    if (newline == std::string::npos) break;
    json doc = json::parse(run.out.substr(at, newline - at), nullptr, false);
    at = newline + 1;
    EXPECT_FALSE(doc.is_discarded());
    EXPECT_EQ(doc.value("integrity", false), true) << "file " << i;
    EXPECT_EQ(doc.value("errors", json::array()), json::array()) << "file " << i;
    docs.push_back(std::move(doc));
  }
  EXPECT_EQ(docs.size(), files.size()) << run.out.substr(0, 500);
  docs.resize(files.size(), json::object());
  return docs;
}

json FfDecodeOne(const std::string& file) { return FfDecode({file})[0]; }

std::string FfFile(const Activity& a) {
  StatusOr<std::string> f = FitFile(a);
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  return f.ok() ? *f : std::string();
}

const json& FfMessages(const json& doc, const char* kind) {
  static const json& empty = *new json(json::array());
  if (!doc.contains("messages") || !doc["messages"].contains(kind)) return empty;
  return doc["messages"][kind];
}

// The developer field named `name`: the key its values are filed under in each message.
std::string FfDeveloperKey(const json& doc, const std::string& name) {
  for (const json& d : FfMessages(doc, "fieldDescriptionMesgs")) {
    if (d.value("fieldName", "") == name) return d["key"].dump();
  }
  return "";
}

std::optional<int64_t> FfDeveloperValue(const json& record, const std::string& key) {
  if (!record.contains("developerFields") || !record["developerFields"].contains(key)) {
    return std::nullopt;
  }
  const json& v = record["developerFields"][key];
  return v.is_null() ? std::nullopt : std::optional<int64_t>(v.get<int64_t>());
}

// The ride's samples: what a value is at second t, with a few out of every range.
std::optional<double> FfRidePower(int t) {
  if (t == 20) return -5.0;
  if (t == 30) return kFfNaN;
  return 150.0 + t % 60 + (t % 3 == 0 ? 0.4 : 0.0);
}
double FfRideHeartRate(int t) { return t == 10 ? 999.0 : t == 12 ? 0.0 : 110.0 + t % 50; }
double FfRideCadence(int t) { return t == 40 ? 300.0 : 80.0 + t % 20; }
double FfRideResistance(int t) { return t == 50 ? kFfNaN : 40.0 + t % 17; }
bool FfRidePowerValid(int t) { return t != 20 && t != 30; }
bool FfRideHeartRateValid(int t) { return t != 10 && t != 12; }

// A 30-minute ride at 1 Hz with 3 laps, pelo's stored totals (some left to the samples), FTP,
// zones and a time zone.
Activity FfRide() {
  Activity a;
  a.workout_id = "ride1";
  a.title = "30 min Climb Ride";
  a.discipline = "cycling";
  a.start_time = kFfStart;
  for (int t = 0; t < 1800; ++t) {
    model::SampleRow s;
    s.t_s = t;
    s.output_w = FfRidePower(t);
    s.heart_rate_bpm = FfRideHeartRate(t);
    s.cadence_rpm = FfRideCadence(t);
    s.resistance_pct = FfRideResistance(t);
    s.speed_kph = 28.0 + t % 7;
    a.samples.push_back(s);
  }
  a.laps = {{0, 300, "Warm Up"}, {300, 1200, "Climb"}, {1500, 300, "Cool Down"}};
  a.distance_km = 15.432;
  a.calories_kcal = 401;
  a.utc_offset_s = -5 * 3600;
  a.total_work_kj = 345.6;
  a.avg_power_w = 190;
  a.max_power_w = 260;
  a.normalized_power_w = 205;
  a.avg_heart_rate_bpm = 140;  // max_heart_rate_bpm unknown: from the samples
  a.avg_cadence_rpm = 88;
  a.intensity_factor = 0.82;
  a.training_stress_score = 33.6;
  a.ftp_w = 250;
  a.power_zone_s = {100, 200, 300, 400, 500, 200, 100};
  a.heart_rate_zone_s = {60, 600, std::nullopt, 540, 0};
  a.heart_rate_zone_high_bpm = {119, 139, 154.6, 169};  // inclusive, as Peloton's max_value
  return a;
}

// The profile's global message numbers.
constexpr int kFfFileId = 0, kFfSession = 18, kFfLap = 19, kFfRecord = 20, kFfEvent = 21,
              kFfDeviceInfo = 23, kFfActivity = 34, kFfFieldDescription = 206,
              kFfDeveloperDataId = 207, kFfTimeInZone = 216, kFfSet = 225;

TEST(FitFile, RideInGarminsRecipeOrderWithEveryRecordAndValue) {
  const Activity a = FfRide();
  const json doc = FfDecodeOne(FfFile(a));

  std::vector<int> order = {kFfFileId, kFfDeviceInfo, kFfDeveloperDataId, kFfFieldDescription,
                            kFfEvent};
  order.insert(order.end(), 1800, kFfRecord);
  order.insert(order.end(),
               {kFfLap, kFfLap, kFfLap, kFfSession, kFfTimeInZone, kFfActivity, kFfEvent});
  EXPECT_EQ(doc["order"], json(order));

  // No device named: cycling's default, Tacx Training App.
  const json& file_id = FfMessages(doc, "fileIdMesgs")[0];
  EXPECT_EQ(FfInt(file_id, "type"), 4);
  EXPECT_EQ(FfInt(file_id, "manufacturer"), 89);
  EXPECT_EQ(FfInt(file_id, "product"), 20533);
  EXPECT_EQ(FfInt(file_id, "serialNumber"), kFfPeloSerial);
  EXPECT_EQ(FfInt(file_id, "timeCreated"), FfTime(0));
  const json& device = FfMessages(doc, "deviceInfoMesgs")[0];
  EXPECT_EQ(FfInt(device, "deviceIndex"), 0);
  EXPECT_EQ(FfInt(device, "manufacturer"), 89);
  EXPECT_EQ(FfInt(device, "product"), 20533);
  EXPECT_EQ(FfInt(device, "softwareVersion"), 130);
  EXPECT_EQ(FfInt(device, "serialNumber"), kFfPeloSerial);

  const json& descriptions = FfMessages(doc, "fieldDescriptionMesgs");
  ASSERT_EQ(descriptions.size(), 1u);  // no rowing: no output per stroke
  EXPECT_EQ(descriptions[0]["fieldName"], "Resistance");
  EXPECT_EQ(descriptions[0]["units"], "%");
  EXPECT_EQ(FfMessages(doc, "developerDataIdMesgs")[0]["applicationId"],
            json({'p', 'e', 'l', 'o', '.', 'p', 'e', 'l', 'o', 't', 'o', 'n', '.', 'f', 'i', 't'}));
  const std::string resistance = FfDeveloperKey(doc, "Resistance");

  const std::vector<double> distance = CumulativeDistanceM(a);
  const json& records = FfMessages(doc, "recordMesgs");
  ASSERT_EQ(records.size(), 1800u);
  for (int t = 0; t < 1800; ++t) {
    SCOPED_TRACE("t=" + std::to_string(t));
    const json& r = records[t];
    EXPECT_EQ(FfInt(r, "timestamp"), FfTime(t));
    EXPECT_EQ(FfInt(r, "power"), FfRidePowerValid(t)
                                     ? std::optional<int64_t>(FfRound(*FfRidePower(t)))
                                     : std::nullopt);
    EXPECT_EQ(FfInt(r, "heartRate"), FfRideHeartRateValid(t)
                                         ? std::optional<int64_t>(FfRound(FfRideHeartRate(t)))
                                         : std::nullopt);
    EXPECT_EQ(FfInt(r, "cadence"),
              t == 40 ? std::nullopt : std::optional<int64_t>(FfRound(FfRideCadence(t))));
    EXPECT_EQ(FfInt(r, "distance"), FfRound(distance[t] * 100));
    EXPECT_EQ(FfInt(r, "enhancedSpeed"), FfRound((28.0 + t % 7) / 3.6 * 1000));
    EXPECT_FALSE(r.contains("positionLat"));
    EXPECT_EQ(FfDeveloperValue(r, resistance),
              t == 50 ? std::nullopt : std::optional<int64_t>(FfRound(FfRideResistance(t))));
  }
  // The last record's distance is the stored total, as the session's.
  EXPECT_EQ(FfInt(records[1799], "distance"), 1543200);

  const json& events = FfMessages(doc, "eventMesgs");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(FfInt(events[0], "timestamp"), FfTime(0));
  EXPECT_EQ(FfInt(events[0], "event"), 0);
  EXPECT_EQ(FfInt(events[0], "eventType"), 0);
  EXPECT_EQ(FfInt(events[1], "timestamp"), FfTime(1800));
  EXPECT_EQ(FfInt(events[1], "eventType"), 4);

  const json& activity = FfMessages(doc, "activityMesgs")[0];
  EXPECT_EQ(FfInt(activity, "numSessions"), 1);
  EXPECT_EQ(FfInt(activity, "totalTimerTime"), 1800000);
  EXPECT_EQ(FfInt(activity, "timestamp"), FfTime(1800));
  EXPECT_EQ(FfInt(activity, "localTimestamp"), FfTime(1800) - 5 * 3600);
}

TEST(FitFile, LapsSplitTheRideWithTheirOwnTotals) {
  const Activity a = FfRide();
  const json doc = FfDecodeOne(FfFile(a));
  const json& laps = FfMessages(doc, "lapMesgs");
  ASSERT_EQ(laps.size(), 3u);
  const std::vector<double> distance = CumulativeDistanceM(a);
  int64_t total_distance = 0, total_kcal = 0;
  for (size_t l = 0; l < 3; ++l) {
    SCOPED_TRACE("lap " + std::to_string(l));
    const Lap& lap = a.laps[l];
    const json& m = laps[l];
    EXPECT_EQ(FfInt(m, "messageIndex"), static_cast<int64_t>(l));
    EXPECT_EQ(FfInt(m, "event"), 9);
    EXPECT_EQ(FfInt(m, "eventType"), 1);
    EXPECT_EQ(FfInt(m, "startTime"), FfTime(lap.start_s));
    EXPECT_EQ(FfInt(m, "timestamp"), FfTime(lap.start_s + lap.length_s));
    EXPECT_EQ(FfInt(m, "totalElapsedTime"), lap.length_s * 1000);
    EXPECT_EQ(FfInt(m, "totalTimerTime"), lap.length_s * 1000);
    EXPECT_EQ(FfInt(m, "lapTrigger"), l == 2 ? 7 : 0);
    EXPECT_EQ(FfInt(m, "sport"), 2);
    EXPECT_EQ(FfInt(m, "subSport"), 6);
    // Its samples' own statistics, from the values the records hold.
    const int from = static_cast<int>(lap.start_s),
              to = static_cast<int>(lap.start_s + lap.length_s);
    double power_sum = 0, work = 0, hr_max = 0, cadence_max = 0, speed_max = 0;
    int power_n = 0;
    for (int t = from; t < to; ++t) {
      if (FfRidePowerValid(t)) {
        power_sum += static_cast<double>(FfRound(*FfRidePower(t)));
        work += static_cast<double>(FfRound(*FfRidePower(t)));
        ++power_n;
      }
      if (FfRideHeartRateValid(t)) hr_max = std::max(hr_max, FfRideHeartRate(t));
      if (t != 40) cadence_max = std::max(cadence_max, FfRideCadence(t));
      speed_max = std::max(speed_max, (28.0 + t % 7) / 3.6);
    }
    EXPECT_EQ(FfInt(m, "avgPower"), FfRound(power_sum / power_n));
    EXPECT_EQ(FfInt(m, "totalWork"), FfRound(work));
    EXPECT_EQ(FfInt(m, "maxHeartRate"), FfRound(hr_max));
    EXPECT_EQ(FfInt(m, "maxCadence"), FfRound(cadence_max));
    EXPECT_EQ(FfInt(m, "enhancedMaxSpeed"), FfRound(speed_max * 1000));
    const double lap_distance = (to < 1800 ? distance[to] : distance.back()) - distance[from];
    EXPECT_EQ(FfInt(m, "totalDistance"), FfRound(lap_distance * 100));
    EXPECT_EQ(FfInt(m, "enhancedAvgSpeed"), FfRound(lap_distance / lap.length_s * 1000));
    total_distance += FfInt(m, "totalDistance").value_or(0);
    total_kcal += FfInt(m, "totalCalories").value_or(0);
  }
  // Shared out, the laps add up to the workout's totals.
  EXPECT_NEAR(static_cast<double>(total_distance), 1543200.0, 2.0);
  EXPECT_EQ(total_kcal, 401);
  EXPECT_EQ(FfInt(laps[0], "totalCalories"), FfRound(401.0 * 300 / 1800));
}

TEST(FitFile, SessionHoldsPelosStoredTotalsZonesAndThreshold) {
  const Activity a = FfRide();
  const json doc = FfDecodeOne(FfFile(a));
  ASSERT_EQ(FfMessages(doc, "sessionMesgs").size(), 1u);
  const json& s = FfMessages(doc, "sessionMesgs")[0];
  EXPECT_EQ(FfInt(s, "sport"), 2);
  EXPECT_EQ(FfInt(s, "subSport"), 6);
  EXPECT_EQ(FfInt(s, "startTime"), FfTime(0));
  EXPECT_EQ(FfInt(s, "timestamp"), FfTime(1800));
  EXPECT_EQ(FfInt(s, "totalElapsedTime"), 1800000);
  EXPECT_EQ(FfInt(s, "totalTimerTime"), 1800000);
  EXPECT_EQ(FfInt(s, "totalDistance"), 1543200);
  EXPECT_EQ(FfInt(s, "totalCalories"), 401);
  EXPECT_EQ(FfInt(s, "totalWork"), 345600);
  EXPECT_EQ(FfInt(s, "avgPower"), 190);
  EXPECT_EQ(FfInt(s, "maxPower"), 260);
  EXPECT_EQ(FfInt(s, "normalizedPower"), 205);
  EXPECT_EQ(FfInt(s, "intensityFactor"), 820);
  EXPECT_EQ(FfInt(s, "trainingStressScore"), 336);
  EXPECT_EQ(FfInt(s, "avgHeartRate"), 140);
  EXPECT_EQ(FfInt(s, "maxHeartRate"), 159);  // not stored: the samples' (110 + 49)
  EXPECT_EQ(FfInt(s, "avgCadence"), 88);
  EXPECT_EQ(FfInt(s, "maxCadence"), 99);
  EXPECT_EQ(FfInt(s, "enhancedAvgSpeed"), FfRound(15432.0 / 1800 * 1000));
  EXPECT_EQ(FfInt(s, "thresholdPower"), 250);
  EXPECT_EQ(FfInt(s, "numLaps"), 3);
  EXPECT_EQ(FfInt(s, "firstLapIndex"), 0);
  EXPECT_EQ(FfInt(s, "trigger"), 0);
  EXPECT_FALSE(s.contains("totalAscent"));
  EXPECT_EQ(s["timeInPowerZone"], json({100000, 200000, 300000, 400000, 500000, 200000, 100000}));
  EXPECT_EQ(s["timeInHrZone"], json({60000, 600000, nullptr, 540000, 0}));

  ASSERT_EQ(FfMessages(doc, "timeInZoneMesgs").size(), 1u);
  const json& z = FfMessages(doc, "timeInZoneMesgs")[0];
  EXPECT_EQ(FfInt(z, "referenceMesg"), kFfSession);
  EXPECT_EQ(FfInt(z, "referenceIndex"), 0);
  EXPECT_EQ(FfInt(z, "timestamp"), FfTime(1800));
  EXPECT_EQ(z["timeInPowerZone"], s["timeInPowerZone"]);
  EXPECT_EQ(z["timeInHrZone"], s["timeInHrZone"]);
  // Each zone's top whole watt at FTP 250 (zone 2 starts at 55%: 137.5 W, so zone 1 ends at 137);
  // zone 7 is open.
  EXPECT_EQ(z["powerZoneHighBoundary"], json({137, 187, 224, 262, 299, 374, nullptr}));
  // Heart rate: the zones' highest heart rates as given (154.6 bpm: 154 is the highest whole one).
  EXPECT_EQ(z["hrZoneHighBoundary"], json({119, 139, 154, 169, nullptr}));
  EXPECT_EQ(FfInt(z, "functionalThresholdPower"), 250);
  EXPECT_EQ(FfInt(z, "pwrCalcType"), 1);
}

// Every 5 s, and a 5-minute hole: a record per sample at its own second, the hole between a
// timer stop and start, counted in elapsed time and not in timer time.
TEST(FitFile, EveryFifthSecondWithAGapKeepsTheRealTimeAxis) {
  Activity a;
  a.discipline = "cycling";
  a.start_time = kFfStart;
  std::vector<int> seconds;
  for (int t = 0; t < 600; t += 5) seconds.push_back(t);
  for (int t = 900; t < 1200; t += 5) seconds.push_back(t);
  for (const int t : seconds) {
    model::SampleRow s;
    s.t_s = t;
    s.output_w = 100 + t % 50;
    s.speed_kph = 30;
    a.samples.push_back(s);
  }
  const json doc = FfDecodeOne(FfFile(a));
  const json& records = FfMessages(doc, "recordMesgs");
  ASSERT_EQ(records.size(), seconds.size());
  for (size_t i = 0; i < seconds.size(); ++i) {
    EXPECT_EQ(FfInt(records[i], "timestamp"), FfTime(seconds[i])) << i;
    EXPECT_EQ(FfInt(records[i], "power"), 100 + seconds[i] % 50) << i;
  }
  const json& events = FfMessages(doc, "eventMesgs");
  ASSERT_EQ(events.size(), 4u);
  const std::vector<std::pair<int64_t, int64_t>> expected = {
      {FfTime(0), 0}, {FfTime(600), 4}, {FfTime(900), 0}, {FfTime(1200), 4}};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(FfInt(events[i], "timestamp"), expected[i].first) << i;
    EXPECT_EQ(FfInt(events[i], "eventType"), expected[i].second) << i;
    EXPECT_EQ(FfInt(events[i], "event"), 0) << i;
  }
  // The stop comes after the last record before the hole, the start before the first after it.
  std::vector<int> order = doc["order"].get<std::vector<int>>();
  const auto stop = std::find(order.begin() + 5, order.end(), kFfEvent) - order.begin();
  EXPECT_EQ(stop, 3 + 120);  // after file_id, device_info, the start and 120 records
  EXPECT_EQ(order[stop + 1], kFfEvent);
  EXPECT_EQ(order[stop + 2], kFfRecord);

  const json& s = FfMessages(doc, "sessionMesgs")[0];
  EXPECT_EQ(FfInt(s, "totalElapsedTime"), 1200000);
  EXPECT_EQ(FfInt(s, "totalTimerTime"), 900000);
  EXPECT_EQ(FfInt(FfMessages(doc, "activityMesgs")[0], "totalTimerTime"), 900000);
  const json& lap = FfMessages(doc, "lapMesgs")[0];
  EXPECT_EQ(FfInt(lap, "totalElapsedTime"), 1200000);
  EXPECT_EQ(FfInt(lap, "totalTimerTime"), 900000);
  // 30 km/h up to the last sample (895 s of riding: the hole adds no distance), and no stored
  // total: the session's distance is the last record's.
  const int64_t ridden = FfRound(30 / 3.6 * 895 * 100);
  EXPECT_EQ(FfInt(records.back(), "distance"), ridden);
  EXPECT_EQ(FfInt(s, "totalDistance"), ridden);
  EXPECT_EQ(FfInt(lap, "totalDistance"), ridden);
}

// An outdoor run whose GPS track lacks some seconds, has an unusable point and one marked as a
// gap (still a position), and its points offset from the samples' indexes.
TEST(FitFile, PositionsAreMatchedBySecondNotByIndex) {
  Activity a;
  a.discipline = "running";
  a.is_outdoor = true;
  a.start_time = kFfStart;
  for (int t = 0; t < 300; ++t) {
    model::SampleRow s;
    s.t_s = t;
    s.speed_kph = 11;
    s.heart_rate_bpm = 150;
    s.altitude_m = 20.0 + t * 0.1;
    s.incline_pct = t == 7 ? kFfNaN : 1.5;
    a.samples.push_back(s);
  }
  auto lat = [](int t) { return 51.5 + t * 1e-5; };
  auto lon = [](int t) { return -0.12 - t * 1e-5; };
  for (int t = 0; t < 300; ++t) {
    if (t % 2 == 1 || (t >= 100 && t < 120)) continue;  // every other second; 20 s lost
    model::GpsPoint p;
    p.seconds_offset = t;
    p.latitude = lat(t);
    p.longitude = lon(t);
    p.is_gap = t == 50;
    if (t == 60) {
      model::GpsPoint nowhere = p;
      nowhere.latitude = kFfNaN;
      a.gps.push_back(nowhere);  // the same second's first point is unusable: the next is taken
    }
    if (t == 70) p.latitude = 91;  // no such place
    a.gps.push_back(p);
  }
  a.total_ascent_m = 29.6;
  const json doc = FfDecodeOne(FfFile(a));
  const json& records = FfMessages(doc, "recordMesgs");
  ASSERT_EQ(records.size(), 300u);
  for (int t = 0; t < 300; ++t) {
    SCOPED_TRACE("t=" + std::to_string(t));
    const bool has = t % 2 == 0 && !(t >= 100 && t < 120) && t != 70;
    EXPECT_EQ(FfInt(records[t], "positionLat"),
              has ? fit::Semicircles(lat(t)) : std::optional<int64_t>());
    EXPECT_EQ(FfInt(records[t], "positionLong"),
              has ? fit::Semicircles(lon(t)) : std::optional<int64_t>());
    EXPECT_EQ(FfInt(records[t], "enhancedAltitude"), FfRound((20.0 + t * 0.1 + 500) * 5));
    EXPECT_EQ(FfInt(records[t], "grade"), t == 7 ? std::nullopt : std::optional<int64_t>(150));
  }
  const json& s = FfMessages(doc, "sessionMesgs")[0];
  EXPECT_EQ(FfInt(s, "sport"), 1);
  EXPECT_EQ(FfInt(s, "subSport"), 0);
  EXPECT_EQ(FfInt(s, "totalAscent"), 30);
  // Not cycling nor rowing: the Forerunner 945.
  const json& file_id = FfMessages(doc, "fileIdMesgs")[0];
  EXPECT_EQ(FfInt(file_id, "manufacturer"), 1);
  EXPECT_EQ(FfInt(file_id, "product"), 3113);
  EXPECT_EQ(FfInt(FfMessages(doc, "deviceInfoMesgs")[0], "softwareVersion"), 1920);
}

// A row: stroke rate as cadence, Peloton's output per stroke as a developer field, no
// resistance field at all (the rower has none).
TEST(FitFile, RowCarriesStrokeRateAndOutputPerStroke) {
  Activity a;
  a.discipline = "caesar";
  a.start_time = kFfStart;
  for (int t = 0; t < 600; ++t) {
    model::SampleRow s;
    s.t_s = t;
    s.stroke_rate_spm = 24 + t % 5;
    s.output_w = t == 3 ? 0.0 : 150.0 + t % 40;
    s.split_pace_s_per_500m = 125;
    a.samples.push_back(s);
  }
  const json doc = FfDecodeOne(FfFile(a));
  const json& descriptions = FfMessages(doc, "fieldDescriptionMesgs");
  ASSERT_EQ(descriptions.size(), 1u);
  EXPECT_EQ(descriptions[0]["fieldName"], "Output per Stroke");
  EXPECT_EQ(descriptions[0]["units"], "J");
  const std::string key = FfDeveloperKey(doc, "Output per Stroke");
  const json& records = FfMessages(doc, "recordMesgs");
  ASSERT_EQ(records.size(), 600u);
  for (int t = 0; t < 600; ++t) {
    SCOPED_TRACE("t=" + std::to_string(t));
    EXPECT_EQ(FfInt(records[t], "cadence"), 24 + t % 5);
    EXPECT_EQ(FfInt(records[t], "enhancedSpeed"), 4000);
    const double work = (150.0 + t % 40) * 60.0 / (24 + t % 5);
    EXPECT_EQ(FfDeveloperValue(records[t], key),
              t == 3 ? std::nullopt : std::optional<int64_t>(FfRound(work)));
  }
  const json& s = FfMessages(doc, "sessionMesgs")[0];
  EXPECT_EQ(FfInt(s, "sport"), 15);
  EXPECT_EQ(FfInt(s, "subSport"), 14);
  const json& file_id = FfMessages(doc, "fileIdMesgs")[0];
  EXPECT_EQ(FfInt(file_id, "manufacturer"), 1);
  EXPECT_EQ(FfInt(file_id, "product"), 3943);
  EXPECT_EQ(FfInt(FfMessages(doc, "deviceInfoMesgs")[0], "softwareVersion"), 1043);
}

// Every out-of-range value is left out of its record, never wrapped or clamped: FIT's one byte
// would store HR 999 as 231 and cadence 300 as 44.
TEST(FitFile, OutOfRangeValuesAreDroppedNotWrapped) {
  Activity a;
  a.discipline = "cycling";
  a.start_time = kFfStart;
  const std::vector<std::optional<double>> hr = {999, 255, 254, -1, kFfNaN, 1e300, 120};
  const std::vector<std::optional<double>> power = {-5, 65535, 65534, kFfNaN, 1e20, 0, 200};
  const std::vector<std::optional<double>> cadence = {300, 255, 254, -0.6, kFfNaN, 90, 0};
  // Resistance goes to the writer as it is: FitWriter itself must refuse what a uint8 cannot
  // hold (255 is uint8's INVALID).
  const std::vector<std::optional<double>> resistance = {300, 255, 254, -1, kFfNaN, 0, 45};
  for (size_t i = 0; i < hr.size(); ++i) {
    model::SampleRow s;
    s.t_s = static_cast<int64_t>(i);
    s.heart_rate_bpm = hr[i];
    s.output_w = power[i];
    s.cadence_rpm = cadence[i];
    s.resistance_pct = resistance[i];
    a.samples.push_back(s);
  }
  const json doc = FfDecodeOne(FfFile(a));
  const json& r = FfMessages(doc, "recordMesgs");
  ASSERT_EQ(r.size(), hr.size());
  const std::vector<std::optional<int64_t>> want_hr = {
      std::nullopt, std::nullopt, 254, std::nullopt, std::nullopt, std::nullopt, 120};
  const std::vector<std::optional<int64_t>> want_power = {
      std::nullopt, std::nullopt, 65534, std::nullopt, std::nullopt, 0, 200};
  const std::vector<std::optional<int64_t>> want_cadence = {
      std::nullopt, std::nullopt, 254, std::nullopt, std::nullopt, 90, 0};
  const std::vector<std::optional<int64_t>> want_resistance = {
      std::nullopt, std::nullopt, 254, std::nullopt, std::nullopt, 0, 45};
  const std::string key = FfDeveloperKey(doc, "Resistance");
  for (size_t i = 0; i < hr.size(); ++i) {
    EXPECT_EQ(FfDeveloperValue(r[i], key), want_resistance[i]) << i;
    EXPECT_EQ(FfInt(r[i], "heartRate"), want_hr[i]) << i;
    EXPECT_EQ(FfInt(r[i], "power"), want_power[i]) << i;
    EXPECT_EQ(FfInt(r[i], "cadence"), want_cadence[i]) << i;
  }
  // The session's values come from the same valid ones.
  const json& s = FfMessages(doc, "sessionMesgs")[0];
  EXPECT_EQ(FfInt(s, "maxHeartRate"), 254);
  EXPECT_EQ(FfInt(s, "maxPower"), 65534);
  EXPECT_EQ(FfInt(s, "maxCadence"), 254);
}

struct FfSportCase {
  const char* discipline;
  bool outdoor;
  int sport;
  int sub_sport;
};

TEST(FitFile, SportAndSubSportPerDiscipline) {
  const std::vector<FfSportCase> cases = {
      {"cycling", false, 2, 6},         {"cycling", true, 2, 0},
      {"running", false, 1, 1},         {"running", true, 1, 0},
      {"walking", false, 11, 1},        {"walking", true, 11, 0},
      {"caesar", false, 15, 14},        {"strength", false, 10, 20},
      {"yoga", false, 10, 43},          {"meditation", false, 10, 62},
      {"stretching", false, 10, 19},    {"cardio", false, 10, 26},
      {"circuit", false, 10, 26},       {"bootcamp", false, 10, 26},
      {"bike_bootcamp", false, 10, 26}, {"caesar_bootcamp", false, 10, 26},
      {"skiing", false, 0, 0},          {"", false, 0, 0}};
  std::vector<std::string> files;
  for (const FfSportCase& c : cases) {
    Activity a;
    a.discipline = c.discipline;
    a.is_outdoor = c.outdoor;
    a.start_time = kFfStart;
    for (int t = 0; t < 60; ++t) {
      model::SampleRow s;
      s.t_s = t;
      s.heart_rate_bpm = 100;
      a.samples.push_back(s);
    }
    files.push_back(FfFile(a));
  }
  const std::vector<json> docs = FfDecode(files);
  for (size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(std::string(cases[i].discipline) + (cases[i].outdoor ? " outdoors" : ""));
    const json& s = FfMessages(docs[i], "sessionMesgs")[0];
    EXPECT_EQ(FfInt(s, "sport"), cases[i].sport);
    EXPECT_EQ(FfInt(s, "subSport"), cases[i].sub_sport);
    const json& lap = FfMessages(docs[i], "lapMesgs")[0];
    EXPECT_EQ(FfInt(lap, "sport"), cases[i].sport);
    EXPECT_EQ(FfInt(lap, "subSport"), cases[i].sub_sport);
  }
}

TEST(FitDevice, DefaultsPerDisciplineAndPresets) {
  const DeviceIdentity tacx = DefaultFitDevice("cycling", false);
  EXPECT_EQ(tacx, (DeviceIdentity{89, 20533, 130, kFfPeloSerial}));
  EXPECT_EQ(DefaultFitDevice("cycling", true), tacx);
  EXPECT_EQ(DefaultFitDevice("caesar", false), (DeviceIdentity{1, 3943, 1043, kFfPeloSerial}));
  const DeviceIdentity fr945{1, 3113, 1920, kFfPeloSerial};
  for (const char* d : {"running", "walking", "strength", "yoga", "meditation", "bootcamp", ""}) {
    EXPECT_EQ(DefaultFitDevice(d, false), fr945) << d;
    EXPECT_EQ(DefaultFitDevice(d, true), fr945) << d;
  }
  EXPECT_EQ(FitDevicePresetNames(),
            (std::vector<std::string>{"tacx-training-app", "epix-gen2", "forerunner-945"}));
  EXPECT_EQ(FitDevicePreset("tacx-training-app"), tacx);
  EXPECT_EQ(FitDevicePreset("epix-gen2"), DefaultFitDevice("caesar", false));
  EXPECT_EQ(FitDevicePreset("forerunner-945"), fr945);
  EXPECT_EQ(FitDevicePreset("Forerunner-945"), std::nullopt);
  EXPECT_EQ(FitDevicePreset("fenix-6"), std::nullopt);
}

// A device the user chose is the one file_id and device_info name, whatever the discipline.
TEST(FitFile, NamesTheChosenDevice) {
  Activity a = FfRide();
  a.device = *FitDevicePreset("epix-gen2");
  a.device.serial_number = 1234567;
  const json doc = FfDecodeOne(FfFile(a));
  const json& file_id = FfMessages(doc, "fileIdMesgs")[0];
  EXPECT_EQ(FfInt(file_id, "manufacturer"), 1);
  EXPECT_EQ(FfInt(file_id, "product"), 3943);
  EXPECT_EQ(FfInt(file_id, "serialNumber"), 1234567);
  const json& device = FfMessages(doc, "deviceInfoMesgs")[0];
  EXPECT_EQ(FfInt(device, "manufacturer"), 1);
  EXPECT_EQ(FfInt(device, "product"), 3943);
  EXPECT_EQ(FfInt(device, "softwareVersion"), 1043);
  EXPECT_EQ(FfInt(device, "serialNumber"), 1234567);
}

// A Peloton Guide strength class's tracked movements (strength_guide_with_exercise.json's shape:
// reps and weight), a planned rest, a set flagged as rest, a hold, and a movement pelo cannot
// map: one set message each, none dropped, and a lap per set.
Activity FfStrength() {
  Activity a;
  a.discipline = "strength";
  a.start_time = kFfStart;
  const double lb = 0.45359237;
  a.sets = {
      {90, 30, false, "258884d9586b45b3973228147a6b0c48", "Wide Grip Overhead Press", 10, 10 * lb},
      {120, 30, false, "258884d9586b45b3973228147a6b0c48", "Wide Grip Overhead Press", 13, 10 * lb},
      {150, 15, false, "3ca251f6d68746ad91aebea5c89694ca", "Rest", std::nullopt, std::nullopt},
      {165, 45, false, "1c4d81ad487849a6995f93e1a6a4b1e4", "Push Up", 8, 0.0},
      {210, 20, true, "", "", std::nullopt, std::nullopt},
      {230, 40, false, "", "Hollow Hold", std::nullopt, std::nullopt},
      {270, 30, false, "", "Zorblax Twist", 12, 7.5},
  };
  a.calories_kcal = 55;
  return a;
}

TEST(FitFile, StrengthSetsWithExercisesRepsWeightsAndRests) {
  const Activity a = FfStrength();
  const json doc = FfDecodeOne(FfFile(a));
  const size_t n = a.sets.size();
  std::vector<int> order = {kFfFileId, kFfDeviceInfo, kFfEvent};
  order.insert(order.end(), n, kFfLap);
  order.insert(order.end(), n, kFfSet);
  order.insert(order.end(), {kFfSession, kFfActivity, kFfEvent});
  EXPECT_EQ(doc["order"], json(order));

  const json& sets = FfMessages(doc, "setMesgs");
  ASSERT_EQ(sets.size(), n);
  for (size_t i = 0; i < n; ++i) {
    SCOPED_TRACE("set " + std::to_string(i));
    const StrengthSet& set = a.sets[i];
    const json& m = sets[i];
    EXPECT_EQ(FfInt(m, "messageIndex"), static_cast<int64_t>(i));
    EXPECT_EQ(FfInt(m, "startTime"), FfTime(set.start_s));
    EXPECT_EQ(FfInt(m, "timestamp"), FfTime(set.start_s + set.duration_s));
    EXPECT_EQ(FfInt(m, "duration"), set.duration_s * 1000);
  }
  // The fixture's movements: shoulder_press / overhead_dumbbell_press (24/15) and push_up /
  // push_up (22/77), the profile's numbers.
  EXPECT_EQ(sets[0]["category"], json({24}));
  EXPECT_EQ(sets[0]["categorySubtype"], json({15}));
  EXPECT_EQ(FfInt(sets[0], "repetitions"), 10);
  EXPECT_EQ(FfInt(sets[0], "weight"), FfRound(10 * 0.45359237 * 16));  // kg x 16
  EXPECT_EQ(FfInt(sets[0], "setType"), 1);
  EXPECT_EQ(FfInt(sets[1], "repetitions"), 13);
  EXPECT_EQ(sets[3]["category"], json({22}));
  EXPECT_EQ(sets[3]["categorySubtype"], json({77}));
  EXPECT_EQ(FfInt(sets[3], "repetitions"), 8);
  EXPECT_EQ(FfInt(sets[3], "weight"), 0);  // bodyweight
  // Rests, by name and by flag: rest sets, no exercise.
  for (const size_t i : {size_t{2}, size_t{4}}) {
    EXPECT_EQ(FfInt(sets[i], "setType"), 0) << i;
    EXPECT_FALSE(sets[i].contains("category") && !sets[i]["category"].is_null()) << i;
    EXPECT_EQ(FfInt(sets[i], "repetitions"), std::nullopt) << i;
  }
  // A hold: its exercise, no repetitions (its duration says how long).
  const FitExercise hold = *FitExerciseFor("Hollow Hold");
  EXPECT_EQ(sets[5]["category"], json({hold.category}));
  EXPECT_EQ(sets[5]["categorySubtype"], json({hold.subtype}));
  EXPECT_EQ(FfInt(sets[5], "repetitions"), std::nullopt);
  EXPECT_EQ(FfInt(sets[5], "setType"), 1);
  // Unknown to pelo: kept, as FIT's unknown category (65534), with its reps and weight.
  EXPECT_EQ(sets[6]["category"], json({65534}));
  EXPECT_FALSE(sets[6].contains("categorySubtype") && !sets[6]["categorySubtype"].is_null());
  EXPECT_EQ(FfInt(sets[6], "repetitions"), 12);
  EXPECT_EQ(FfInt(sets[6], "weight"), 120);
  EXPECT_EQ(FfInt(sets[6], "setType"), 1);

  const json& laps = FfMessages(doc, "lapMesgs");
  ASSERT_EQ(laps.size(), n);
  int64_t kcal = 0;
  for (size_t i = 0; i < n; ++i) {
    EXPECT_EQ(FfInt(laps[i], "startTime"), FfTime(a.sets[i].start_s)) << i;
    EXPECT_EQ(FfInt(laps[i], "totalElapsedTime"), a.sets[i].duration_s * 1000) << i;
    kcal += FfInt(laps[i], "totalCalories").value_or(0);
  }
  EXPECT_EQ(kcal, 55);
  const json& s = FfMessages(doc, "sessionMesgs")[0];
  EXPECT_EQ(FfInt(s, "numLaps"), static_cast<int64_t>(n));
  EXPECT_EQ(FfInt(s, "sport"), 10);
  EXPECT_EQ(FfInt(s, "subSport"), 20);
  EXPECT_EQ(FfInt(s, "startTime"), FfTime(0));
  EXPECT_EQ(FfInt(s, "timestamp"), FfTime(300));
  EXPECT_EQ(FfInt(s, "totalElapsedTime"), 300000);
  EXPECT_TRUE(FfMessages(doc, "recordMesgs").empty());
}

// A strength class with heart rate: records as well, and each set's lap its samples' heart rate.
TEST(FitFile, StrengthWithHeartRateSummarisesEachSet) {
  Activity a = FfStrength();
  for (int t = 0; t < 300; ++t) {
    model::SampleRow s;
    s.t_s = t;
    s.heart_rate_bpm = 90 + t / 10;
    a.samples.push_back(s);
  }
  const json doc = FfDecodeOne(FfFile(a));
  EXPECT_EQ(FfMessages(doc, "recordMesgs").size(), 300u);
  const json& laps = FfMessages(doc, "lapMesgs");
  ASSERT_EQ(laps.size(), a.sets.size());
  // The second set's lap: its samples from 120 s up to the next set's start, 150 s.
  EXPECT_EQ(FfInt(laps[1], "maxHeartRate"), 90 + 149 / 10);
  EXPECT_EQ(FfInt(laps[1], "totalTimerTime"), 30000);
  // The first lap takes the samples before it as well.
  EXPECT_EQ(FfInt(laps[0], "maxHeartRate"), 90 + 119 / 10);
}

TEST(FitFile, SameWorkoutSameBytesAndTheTitleChangesNothing) {
  Activity a = FfRide();
  const std::string first = FfFile(a);
  EXPECT_EQ(FfFile(a), first);
  a.gps.push_back({0, 40.0, -74.0, std::nullopt, std::nullopt, "", "", false});
  const std::string with_gps = FfFile(a);
  EXPECT_NE(with_gps, first);
  // Titles are written by strangers; FIT has no field for one, so none reaches the file.
  a.title = std::string("Sprint \"<Climb>\" \x01\x1b[2J \xF0\x9F\x9A\xB4", 27) +
            std::string(300, 'x') + "\xE2\x82";
  const std::string hostile = FfFile(a);
  EXPECT_EQ(hostile, with_gps);
  const json doc = FfDecodeOne(hostile);
  EXPECT_EQ(FfMessages(doc, "recordMesgs").size(), 1800u);
}

TEST(FitFile, NoSamplesNorSetsIsAnError) {
  Activity a;
  a.discipline = "cycling";
  a.start_time = kFfStart;
  a.gps.push_back({0, 40.0, -74.0, std::nullopt, std::nullopt, "", "", false});
  const StatusOr<std::string> f = FitFile(a);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(f.status().ToString().find("no samples"), std::string::npos);
}

// Every movement of the fixtures (both strength classes) has an exercise, or is a rest.
TEST(FitExercise, EveryFixtureMovementIsMapped) {
  std::vector<std::string> names;
  {
    std::ifstream in(
        PELO_SHARED_DIR
        "/fixtures/peer-projections/peloton-to-garmin/strength_guide_with_exercise.json");
    const json doc = json::parse(in, nullptr, false);
    ASSERT_FALSE(doc.is_discarded());
    for (const json& m : doc["Workout"]["Movement_Tracker_Data"]["Completed_Movements_Summary_Data"]
                            ["Repetition_Summary_Data"]) {
      names.push_back(m["Movement_Name"].get<std::string>());
    }
  }
  {
    std::ifstream in(
        PELO_SHARED_DIR
        "/fixtures/peer-projections/peloton-to-garmin/strength_nonguide_with_exercise.json");
    const json doc = json::parse(in, nullptr, false);
    ASSERT_FALSE(doc.is_discarded());
    for (const json& m : doc["Movements"]) names.push_back(m["Name"].get<std::string>());
  }
  ASSERT_GE(names.size(), 15u);
  int rests = 0;
  for (const std::string& name : names) {
    if (IsRestMovement(name)) {
      ++rests;
      EXPECT_EQ(FitExerciseFor(name), std::nullopt);
      continue;
    }
    const std::optional<FitExercise> e = FitExerciseFor(name);
    ASSERT_TRUE(e.has_value()) << name;
    EXPECT_NE(e->category, fit::types::exercise_category::kUnknown) << name;
    EXPECT_NE(e->subtype, 0xFFFF) << name;
  }
  EXPECT_EQ(rests, 1);
}

TEST(FitExercise, CommonMovementsAreMapped) {
  for (const char* name : {"Squat",
                           "Goblet Squat",
                           "Lunge",
                           "Reverse Lunge",
                           "Deadlift",
                           "Romanian Deadlift",
                           "Bicep Curl",
                           "Hammer Curl",
                           "Tricep Extension",
                           "Skull Crusher",
                           "Bent Over Row",
                           "Renegade Row",
                           "Chest Press",
                           "Chest Fly",
                           "Lateral Raise",
                           "Front Raise",
                           "Overhead Press",
                           "Arnold Press",
                           "Thruster",
                           "Glute Bridge",
                           "Plank",
                           "Side Plank",
                           "Crunch",
                           "Bicycle Crunch",
                           "Russian Twist",
                           "Dead Bug",
                           "Bird Dog",
                           "Mountain Climber",
                           "Burpee",
                           "Jumping Jack",
                           "High Knees",
                           "Sit Up",
                           "V-Up",
                           "Superman",
                           "Calf Raise",
                           "Step Up",
                           "Sumo Squat",
                           "Good Morning",
                           "Upright Row",
                           "Shrug",
                           "Pullover",
                           "Roll Up",
                           "Hollow Rock",
                           "Shoulder Tap"}) {
    EXPECT_TRUE(FitExerciseFor(name).has_value()) << name;
  }
}

TEST(FitExercise, NamesMatchLoosely) {
  const FitExercise push_up = *FitExerciseFor("Push Up");
  EXPECT_EQ(push_up, (FitExercise{22, 77}));
  for (const char* name :
       {"push up", "PUSH-UP", "Push Ups", "push_up", "  Push   Up ", "Push-Ups"}) {
    EXPECT_EQ(FitExerciseFor(name), push_up) << name;
  }
  EXPECT_EQ(FitExerciseFor("Biceps Curls"), FitExerciseFor("Bicep Curl"));
  EXPECT_EQ(FitExerciseFor("Side Plank (Left)"), FitExerciseFor("side plank"));
  EXPECT_EQ(FitExerciseFor("Farmer's Carry"), FitExerciseFor("farmer carry"));
  EXPECT_EQ(FitExerciseFor("Crunches"), FitExerciseFor("Crunch"));
  EXPECT_NE(FitExerciseFor("Reverse Lunge"), FitExerciseFor("Lunge"));
  EXPECT_EQ(FitExerciseFor("Zorblax Twist"), std::nullopt);
  EXPECT_EQ(FitExerciseFor(""), std::nullopt);
  EXPECT_EQ(FitExerciseFor("Rest"), std::nullopt);
  EXPECT_TRUE(IsRestMovement("Rest"));
  EXPECT_TRUE(IsRestMovement(" REST "));
  EXPECT_FALSE(IsRestMovement("Rest Pause Squat"));
}

// fit_profile.h's numbers and the exercise table agree with Garmin's profile (profile.js).
TEST(FitProfile, MatchesGarminsProfile) {
  const std::string node = PELO_NODE;
  ASSERT_TRUE(!node.empty() && access(node.c_str(), X_OK) == 0)
      << "node not found: run `bash scripts/install-deps.sh --tests`, then configure again";
  const std::string dir = testing::MakeTempDir("pelo-fitprofile-");
  ASSERT_FALSE(dir.empty());
  const testing::ToolRun run =
      testing::RunTool({node, PELO_SOURCE_DIR "/web/tools/fit-profile-check.mjs",
                        PELO_SOURCE_DIR "/include/pelo/export/fit_profile.h",
                        PELO_SOURCE_DIR "/src/export/fit_exercises.cc"},
                       dir);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("fit-profile-check: ok"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace pelo::exporter::fit_file_test
