// The GPX writer: files valid against ../shared/schemas/gpx.xsd (xmllint, the schema with its
// extension schemas), one point per GPS position with its own second's samples, nothing out of
// the schema's ranges, and hostile titles kept as text.
#include "pelo/export/gpx.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <regex>
#include <string>

#include "unit/export/tool_run.h"

namespace pelo::exporter {
namespace {

constexpr int64_t kGpxStart = 1765000000;  // 2025-12-06T05:46:40Z

// An outdoor walk: 600 s of samples every second; a GPS point every 2 s, the second half after
// a gap stretch; some values out of any range.
Activity GpxWalk() {
  Activity a;
  a.workout_id = "abc123";
  a.title = "30 min <Walk> & \"Talk\" \x01\x1b[2J";
  a.discipline = "walking";
  a.is_outdoor = true;
  a.start_time = kGpxStart;
  for (int t = 0; t < 600; ++t) {
    model::SampleRow s;
    s.t_s = t;
    s.heart_rate_bpm = t == 10 ? 999.0 : t == 12 ? 0.0 : 100.0 + t % 40;
    s.cadence_rpm = t == 20 ? -5.0 : 50.0 + t % 30;
    s.output_w = t == 30 ? std::numeric_limits<double>::quiet_NaN() : 80.0 + t % 20;
    s.speed_kph = 5.5;
    s.altitude_m = 120.5 + t * 0.01;
    a.samples.push_back(s);
  }
  for (int t = 0; t < 600; t += 2) {
    model::GpsPoint p;
    p.seconds_offset = t;
    p.latitude = 40.7 + t * 1e-5;
    p.longitude = -74.0 + t * 1e-5;
    p.is_gap = t >= 300 && t < 320;
    a.gps.push_back(p);
  }
  model::GpsPoint nowhere;  // no position: left out
  nowhere.seconds_offset = 601;
  nowhere.latitude = std::numeric_limits<double>::quiet_NaN();
  a.gps.push_back(nowhere);
  return a;
}

// xmllint's verdict on `gpx` against the shared schema (exit 0: valid).
testing::ToolRun Validate(const std::string& gpx, const std::string& dir) {
  const std::string path = dir + "/walk.gpx";
  std::ofstream(path, std::ios::binary) << gpx;
  return testing::RunTool(
      {PELO_XMLLINT, "--noout", "--nonet", "--schema", PELO_SHARED_DIR "/schemas/gpx.xsd", path},
      dir);
}

TEST(GpxFile, IsValidAgainstTheSchemaWithItsExtensions) {
  ASSERT_TRUE(std::string(PELO_XMLLINT).size() && access(PELO_XMLLINT, X_OK) == 0)
      << "xmllint not found: run `bash scripts/install-deps.sh --tests` (libxml2-utils)";
  const std::string dir = testing::MakeTempDir("pelo-gpx-");
  ASSERT_FALSE(dir.empty());
  auto gpx = GpxFile(GpxWalk());
  ASSERT_TRUE(gpx.ok()) << gpx.status().ToString();
  const testing::ToolRun run = Validate(*gpx, dir);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  // The check can fail: an element the extension schema does not allow is refused.
  std::string invalid = *gpx;
  invalid.replace(invalid.find("<gpxtpx:hr>"), 11,
                  "<gpxtpx:resistance>1</gpxtpx:resistance><gpxtpx:hr>");
  EXPECT_EQ(Validate(invalid, dir).exit_code, 3);
  std::filesystem::remove_all(dir);
}

TEST(GpxFile, HasAPointPerPositionWithItsOwnSecondsSamples) {
  const Activity walk = GpxWalk();
  auto gpx = GpxFile(walk);
  ASSERT_TRUE(gpx.ok());
  const std::string& text = *gpx;
  auto count = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
      ++n;
    return n;
  };
  EXPECT_EQ(count("<trkpt "), 300u);  // the point without a position is left out
  EXPECT_EQ(count("<trkseg>"), 3u);   // before, during and after the gap stretch
  // t = 100 s: its time, position and that second's samples.
  const std::string point =
      "<trkpt lat=\"40.7010000\" lon=\"-73.9990000\"><ele>121.50</ele>"
      "<time>2025-12-06T05:48:20Z</time><extensions><gpxpx:PowerInWatts>80</gpxpx:PowerInWatts>"
      "<gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr><gpxtpx:cad>60</gpxtpx:cad>"
      "<gpxtpx:speed>1.528</gpxtpx:speed></gpxtpx:TrackPointExtension></extensions></trkpt>";
  EXPECT_NE(text.find(point), std::string::npos) << text.substr(0, 2000);
  // Out of range values are left out, not wrapped: HR 999 and 0 (t = 10, 12), cadence -5
  // (t = 20), power NaN (t = 30).
  for (const char* time : {"05:46:50Z", "05:46:52Z", "05:47:00Z", "05:47:10Z"}) {
    const size_t at = text.find(time);
    ASSERT_NE(at, std::string::npos) << time;
    const std::string rest = text.substr(at, text.find("</trkpt>", at) - at);
    EXPECT_FALSE(std::regex_search(rest, std::regex("<gpxtpx:hr>(999|0)<|<gpxtpx:cad>-|NaN|nan")))
        << rest;
  }
}

TEST(GpxFile, KeepsAHostileTitleAsText) {
  auto gpx = GpxFile(GpxWalk());
  ASSERT_TRUE(gpx.ok());
  EXPECT_NE(gpx->find("<name>30 min &lt;Walk&gt; &amp; &quot;Talk&quot; [2J</name>"),
            std::string::npos);
  EXPECT_EQ(gpx->find('\x1b'), std::string::npos);
  EXPECT_EQ(gpx->find('\x01'), std::string::npos);
}

TEST(GpxFile, NeedsAGpsTrackAndGivesTheSameBytesEveryTime) {
  Activity indoor = GpxWalk();
  indoor.gps.clear();
  auto none = GpxFile(indoor);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(none.status().message(), "no GPS track");
  EXPECT_EQ(*GpxFile(GpxWalk()), *GpxFile(GpxWalk()));
}

}  // namespace
}  // namespace pelo::exporter
