// The TCX writer: files valid against ../shared/schemas/tcx.xsd (xmllint, with the
// ActivityExtension v2 schema) for a ride with laps, a run with GPS, a row and a yoga class; a
// trackpoint per sample, positions matched by offset, distances that add up to the stored total,
// nothing out of the schema's ranges, and hostile titles kept as text.
#include "pelo/export/tcx.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <regex>
#include <string>
#include <vector>

#include "pelo/common/time.h"
#include "unit/export/tool_run.h"

namespace pelo::exporter {
namespace {

constexpr int64_t kTcxStart = 1765000000;  // 2025-12-06T05:46:40Z

// A 30-minute ride at 1 Hz with 3 segment laps (warm-up, main, cool-down), some values out of
// any range, and the stored totals.
Activity TcxRide() {
  Activity a;
  a.workout_id = "ride1";
  a.title = "30 min <Climb> & \"Sprint\" \x01\x1b[2J";
  a.discipline = "cycling";
  a.start_time = kTcxStart;
  for (int t = 0; t < 1800; ++t) {
    model::SampleRow s;
    s.t_s = t;
    s.heart_rate_bpm = t == 10 ? 999.0 : t == 12 ? 0.0 : 110.0 + t % 50;
    s.cadence_rpm = t == 20 ? -5.0 : 80.0 + t % 20;
    s.output_w = t == 30 ? std::numeric_limits<double>::quiet_NaN() : 150.0 + t % 60;
    s.resistance_pct = 40;  // no place in TCX: must not appear
    s.speed_kph = 28.0 + t % 7;
    a.samples.push_back(s);
  }
  a.laps = {{0, 300, "Warm Up"}, {300, 1200, "Ride"}, {1500, 300, "Cool Down"}};
  a.distance_km = 15.432;
  a.calories_kcal = 401;
  return a;
}

// An outdoor run: 600 s at 1 Hz, a GPS point every 2 s (the track starting at 0 while the
// index would drift: one point without a position, left out).
Activity TcxRun() {
  Activity a;
  a.title = "Outdoor 10 min Run";
  a.discipline = "running";
  a.is_outdoor = true;
  a.start_time = kTcxStart;
  for (int t = 0; t < 600; ++t) {
    model::SampleRow s;
    s.t_s = t;
    s.heart_rate_bpm = 140 + t % 20;
    s.cadence_rpm = 85;
    s.speed_kph = 11.0;
    s.altitude_m = 20.0 + t * 0.01;
    a.samples.push_back(s);
  }
  model::GpsPoint nowhere;
  nowhere.seconds_offset = 1;
  nowhere.latitude = std::numeric_limits<double>::quiet_NaN();
  a.gps.push_back(nowhere);
  for (int t = 0; t < 600; t += 2) {
    model::GpsPoint p;
    p.seconds_offset = t;
    p.latitude = 51.5 + t * 1e-5;
    p.longitude = -0.12 + t * 1e-5;
    a.gps.push_back(p);
  }
  std::stable_sort(a.gps.begin(), a.gps.end(), [](const auto& x, const auto& y) {
    return x.seconds_offset < y.seconds_offset;
  });
  a.distance_km = 1.8;
  a.calories_kcal = 95;
  return a;
}

// A rowing workout every 5 s: speed only from the split pace; stroke rate as cadence.
Activity TcxRow() {
  Activity a;
  a.title = "Row";
  a.discipline = "caesar";
  a.start_time = kTcxStart;
  for (int t = 0; t < 900; t += 5) {
    model::SampleRow s;
    s.t_s = t;
    s.split_pace_s_per_500m = 125.0;  // 4 m/s
    s.stroke_rate_spm = 26;
    s.output_w = 180;
    a.samples.push_back(s);
  }
  return a;
}

// A yoga class with heart rate only, no totals.
Activity TcxYoga() {
  Activity a;
  a.title = "Yoga";
  a.discipline = "yoga";
  a.start_time = kTcxStart;
  for (int t = 0; t < 1200; ++t) {
    model::SampleRow s;
    s.t_s = t;
    s.heart_rate_bpm = 80 + t % 15;
    a.samples.push_back(s);
  }
  return a;
}

size_t TcxCount(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The numbers following each `before`, in order (std::regex is too slow on a whole file at the
// tests' -O0).
std::vector<double> TcxNumbersAfter(const std::string& text, const std::string& before) {
  std::vector<double> values;
  for (size_t at = text.find(before); at != std::string::npos; at = text.find(before, at + 1)) {
    values.push_back(std::strtod(text.c_str() + at + before.size(), nullptr));
  }
  return values;
}

// The numbers of every <name>...</name> in order.
std::vector<double> TcxValues(const std::string& text, const std::string& name) {
  return TcxNumbersAfter(text, "<" + name + ">");
}

// Per trackpoint, its DistanceMeters (NaN when it has none).
std::vector<double> TcxPointDistances(const std::string& text) {
  std::vector<double> values;
  for (size_t at = text.find("<Trackpoint>"); at != std::string::npos;
       at = text.find("<Trackpoint>", at + 1)) {
    const size_t end = text.find("</Trackpoint>", at);
    const size_t d = text.find("<DistanceMeters>", at);
    values.push_back(d < end ? std::strtod(text.c_str() + d + 16, nullptr)
                             : std::numeric_limits<double>::quiet_NaN());
  }
  return values;
}

// xmllint's verdict on `tcx` against the shared schema (exit 0: valid).
testing::ToolRun TcxValidate(const std::string& tcx, const std::string& dir) {
  const std::string path = dir + "/workout.tcx";
  std::ofstream(path, std::ios::binary) << tcx;
  return testing::RunTool(
      {PELO_XMLLINT, "--noout", "--nonet", "--schema", PELO_SHARED_DIR "/schemas/tcx.xsd", path},
      dir);
}

TEST(TcxFile, IsValidAgainstTheSchemaWithItsExtension) {
  ASSERT_TRUE(std::string(PELO_XMLLINT).size() && access(PELO_XMLLINT, X_OK) == 0)
      << "xmllint not found: run `bash scripts/install-deps.sh --tests` (libxml2-utils)";
  const std::string dir = testing::MakeTempDir("pelo-tcx-");
  ASSERT_FALSE(dir.empty());
  for (const Activity& a : {TcxRide(), TcxRun(), TcxRow(), TcxYoga()}) {
    auto tcx = TcxFile(a);
    ASSERT_TRUE(tcx.ok()) << tcx.status().ToString();
    const testing::ToolRun run = TcxValidate(*tcx, dir);
    EXPECT_EQ(run.exit_code, 0) << a.discipline << ": " << run.err;
  }
  // The check can fail: the resistance P2G writes in TPX is refused.
  std::string invalid = *TcxFile(TcxRide());
  invalid.replace(invalid.find("<ns3:Watts>"), 11,
                  "<ns3:Resistance>40</ns3:Resistance><ns3:Watts>");
  EXPECT_EQ(TcxValidate(invalid, dir).exit_code, 3);
  std::filesystem::remove_all(dir);
}

TEST(TcxFile, HasATrackpointPerSampleInTheGivenLaps) {
  const Activity ride = TcxRide();
  const std::string tcx = *TcxFile(ride);
  EXPECT_NE(tcx.find("<Activity Sport=\"Biking\">"), std::string::npos);
  EXPECT_NE(tcx.find("<Id>2025-12-06T05:46:40Z</Id>"), std::string::npos);
  EXPECT_EQ(TcxCount(tcx, "<Trackpoint>"), ride.samples.size());
  EXPECT_EQ(TcxCount(tcx, "<Lap "), 3u);
  for (const Lap& lap : ride.laps) {
    EXPECT_NE(tcx.find("<Lap StartTime=\"" + FormatIso8601Utc(kTcxStart + lap.start_s) + "\">"),
              std::string::npos)
        << lap.name;
  }
  EXPECT_EQ(TcxValues(tcx, "TotalTimeSeconds"), (std::vector<double>{300, 1200, 300}));
  EXPECT_EQ(TcxValues(tcx, "Calories"), (std::vector<double>{67, 267, 67}));  // 401 by time
  EXPECT_NE(tcx.find("<Time>" + FormatIso8601Utc(kTcxStart + 1799) + "</Time>"), std::string::npos);
  EXPECT_EQ(tcx.find("esistance"), std::string::npos);
  // Out of range values are left out, not wrapped: HR 999 and 0 (t = 10, 12), cadence -5
  // (t = 20), power NaN (t = 30).
  for (int t : {10, 12, 20, 30}) {
    const size_t at = tcx.find("<Time>" + FormatIso8601Utc(kTcxStart + t));
    ASSERT_NE(at, std::string::npos) << t;
    const std::string point = tcx.substr(at, tcx.find("</Trackpoint>", at) - at);
    EXPECT_FALSE(std::regex_search(point, std::regex("<Value>(999|0)<|<Cadence>-|NaN|nan")))
        << point;
    EXPECT_EQ(t == 10 || t == 12, point.find("<HeartRateBpm>") == std::string::npos) << point;
    EXPECT_EQ(t == 20, point.find("<Cadence>") == std::string::npos) << point;
    EXPECT_EQ(t == 30, point.find("<ns3:Watts>") == std::string::npos) << point;
  }
}

TEST(TcxFile, DistancesAddUpToTheStoredTotal) {
  for (const Activity& a : {TcxRide(), TcxRun()}) {
    const std::string tcx = *TcxFile(a);
    const std::vector<double> laps = TcxNumbersAfter(tcx, "</TotalTimeSeconds><DistanceMeters>");
    ASSERT_EQ(laps.size(), std::max<size_t>(1, a.laps.size()));
    double lap_sum = 0;
    for (const double v : laps) lap_sum += v;
    // Each lap rounded to the centimetre.
    EXPECT_NEAR(lap_sum, *a.distance_km * 1000, 0.005 * static_cast<double>(laps.size()))
        << a.discipline;
    const std::vector<double> points = TcxPointDistances(tcx);
    ASSERT_EQ(points.size(), a.samples.size());
    for (size_t i = 1; i < points.size(); ++i) EXPECT_GE(points[i], points[i - 1]) << i;
    EXPECT_EQ(points.front(), 0.0);
    EXPECT_EQ(points.back(), *a.distance_km * 1000) << a.discipline;
  }
}

TEST(TcxFile, MatchesPositionsByOffset) {
  const Activity run = TcxRun();
  const std::string tcx = *TcxFile(run);
  EXPECT_NE(tcx.find("<Activity Sport=\"Running\">"), std::string::npos);
  EXPECT_EQ(TcxCount(tcx, "<Position>"), 300u);  // even seconds only
  // t = 100 s: its own GPS point (offset 100, not the 100th), run cadence in TPX.
  const std::string point =
      "<Trackpoint><Time>2025-12-06T05:48:20Z</Time><Position><LatitudeDegrees>51.5010000"
      "</LatitudeDegrees><LongitudeDegrees>-0.1190000</LongitudeDegrees></Position>"
      "<AltitudeMeters>21.00</AltitudeMeters>";
  EXPECT_NE(tcx.find(point), std::string::npos) << tcx.substr(0, 3000);
  const size_t odd = tcx.find("<Time>2025-12-06T05:48:21Z</Time>");
  ASSERT_NE(odd, std::string::npos);
  EXPECT_EQ(tcx.compare(odd + 33, 9, "<Altitude"), 0) << tcx.substr(odd, 200);
  EXPECT_EQ(tcx.find("<Cadence>"), std::string::npos);
  EXPECT_EQ(TcxCount(tcx, "<ns3:RunCadence>85</ns3:RunCadence>"), run.samples.size());
  EXPECT_NE(tcx.find("<ns3:AvgRunCadence>85</ns3:AvgRunCadence>"), std::string::npos);
}

TEST(TcxFile, RowsFromSplitPaceAndKeepsYogaToHeartRate) {
  const std::string row = *TcxFile(TcxRow());
  EXPECT_NE(row.find("<Activity Sport=\"Other\">"), std::string::npos);
  EXPECT_EQ(TcxCount(row, "<ns3:Speed>4.000</ns3:Speed>"), TcxRow().samples.size());
  EXPECT_EQ(TcxValues(row, "TotalTimeSeconds"), std::vector<double>{900});
  EXPECT_EQ(TcxValues(row, "Calories"), std::vector<double>{0});  // unknown
  const std::string yoga = *TcxFile(TcxYoga());
  EXPECT_NE(yoga.find("<Activity Sport=\"Other\">"), std::string::npos);
  EXPECT_EQ(TcxCount(yoga, "<Trackpoint>"), 1200u);
  EXPECT_EQ(TcxCount(yoga, "<HeartRateBpm>"), 1200u);
  EXPECT_EQ(TcxCount(yoga, "<DistanceMeters>"), 1u);  // the lap's required 0 only
  EXPECT_EQ(yoga.find("<Extensions>"), std::string::npos);
}

TEST(TcxFile, KeepsAHostileTitleAsText) {
  const std::string tcx = *TcxFile(TcxRide());
  EXPECT_NE(tcx.find("<Notes>30 min &lt;Climb&gt; &amp; &quot;Sprint&quot; [2J</Notes>"),
            std::string::npos);
  EXPECT_EQ(tcx.find('\x1b'), std::string::npos);
  EXPECT_EQ(tcx.find('\x01'), std::string::npos);
}

TEST(TcxFile, NeedsSamplesAndGivesTheSameBytesEveryTime) {
  Activity empty = TcxRide();
  empty.samples.clear();
  auto none = TcxFile(empty);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(none.status().message(), "no samples");
  EXPECT_EQ(*TcxFile(TcxRun()), *TcxFile(TcxRun()));
}

// A 3-hour ride is one Lap of 10,800 trackpoints (its speed is measured in bench/, not here).
TEST(TcxFile, WritesAThreeHourRide) {
  Activity ride = TcxRide();
  ride.samples.clear();
  for (int t = 0; t < 10800; ++t) {
    model::SampleRow s;
    s.t_s = t;
    s.heart_rate_bpm = 130;
    s.cadence_rpm = 90;
    s.output_w = 200;
    s.speed_kph = 30;
    ride.samples.push_back(s);
  }
  ride.laps.clear();
  auto tcx = TcxFile(ride);
  ASSERT_TRUE(tcx.ok());
  EXPECT_EQ(TcxCount(*tcx, "<Trackpoint>"), 10800u);
  EXPECT_EQ(TcxCount(*tcx, "<Lap "), 1u);
}

}  // namespace
}  // namespace pelo::exporter
