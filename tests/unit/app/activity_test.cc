// The workout files' Activity (BuildActivity, laps, stacks) and the export loop
// (ExportActivities) on hand-made workouts and on a database synced from the simulator.
#include "pelo/app/activity.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "pelo/analytics/ride_power.h"
#include "pelo/app/activity_export.h"
#include "pelo/app/history.h"
#include "pelo/app/workspace.h"
#include "pelo/export/file_names.h"
#include "pelo/export/fit.h"
#include "unit/app/app_fixture.h"

namespace pelo::app {
namespace {

namespace fs = std::filesystem;

// `n` samples at `speed_kph`, one per `step` seconds from `from`.
std::vector<model::SampleRow> ActivitySamples(int64_t from, int n, int64_t step,
                                              double speed_kph = 36) {
  std::vector<model::SampleRow> rows(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    rows[static_cast<size_t>(i)].t_s = from + i * step;
    rows[static_cast<size_t>(i)].speed_kph = speed_kph;
    rows[static_cast<size_t>(i)].output_w = 100 + i;
  }
  return rows;
}

RideDetail RideWith(std::vector<model::SampleRow> samples) {
  RideDetail ride;
  ride.workout.workout_id = "a1";
  ride.workout.title = "20 min Ride";
  ride.workout.discipline = "cycling";
  ride.workout.start_time = 1'700'000'000;
  ride.workout.timezone = "America/New_York";
  ride.samples = std::move(samples);
  return ride;
}

std::vector<std::pair<int64_t, int64_t>> Spans(const std::vector<exporter::Lap>& laps) {
  std::vector<std::pair<int64_t, int64_t>> spans;
  for (const exporter::Lap& lap : laps) spans.emplace_back(lap.start_s, lap.length_s);
  return spans;
}

TEST(ActivityLaps, ParsesLapSourcesAndDistances) {
  EXPECT_EQ(ParseLapSource("segments"), LapSource::kSegments);
  EXPECT_EQ(ParseLapSource("targets"), LapSource::kTargets);
  EXPECT_EQ(ParseLapSource("distance"), LapSource::kDistance);
  EXPECT_EQ(ParseLapSource("none"), LapSource::kNone);
  EXPECT_FALSE(ParseLapSource("Segments"));
  EXPECT_DOUBLE_EQ(*ParseLapDistanceM("1km"), 1000);
  EXPECT_DOUBLE_EQ(*ParseLapDistanceM("1mi"), 1609.344);
  EXPECT_DOUBLE_EQ(*ParseLapDistanceM("500m"), 500);
  EXPECT_DOUBLE_EQ(*ParseLapDistanceM("0.5mi"), 804.672);
  for (const char* bad : {"", "km", "1", "1 km", "-1km", "0m", "1e99km", "nanm", "1KM"}) {
    EXPECT_FALSE(ParseLapDistanceM(bad)) << bad;
  }
}

TEST(ActivityLaps, SegmentLapsTileTheSamples) {
  // Samples from second 7 (as the lanebreaker capture) to 599; segments leave 100..110 uncovered
  // and the last one runs past the end; a zero-length one and one past the end are left out.
  RideDetail ride = RideWith(ActivitySamples(7, 593, 1));
  ride.segments = {{"", "Warm Up", "", "", 0, 100, {}},
                   {"", "Empty", "", "", 50, 0, {}},
                   {"", "Main", "", "", 110, 400, {}},
                   {"", "Cool Down", "", "", 510, 300, {}},
                   {"", "Later", "", "", 700, 60, {}}};
  const exporter::Activity a = BuildActivity(ride, {});
  EXPECT_EQ(Spans(a.laps),
            (std::vector<std::pair<int64_t, int64_t>>{{0, 110}, {110, 400}, {510, 90}}));
  EXPECT_EQ(a.laps[0].name, "Warm Up");
  EXPECT_EQ(a.laps[2].name, "Cool Down");

  ActivityOptions none;
  none.laps = LapSource::kNone;
  EXPECT_TRUE(BuildActivity(ride, none).laps.empty());
}

TEST(ActivityLaps, DistanceLapsEndAtEachMultiple) {
  // 36 km/h = 10 m/s: a 1 km lap every 100 s, the rest in a last lap.
  RideDetail ride = RideWith(ActivitySamples(0, 250, 1));
  ActivityOptions options;
  options.laps = LapSource::kDistance;
  EXPECT_EQ(Spans(BuildActivity(ride, options).laps),
            (std::vector<std::pair<int64_t, int64_t>>{{0, 100}, {100, 100}, {200, 50}}));
  options.lap_distance_m = 500;
  EXPECT_EQ(BuildActivity(ride, options).laps.size(), 5u);
  // Rowing defaults to 500 m.
  ride.workout.discipline = "caesar";
  options.lap_distance_m.reset();
  EXPECT_EQ(BuildActivity(ride, options).laps.size(), 5u);
  // No distance at all: one lap for the whole workout (none listed).
  for (model::SampleRow& s : ride.samples) s.speed_kph.reset();
  EXPECT_TRUE(BuildActivity(ride, options).laps.empty());
}

TEST(ActivityBuild, CarriesTheStoredTotalsZonesAndTime) {
  RideDetail ride = RideWith(ActivitySamples(0, 60, 1));
  ride.workout.total_output = 123;
  ride.workout.average_output = 150;
  ride.workout.max_output = 400;
  ride.workout.average_heart_rate = 140;
  ride.workout.max_heart_rate = 171;
  ride.workout.average_cadence = 88;
  ride.workout.distance_km = 20.5;
  ride.workout.calories_kcal = 300;
  ride.ftp = 250;
  ride.metrics.emplace();
  ride.metrics->metrics.np = 180;
  ride.metrics->metrics.intensity_factor = 0.72;
  ride.metrics->metrics.tss = 43;
  ride.power_zones.push_back({3, 190, 225, 600});
  ride.heart_rate_zones.push_back({2, 120, 140, 300});
  ride.heart_rate_zones.push_back({5, 170, {}, 30});
  const exporter::Activity a = BuildActivity(ride, {});
  EXPECT_EQ(a.workout_id, "a1");
  EXPECT_EQ(a.start_time, 1'700'000'000);
  EXPECT_EQ(a.utc_offset_s, -5 * 3600);  // New York in November
  EXPECT_EQ(a.total_work_kj, 123);
  EXPECT_EQ(a.avg_power_w, 150);
  EXPECT_EQ(a.max_power_w, 400);
  EXPECT_EQ(a.normalized_power_w, 180);
  EXPECT_EQ(a.intensity_factor, 0.72);
  EXPECT_EQ(a.training_stress_score, 43);
  EXPECT_EQ(a.avg_heart_rate_bpm, 140);
  EXPECT_EQ(a.max_heart_rate_bpm, 171);
  EXPECT_EQ(a.avg_cadence_rpm, 88);
  EXPECT_EQ(a.distance_km, 20.5);
  EXPECT_EQ(a.calories_kcal, 300);
  EXPECT_EQ(a.ftp_w, 250);
  EXPECT_EQ(a.power_zone_s[2], 600);
  EXPECT_FALSE(a.power_zone_s[0]);
  EXPECT_EQ(a.heart_rate_zone_s[1], 300);
  EXPECT_EQ(a.heart_rate_zone_high_bpm[1], 140);
  EXPECT_EQ(a.heart_rate_zone_s[4], 30);
  EXPECT_EQ(a.device, exporter::DefaultFitDevice("cycling", false));

  ActivityOptions chosen;
  chosen.devices["cycling"] = *exporter::FitDevicePreset("forerunner-945");
  EXPECT_EQ(BuildActivity(ride, chosen).device, *exporter::FitDevicePreset("forerunner-945"));
}

TEST(ActivityStack, MovesEachPartOntoTheFirstsTimeAxis) {
  RideDetail first = RideWith(ActivitySamples(0, 600, 1));
  first.workout.distance_km = 6;
  first.workout.total_output = 60;
  first.workout.average_output = 100;
  first.workout.max_heart_rate = 150;
  RideDetail second = RideWith(ActivitySamples(0, 300, 1));
  second.workout.workout_id = "b2";
  second.workout.title = "10 min Cool Down";
  second.workout.start_time = *first.workout.start_time + 660;  // a minute after the first
  second.workout.distance_km = 3;
  second.workout.total_output = 20;
  second.workout.average_output = 70;
  second.workout.max_heart_rate = 160;
  const exporter::Activity a =
      StackActivities({BuildActivity(first, {}), BuildActivity(second, {})});
  EXPECT_EQ(a.workout_id, "a1");
  ASSERT_EQ(a.samples.size(), 900u);
  EXPECT_EQ(a.samples[599].t_s, 599);
  EXPECT_EQ(a.samples[600].t_s, 660);
  EXPECT_EQ(a.samples.back().t_s, 959);
  EXPECT_EQ(Spans(a.laps), (std::vector<std::pair<int64_t, int64_t>>{{0, 600}, {660, 300}}));
  EXPECT_EQ(a.laps[1].name, "10 min Cool Down");
  EXPECT_EQ(a.distance_km, 9);
  EXPECT_EQ(a.total_work_kj, 80);
  EXPECT_DOUBLE_EQ(*a.avg_power_w, (100.0 * 600 + 70.0 * 300) / 900);
  EXPECT_EQ(a.max_heart_rate_bpm, 160);
  // Power 100..699 W then 100..399 W: NP of the 900 s together (§2.5), not of either class.
  std::vector<double> power;
  for (int i = 0; i < 600; ++i) power.push_back(100 + i);
  for (int i = 0; i < 300; ++i) power.push_back(100 + i);
  ASSERT_TRUE(a.normalized_power_w);
  EXPECT_DOUBLE_EQ(*a.normalized_power_w, *analytics::NormalizedPower(power));
}

TEST(ActivityLaps, TargetBlocksBecomeLapsOnTheSamplesClock) {
  // As the tread capture: blocks on the video clock (60 s of intro), `end` their last second.
  std::vector<model::TargetBlock> blocks = {
      {60, 72, "running", {{"speed", 1.0, 3.0}, {"incline", 0.0, 1.0}}},
      {73, 180, "running", {{"speed", 2.5, 3.0}}},
      {181, 300, "power_zone", {{"power_zone", 3.0, 3.0}}},
      {400, 390, "running", {}}};  // backwards: left out
  const auto laps = TargetLaps(blocks, 60);
  EXPECT_EQ(Spans(laps),
            (std::vector<std::pair<int64_t, int64_t>>{{0, 13}, {13, 108}, {121, 120}}));
  EXPECT_EQ(laps[0].name, "speed 1-3, incline 0-1");
  EXPECT_EQ(laps[2].name, "power zone 3");

  RideDetail ride = RideWith(ActivitySamples(0, 300, 1));
  ride.target_blocks = blocks;
  ride.pedaling_start_offset_s = 60;
  ActivityOptions options;
  options.laps = LapSource::kTargets;
  EXPECT_EQ(Spans(BuildActivity(ride, options).laps),
            (std::vector<std::pair<int64_t, int64_t>>{{0, 13}, {13, 108}, {121, 179}}));
}

TEST(ActivityLaps, APausedWorkoutsLapsMoveByThePause) {
  // 0..99, a 50 s pause, then 150..249: a segment from class second 120 starts at t = 170.
  std::vector<model::SampleRow> samples = ActivitySamples(0, 100, 1);
  for (model::SampleRow& s : ActivitySamples(150, 100, 1)) samples.push_back(s);
  RideDetail ride = RideWith(samples);
  ride.segments = {{"", "A", "", "", 0, 120, {}}, {"", "B", "", "", 120, 80, {}}};
  EXPECT_EQ(Spans(BuildActivity(ride, {}).laps),
            (std::vector<std::pair<int64_t, int64_t>>{{0, 170}, {170, 80}}));
}

TEST(ActivitySets, TrackedMovementsWithRestsBetween) {
  model::TrackedMovement press{"258884d9586b45b3973228147a6b0c48",
                               "Wide Grip Overhead Press",
                               false,
                               10,
                               90,
                               30,
                               {{10, "lb"}}};
  model::TrackedMovement curl{"c1", "Bicep Curl", false, 12, 120, 30, {{15, "lb"}, {15, "lb"}}};
  model::TrackedMovement plank{"p1", "Plank", true, 40, 165, 45, {{0, "lb"}}};
  const auto sets = StrengthSets({plank, press, curl}, {});
  ASSERT_EQ(sets.size(), 4u);  // press, curl, a 15 s rest, plank
  EXPECT_EQ(sets[0].movement_name, "Wide Grip Overhead Press");
  EXPECT_EQ(sets[0].repetitions, 10);
  EXPECT_NEAR(*sets[0].weight_kg, 4.5359237, 1e-9);
  EXPECT_NEAR(*sets[1].weight_kg, 30 * 0.45359237, 1e-9) << "two dumbbells: their sum";
  EXPECT_TRUE(sets[2].rest);
  EXPECT_EQ(sets[2].start_s, 150);
  EXPECT_EQ(sets[2].duration_s, 15);
  EXPECT_FALSE(sets[3].repetitions) << "a hold's number is seconds, not repetitions";
  EXPECT_EQ(sets[3].weight_kg, 0);
  EXPECT_EQ(sets[3].duration_s, 45);
}

TEST(ActivitySets, ClassPlanStepsByTime) {
  model::ClassPlanStep warm{"s1", "movement", "Roll Up", 0, 0, 30, {}, {{"0b85", "Roll Up"}}};
  model::ClassPlanStep circuit{
      "s2", "movement", "", 0, 30, 61, {}, {{"b264", "Hollow Rock"}, {"5b33", "Shoulder Tap"}}};
  model::ClassPlanStep rest{"s3", "rest", "Rest", 0, 91, 30, {}, {{"3ca2", "Rest"}}};
  model::ClassPlanStep empty{"s4", "movement", "", 0, 121, 0, {}, {{"x", "Squat"}}};
  const auto sets = StrengthSets({}, {rest, circuit, warm, empty});
  ASSERT_EQ(sets.size(), 4u);
  EXPECT_EQ(sets[0].movement_name, "Roll Up");
  EXPECT_FALSE(sets[0].repetitions);
  EXPECT_EQ(sets[1].movement_name, "Hollow Rock");
  EXPECT_EQ(sets[1].duration_s, 30);
  EXPECT_EQ(sets[2].movement_name, "Shoulder Tap");
  EXPECT_EQ(sets[2].start_s, 60);
  EXPECT_EQ(sets[2].duration_s, 31);
  EXPECT_TRUE(sets[3].rest);
  EXPECT_TRUE(StrengthSets({}, {}).empty());
}

model::WorkoutRow StackRow(const char* id, const char* discipline, int64_t start, int64_t end) {
  model::WorkoutRow row;
  row.workout_id = id;
  row.discipline = discipline;
  row.start_time = start;
  row.end_time = end;
  return row;
}

TEST(ActivityStack, StacksBackToBackWorkoutsOfOneDiscipline) {
  // Newest first, as the store lists them.
  const std::vector<model::WorkoutRow> rows = {
      StackRow("e", "cycling", 10'000, 10'600), StackRow("d", "running", 9'000, 9'600),
      StackRow("c", "cycling", 2'100, 2'400), StackRow("b", "cycling", 1'000, 1'800),
      StackRow("a", "cycling", 0, 600)};
  std::vector<std::vector<std::string>> ids;
  for (const auto& stack : StackWorkouts(rows, 300)) {
    ids.emplace_back();
    for (const model::WorkoutRow& row : stack) ids.back().push_back(row.workout_id);
  }
  // a -> b: 400 s apart (more than 300); b -> c: 300 s (stacked); d is another discipline.
  EXPECT_EQ(ids, (std::vector<std::vector<std::string>>{{"e"}, {"d"}, {"b", "c"}, {"a"}}));
  EXPECT_EQ(StackWorkouts(rows, 400).back().size(), 3u);
}

class ActivityExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Workspace(WorkspaceOptions{}).OpenExistingStore(testing::SyncedDbPath());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }

  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  std::unique_ptr<store::Store> store_;
  testing::TempDir dir_;
};

TEST_F(ActivityExportTest, WritesAFilePerWorkoutNamedAsTheSamplesExport) {
  ActivityExportRequest request;
  request.format = ActivityFormat::kFit;
  request.dir = dir_.path() + "/fit";
  auto result = ExportActivities(*store_, request);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  auto rows = ListWorkouts(*store_, DayRange{});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(result->written.size() + result->skipped.size(), rows->size());
  std::set<std::string> expected;
  for (const ExportedFile& f : result->written) {
    EXPECT_TRUE(fs::exists(f.path)) << f.path;
    EXPECT_EQ(fs::file_size(f.path), f.bytes);
    expected.insert(fs::path(f.path).filename().string());
    for (const model::WorkoutRow& row : *rows) {
      if (row.workout_id == f.workout_ids.front()) {
        EXPECT_EQ(fs::path(f.path).filename().string(), exporter::WorkoutFileName(row, "fit"));
      }
    }
  }
  std::set<std::string> found;
  for (const auto& entry : fs::directory_iterator(request.dir)) {
    found.insert(entry.path().filename().string());
  }
  EXPECT_EQ(found, expected);
  for (const SkippedWorkout& s : result->skipped) EXPECT_EQ(s.reason, "no samples");

  // The same database exports the same bytes.
  const std::string again = dir_.path() + "/again";
  request.dir = again;
  auto second = ExportActivities(*store_, request);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->written.size(), result->written.size());
  for (size_t i = 0; i < result->written.size(); ++i) {
    EXPECT_EQ(Read(result->written[i].path), Read(second->written[i].path));
  }
}

