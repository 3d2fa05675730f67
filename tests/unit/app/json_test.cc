// One JSON encoding per result: the exact text every front-end gets.
#include "pelo/app/json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app_fixture.h"
#include "pelo/analytics/ride_day.h"
#include "pelo/app/columns.h"

namespace pelo::app {
namespace {

using testing::Day;

TEST(JsonTest, WorkoutsHaveTheCsvKeysAndTheLocalDaySortedWholeNumbersAsIntegersAndNullForUnknown) {
  model::WorkoutRow row;
  row.workout_id = "abc";
  row.start_time = 1772422200;
  row.end_time = 1772424000;
  row.duration = 1800;
  row.average_output = 181.5;
  row.discipline = "cycling";
  row.title = "30 min \"Climb\" Ride";
  row.timezone = "America/New_York";  // not a column: it gives `day`, 22:30 the evening before
  EXPECT_EQ(WorkoutsJson({row}, false),
            R"([{"average_cadence":null,"average_heart_rate":null,"average_output":181.5,)"
            R"("average_resistance":null,"calories_kcal":null,"date":"2026-03-02 04:00:00",)"
            R"("day":"2026-03-01",)"
            R"("deleted":false,"discipline":"cycling","distance_km":null,"duration":1800,)"
            R"("ftp":null,"instructor":"","max_heart_rate":null,"max_output":null,)"
            R"("max_resistance":null,"peloton_id":"","start_time":"2026-03-02T03:30:00Z",)"
            R"("title":"30 min \"Climb\" Ride","total_output":null,"workout_id":"abc"}])");
  EXPECT_EQ(WorkoutsJson({}, false), "[]");
  EXPECT_EQ(WorkoutsJson({}, true), "[]");
}

TEST(JsonTest, RideStatsFollowTheColumnsWithWholeNumbersAsIntegersAndARunsPace) {
  model::RideMetricsListing run;
  run.metrics.workout_id = "run1";
  run.start_time = 1772422200;
  run.discipline = "running";
  run.title = "20 min Run";
  run.metrics.duration_s = 1500;
  run.metrics.tss = 31.5;
  run.distance_km = 5;
  model::RideMetricsListing unknown;  // nothing known but its id
  unknown.metrics.workout_id = "x";

  const auto parsed = nlohmann::ordered_json::parse(RideStatsJson({run, unknown}, false));
  ASSERT_EQ(parsed.size(), 2u);
  std::vector<std::string> keys;
  for (const auto& [key, value] : parsed[0].items()) keys.push_back(key);
  EXPECT_EQ(keys, RideStatsColumns());
  EXPECT_EQ(parsed[0]["date"], "2026-03-02 03:30:00");
  EXPECT_EQ(parsed[0]["day"], "2026-03-02");  // no zone known: the UTC day
  EXPECT_EQ(parsed[0]["duration_s"].dump(), "1500");
  EXPECT_EQ(parsed[0]["tss"].dump(), "31.5");
  EXPECT_EQ(parsed[0]["pace_min_per_km"].dump(), "5");   // 1500 s over 5 km
  EXPECT_TRUE(parsed[0]["split_s_per_500m"].is_null());  // a run has no split
  EXPECT_TRUE(parsed[1]["date"].is_null());
  EXPECT_TRUE(parsed[1]["day"].is_null());
  EXPECT_TRUE(parsed[1]["tss"].is_null());
  EXPECT_EQ(RideStatsValues(unknown).size() + 5, RideStatsColumns().size());
  EXPECT_EQ(RideStatsJson({}, false), "[]");
}

TEST(JsonTest, TheCurveKeepsItsKeyOrderAndAnUnknownDateIsNull) {
  const std::vector<CurvePoint> points = {{1, 812.25, "abc", "2026-03-01", true},
                                          {5, 700, "def", "", false}};
  EXPECT_EQ(CurveJson(points, false),
            R"([{"duration_s":1,"watts":812.25,"workout_id":"abc","date":"2026-03-01",)"
            R"("resolution_limited":true},{"duration_s":5,"watts":700.0,"workout_id":"def",)"
            R"("date":null,"resolution_limited":false}])");
  EXPECT_EQ(CurveJson({points[1]}, true),
            "[\n  {\n    \"duration_s\": 5,\n    \"watts\": 700.0,\n    \"workout_id\": \"def\",\n"
            "    \"date\": null,\n    \"resolution_limited\": false\n  }\n]");
}

TEST(JsonTest, ComputedValuesAreRoundedToFourDecimalsAndNanIsNull) {
  analytics::PmcDay day;
  day.day = Day("2026-03-01");
  day.load = 12.345678;
  day.ctl = std::numeric_limits<double>::quiet_NaN();
  day.atl = 1.0 / 3;
  day.tsb = -0.00004;
  day.ramp = 2;
  EXPECT_EQ(FitnessJson({day}, false),
            R"([{"date":"2026-03-01","load":12.3457,"ctl":null,"atl":0.3333,"tsb":-0.0,)"
            R"("ramp":2.0}])");
}