TEST_F(ActivityExportTest, SkipsWorkoutsAFormatCannotExpressWithTheirReason) {
  ActivityExportRequest request;
  request.format = ActivityFormat::kGpx;
  request.dir = dir_.path();
  auto result = ExportActivities(*store_, request);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_FALSE(result->skipped.empty());
  for (const SkippedWorkout& s : result->skipped) {
    EXPECT_TRUE(s.reason == "no GPS track" || s.reason == "no samples") << s.reason;
  }
}

TEST_F(ActivityExportTest, OneFileTakesExactlyOneWorkout) {
  ActivityExportRequest request;
  request.format = ActivityFormat::kTcx;
  request.file = dir_.path() + "/one.tcx";
  auto many = ExportActivities(*store_, request);
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(many.status().message().find("-o takes exactly one workout"), std::string::npos);
  EXPECT_FALSE(fs::exists(request.file));

  request.selection.last = 1;
  request.selection.discipline = "cycling";
  auto one = ExportActivities(*store_, request);
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  ASSERT_EQ(one->written.size(), 1u);
  EXPECT_EQ(one->written[0].path, request.file);
  EXPECT_GT(fs::file_size(request.file), 1000u);
}

TEST_F(ActivityExportTest, AnUnknownWorkoutIsNamed) {
  ActivityExportRequest request;
  request.dir = dir_.path();
  request.selection.workout_ids = {"0123456789abcdef0123456789abcdef"};
  auto result = ExportActivities(*store_, request);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(result.status().message().find("0123456789abcdef0123456789abcdef"), std::string::npos);
}

TEST_F(ActivityExportTest, RemovesWhatAKilledExportLeftBehind) {
  // A temporary file of WriteFileAtomically's naming, as a killed export leaves it; other hidden
  // files are the user's and stay.
  const std::string left = dir_.path() + "/.2024-01-01_Ride_abcdef12.fit.tmp.Ab12Cd";
  const std::string mine = dir_.path() + "/.notes.fit";
  std::ofstream(left) << "half";
  std::ofstream(mine) << "keep";
  ActivityExportRequest request;
  request.dir = dir_.path();
  request.selection.last = 1;
  ASSERT_TRUE(ExportActivities(*store_, request).ok());
  EXPECT_FALSE(fs::exists(left));
  EXPECT_TRUE(fs::exists(mine));
}

}  // namespace
}  // namespace pelo::app