TEST(JsonTest, AnFtpSummaryWithNothingInItIsAllNull) {
  EXPECT_EQ(FtpJson(insights::FtpSummary{}, insights::RideHistory{}, false),
            R"({"changes":[],"current":null,"eftp42":null,"eftp42_trend_w_per_week":null,)"
            R"("trend_weeks":0})");
  insights::FtpSummary ftp;
  ftp.changes.push_back({Day("2026-02-01"), analytics::FtpChangeKind::kTested, 250.4, 240, "x"});
  ftp.current = ftp.changes.back();
  ftp.eftp_trend_w_per_week = 1.23456;
  ftp.trend_weeks = 8;
  EXPECT_EQ(FtpJson(ftp, insights::RideHistory{}, false),
            R"({"changes":[{"date":"2026-02-01","kind":"test","ftp":250.4,"previous":240.0,)"
            R"("workout_id":"x","title":""}],"current":{"date":"2026-02-01","kind":"test",)"
            R"("ftp":250.4,"previous":240.0,"workout_id":"x","title":""},"eftp42":null,)"
            R"("eftp42_trend_w_per_week":1.2346,"trend_weeks":8})");
}

TEST(JsonTest, ZonesAreKeyedByTheirColumns) {
  insights::ZoneTotals month;
  month.start = Day("2026-03-01");
  month.workouts = 2;
  month.hours = 1.5;
  month.power_zone_s[0] = 60;
  month.hr_zone_s[4] = 30;
  const std::string json = ZonesJson({month}, insights::ZonePeriod::kMonth, false);
  EXPECT_EQ(json, R"([{"month":"2026-03-01","workouts":2,"hours":1.5,"tss":0.0,"pz1_s":60.0,)"
                  R"("pz2_s":0.0,"pz3_s":0.0,"pz4_s":0.0,"pz5_s":0.0,"pz6_s":0.0,"pz7_s":0.0,)"
                  R"("hrz1_s":0.0,"hrz2_s":0.0,"hrz3_s":0.0,"hrz4_s":0.0,"hrz5_s":30.0}])");
  EXPECT_EQ(ZoneColumns(insights::ZonePeriod::kWeek).front(), "week");
  EXPECT_EQ(ZoneColumns(insights::ZonePeriod::kWeek).size(), 16u);
}

TEST(JsonTest, WeeklyFeaturesHaveOneKeyPerColumn) {
  analytics::WeekFeatures week;
  week.week_start = Day("2026-03-02");
  week.has_benchmark = true;
  week.eftp42 = 251.23456;
  const std::string json = WeeklyFeaturesJson({week}, false);
  const std::vector<std::string> columns = WeeklyFeatureColumns();
  ASSERT_EQ(columns.size(), WeeklyFeatureValues(week).size() + 1);
  size_t at = 0;
  for (const std::string& column : columns) {  // every key, in column order
    const size_t found = json.find("\"" + column + "\":", at);
    ASSERT_NE(found, std::string::npos) << column;
    at = found;
  }
  EXPECT_NE(json.find(R"("week":"2026-03-02")"), std::string::npos);
  EXPECT_NE(json.find(R"("has_benchmark":1.0)"), std::string::npos);
  EXPECT_NE(json.find(R"("eftp42":251.2346)"), std::string::npos);
}

TEST(JsonTest, DriversOfAnEmptyHistoryNameNoTopDriver) {
  const analytics::DriversOptions options;
  const std::string json =
      DriversJson(insights::AnalyzeHistory(insights::RideHistory{}, options), options, false);
  EXPECT_EQ(json.rfind(R"({"outcome":"eFTP42","weeks":0,)", 0), 0u) << json;
  EXPECT_NE(json.find(R"("top_driver":null,"factors":[)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("impulse_response":{)"), std::string::npos) << json;
}

TEST(JsonTest, SyncResultsAddReconcileCountsAndTheErrorOnlyWhenThereAreSome) {
  sync::SyncResult r;
  r.requests = 12;
  r.added = 3;
  r.seconds = 1.5;
  EXPECT_EQ(SyncResultJson(r, false),
            R"({"requests":12,"bytes":0,"new":3,"updated":0,"skipped":0,"failed":0,)"
            R"("seconds":1.5,"listed":0,"pending":0,"total":0,"recomputed":0,"ftp_changed":0,)"
            R"("class_plans":0,"rebuilt":false})");
  r.deleted = 2;
  r.status = Status(ErrorCode::kNetwork, "connection refused");
  const std::string failed = SyncResultJson(r, true);
  EXPECT_NE(failed.find(R"("rebuilt":false,"deleted":2,"restored":0,"error":{"code":)"),
            std::string::npos)
      << failed;
  EXPECT_NE(failed.find(R"("message":"connection refused"})"), std::string::npos) << failed;
}

TEST(JsonTest, RebuildResultsHaveTheirKeysSorted) {
  sync::RebuildResult r;
  r.workouts = 3;
  r.samples = 5400;
  r.json_bytes = 1000;
  r.seconds = 0.25;
  EXPECT_EQ(RebuildResultJson(r),
            R"({"ftp_changed":0,"json_bytes":1000,"recomputed":0,"samples":5400,)"
            R"("seconds":0.25,"skipped":0,"workouts":3})");
}

}  // namespace
}  // namespace pelo::app
