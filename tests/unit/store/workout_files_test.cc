// What the workout files need besides the samples, stored and read back on real SQLite files:
// tracked movements and target blocks with their workout, class plans by ride id (schema v6),
// and the incline, altitude and elevation the fixtures carry.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <tuple>
#include <unordered_set>
#include <vector>

#include "pelo/peloton/api/parse.h"
#include "pelo/store/store.h"
#include "support/db_digest.h"
#include "support/peer_projections.h"
#include "unit/store/store_fixtures.h"

namespace pelo::store {
namespace {

using ::pelo::testing::ApiKeys;

using testing::BundleFromEnvelope;
using testing::ExecSql;
using testing::QueryDouble;
using testing::QueryInt;
using testing::QueryText;
using testing::TempDir;

constexpr double kMetresPerFoot = 0.3048;

std::string ReadSharedFile(const std::string& relative) {
  std::ifstream in(std::string(PELO_SHARED_DIR) + "/fixtures/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A strength workout tracked by Peloton Guide: the peer projection's workout (snake_case, its
// discipline as the API spells it) with the raw strength graph, as sync would store it.
WorkoutBundle GuideStrengthBundle() {
  nlohmann::json workout = ApiKeys(
      nlohmann::json::parse(
          ReadSharedFile("peer-projections/peloton-to-garmin/strength_guide_with_exercise.json"))
          .at("Workout"));
  workout["fitness_discipline"] = "strength";
  const std::string workout_body = workout.dump();
  const std::string graph_body =
      ReadSharedFile("peloton/peloton-to-garmin/tests/data/peloton_workoutsamples_strength.json");
  WorkoutBundle bundle;
  auto parsed = api::ParseWorkout(workout_body);
  auto graph = api::ParsePerformanceGraph(graph_body);
  EXPECT_TRUE(parsed.ok() && graph.ok());
  if (parsed.ok()) bundle.workout = *parsed;
  if (graph.ok()) bundle.graph = *graph;
  const std::string base = "/api/workout/" + bundle.workout.id;
  bundle.raw.push_back({base + "?joins=ride,ride.instructor", workout_body});
  bundle.raw.push_back({base + "/performance_graph?every_n=1", graph_body});
  return bundle;
}

// How many sample rows of `graph` have metric `slug`: the first value at each distinct time
// (BuildSampleRows' rule), when not null.
size_t SamplesWithMetric(const model::PerformanceGraph& graph, const std::string& slug) {
  const model::Metric* metric = graph.FindMetric(slug);
  if (metric == nullptr) return 0;
  std::unordered_set<int64_t> seen;
  size_t n = 0;
  for (size_t i = 0; i < graph.seconds_since_pedaling_start.size(); ++i) {
    if (!seen.insert(graph.seconds_since_pedaling_start[i]).second) continue;
    n += i < metric->values.size() && metric->values[i].has_value();
  }
  return n;
}

// A class plan as GET /api/ride/{id}/details gives one.
std::vector<model::ClassPlanStep> WorkoutFilesPlan() {
  model::ClassPlanStep press;
  press.id = "s1";
  press.type = "movement";
  press.display_name = "Wide Grip Overhead Press";
  press.segment_start_s = 60;
  press.offset_s = 30;
  press.length_s = 60;
  press.rounds = 2;
  press.movements = {{"258884d9586b45b3973228147a6b0c48", "Wide Grip Overhead Press"},
                     {"1c4d81ad487849a6995f93e1a6a4b1e4", "Push Up"}};
  model::ClassPlanStep rest;
  rest.id = "s2";
  rest.type = "rest";
  rest.display_name = "Rest";
  rest.segment_start_s = 60;
  rest.offset_s = 90;
  rest.length_s = 15;
  return {press, rest};
}

class WorkoutFilesStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(); }

  void Open() {
    auto store = OpenSqliteStore(db_path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  WorkoutDetail Load(const std::string& id) {
    auto detail = store_->LoadWorkoutDetail(id);
    EXPECT_TRUE(detail.ok() && detail->has_value()) << id;
    return detail.ok() && detail->has_value() ? **detail : WorkoutDetail{};
  }

  TempDir dir_;
  std::string db_path_ = (dir_.path() / "pelo.db").string();
  std::unique_ptr<Store> store_;
};

TEST_F(WorkoutFilesStoreTest, TargetBlocksInclineAndElevationOfATreadWalk) {
  const WorkoutBundle tread = BundleFromEnvelope("p2g_workouts/tread_run_workout.json");
  ASSERT_EQ(tread.graph.target_blocks.size(), 66u);
  ASSERT_TRUE(store_->SaveWorkout(tread).ok());
  const std::string id = tread.workout.id;
  EXPECT_EQ(
      QueryInt(db_path_, "SELECT COUNT(*) FROM target_blocks WHERE workout_id = '" + id + "'"), 66);
  size_t metrics = 0;
  for (const model::TargetBlock& block : tread.graph.target_blocks) metrics += block.metrics.size();
  EXPECT_EQ(metrics, 132u);  // speed and incline in each
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM target_block_metrics"), 132);

  const WorkoutDetail detail = Load(id);
  EXPECT_EQ(detail.target_blocks, tread.graph.target_blocks);
  // The elevation summary (264 ft) in metres; it is in workout_summaries as sent.
  ASSERT_TRUE(detail.elevation_gain_m.has_value());
  EXPECT_DOUBLE_EQ(*detail.elevation_gain_m, 264 * kMetresPerFoot);
  EXPECT_EQ(QueryText(db_path_, "SELECT display_unit FROM workout_summaries WHERE workout_id = '" +
                                    id + "' AND slug = 'elevation'"),
            "ft");
  // Incline (%) per sample, as the graph's series has it: up to 7 %.
  const model::Metric* incline = tread.graph.FindMetric("incline");
  ASSERT_NE(incline, nullptr);
  double max_incline = 0;
  size_t with_incline = 0;
  for (const model::SampleRow& s : detail.samples) {
    if (!s.incline_pct) continue;
    ++with_incline;
    max_incline = std::max(max_incline, *s.incline_pct);
  }
  EXPECT_GT(with_incline, 1700u);
  EXPECT_EQ(with_incline, SamplesWithMetric(tread.graph, "incline"));
  EXPECT_EQ(max_incline, 7.0);
  EXPECT_EQ(max_incline, incline->max_value);
  EXPECT_TRUE(detail.tracked_movements.empty());
  EXPECT_TRUE(detail.class_plan.empty());
}

TEST_F(WorkoutFilesStoreTest, AltitudeAndElevationOfOutdoorWalks) {
  // walking_outdoor_01: altitude in ft from 958 ft, elevation 26 ft.
  const WorkoutBundle walk = BundleFromEnvelope("p2g_workouts/walking_outdoor_01.json");
  // peloton_workoutsamples_running_outdoor: the raw graph alone (altitude from 131 ft, elevation
  // 67 ft), stored with its detail.
  WorkoutBundle run;
  const std::string data = "peloton/peloton-to-garmin/tests/data/";
  auto workout = api::ParseWorkout(ReadSharedFile(data + "peloton_workout_running_outdoor.json"));
  auto graph = api::ParsePerformanceGraph(
      ReadSharedFile(data + "peloton_workoutsamples_running_outdoor.json"));
  ASSERT_TRUE(workout.ok() && graph.ok());
  run.workout = *workout;
  run.graph = *graph;
  ASSERT_NE(run.workout.id, walk.workout.id);

  const std::vector<std::tuple<const WorkoutBundle*, double, double>> cases = {{&walk, 958.0, 26.0},
                                                                               {&run, 131.0, 67.0}};
  for (const auto& [bundle, first_ft, elevation_ft] : cases) {
    ASSERT_TRUE(store_->SaveWorkout(*bundle).ok());
    const WorkoutDetail detail = Load(bundle->workout.id);
    const model::Metric* altitude = bundle->graph.FindMetric("altitude");
    ASSERT_NE(altitude, nullptr);
    ASSERT_EQ(altitude->display_unit, "ft");
    ASSERT_FALSE(detail.samples.empty());
    ASSERT_TRUE(detail.samples.front().altitude_m.has_value()) << bundle->workout.id;
    EXPECT_DOUBLE_EQ(*detail.samples.front().altitude_m, first_ft * kMetresPerFoot);
    size_t with_altitude = 0;
    for (const model::SampleRow& s : detail.samples) with_altitude += s.altitude_m.has_value();
    EXPECT_GT(with_altitude, 1000u);
    EXPECT_EQ(with_altitude, SamplesWithMetric(bundle->graph, "altitude"));
    ASSERT_TRUE(detail.elevation_gain_m.has_value());
    EXPECT_DOUBLE_EQ(*detail.elevation_gain_m, elevation_ft * kMetresPerFoot);
  }
}

TEST_F(WorkoutFilesStoreTest, AnElevationInAnUnknownUnitIsNone) {
  WorkoutBundle bundle = BundleFromEnvelope("p2g_workouts/tread_run_workout.json");
  for (model::SummaryValue& s : bundle.graph.summaries) {
    if (s.slug == "elevation") s.display_unit = "furlongs";
  }
  ASSERT_TRUE(store_->SaveWorkout(bundle).ok());
  EXPECT_FALSE(Load(bundle.workout.id).elevation_gain_m.has_value());
  // Metres are kept as they are; no summary is none.
  for (model::SummaryValue& s : bundle.graph.summaries) {
    if (s.slug == "elevation") s.display_unit = "m";
  }
  ASSERT_TRUE(store_->SaveWorkout(bundle).ok());
  EXPECT_EQ(Load(bundle.workout.id).elevation_gain_m, 264);
  const WorkoutBundle ride = BundleFromEnvelope("SyncMyWorkout01.json");
  ASSERT_TRUE(store_->SaveWorkout(ride).ok());
  EXPECT_FALSE(Load(ride.workout.id).elevation_gain_m.has_value());
}

TEST_F(WorkoutFilesStoreTest, TrackedMovementsRoundTripAndAreReplacedWithTheWorkout) {
  WorkoutBundle strength = GuideStrengthBundle();
  ASSERT_EQ(strength.workout.tracked_movements.size(), 10u);
  // Two dumbbells: two weights of one movement.
  strength.workout.tracked_movements[0].weights.push_back({10, "lb"});
  ASSERT_TRUE(store_->SaveWorkout(strength).ok());
  const std::string id = strength.workout.id;
  EXPECT_EQ(Load(id).tracked_movements, strength.workout.tracked_movements);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM tracked_movement_weights"), 11);

  // Stored again with fewer: no row of the first version is left.
  strength.workout.tracked_movements.resize(3);
  strength.workout.tracked_movements[2].weights.clear();
  strength.workout.tracked_movements[2].is_hold = true;
  strength.workout.tracked_movements[2].completed_number.reset();
  ASSERT_TRUE(store_->SaveWorkout(strength).ok());
  EXPECT_EQ(Load(id).tracked_movements, strength.workout.tracked_movements);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM tracked_movements"), 3);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM tracked_movement_weights"), 3);
}

TEST_F(WorkoutFilesStoreTest, AClassPlanIsStoredByRideIdAndReadWithItsWorkouts) {
  const WorkoutBundle strength = GuideStrengthBundle();
  ASSERT_TRUE(strength.workout.ride.has_value());
  const std::string ride_id = strength.workout.ride->id;
  ASSERT_TRUE(store_->SaveWorkout(strength).ok());
  EXPECT_TRUE(Load(strength.workout.id).class_plan.empty()) << "none stored yet";
  EXPECT_TRUE(store_->ClassPlanRideIds()->empty());

  const std::string path = "/api/ride/" + ride_id + "/details";
  ASSERT_TRUE(store_->SaveClassPlan(ride_id, WorkoutFilesPlan(), {path, R"({"ride":{}})"}).ok());
  EXPECT_EQ(*store_->ClassPlanRideIds(), std::unordered_set<std::string>{ride_id});
  EXPECT_EQ(Load(strength.workout.id).class_plan, WorkoutFilesPlan());
  EXPECT_EQ(*store_->ArchivedResponse(path), std::optional<std::string>(R"({"ride":{}})"));

  // Storing the workout again keeps the plan and its archived response (of no workout).
  ASSERT_TRUE(store_->SaveWorkout(strength).ok());
  EXPECT_EQ(Load(strength.workout.id).class_plan, WorkoutFilesPlan());
  EXPECT_TRUE(store_->ArchivedResponse(path)->has_value());

  // Stored again: replaced, not added to. An empty plan is stored too.
  std::vector<model::ClassPlanStep> shorter = WorkoutFilesPlan();
  shorter.resize(1);
  shorter[0].movements.resize(1);
  ASSERT_TRUE(store_->SaveClassPlan(ride_id, shorter, {path, "{}"}).ok());
  EXPECT_EQ(Load(strength.workout.id).class_plan, shorter);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM class_plan_movements"), 1);
  ASSERT_TRUE(store_->SaveClassPlan("other-ride", {}, {"/api/ride/other-ride/details", "{}"}).ok());
  EXPECT_EQ(store_->ClassPlanRideIds()->size(), 2u);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM class_plan_steps"), 1);

  const Status no_id = store_->SaveClassPlan("", WorkoutFilesPlan(), {"/x", "{}"});
  EXPECT_EQ(no_id.code(), ErrorCode::kInvalidArgument);
}

TEST_F(WorkoutFilesStoreTest, WorkoutSourcesListAStoredDisciplinesArchivedPaths) {
  const WorkoutBundle strength = GuideStrengthBundle();
  WorkoutBundle from_list = GuideStrengthBundle();
  from_list.workout.id = "listed-only";
  from_list.workout.ride.reset();
  from_list.raw = {{"/api/user/u1/workouts#listed-only", "{}"},
                   {"/api/workout/listed-only/performance_graph?every_n=5", "{}"}};
  WorkoutBundle unarchived = GuideStrengthBundle();
  unarchived.workout.id = "unarchived";
  unarchived.raw.clear();
  WorkoutBundle gone = GuideStrengthBundle();
  gone.workout.id = "gone";
  gone.raw = {{"/api/workout/gone", "{}"}};
  for (const WorkoutBundle* b :
       std::vector<const WorkoutBundle*>{&strength, &from_list, &unarchived, &gone}) {
    ASSERT_TRUE(store_->SaveWorkout(*b).ok());
  }
  ASSERT_TRUE(store_->SaveWorkout(BundleFromEnvelope("SyncMyWorkout01.json")).ok());
  ASSERT_TRUE(store_
                  ->Reconcile({strength.workout.id, "listed-only", "unarchived",
                               BundleFromEnvelope("SyncMyWorkout01.json").workout.id})
                  .ok());  // "gone" is flagged

  auto sources = store_->WorkoutSources("strength");
  ASSERT_TRUE(sources.ok()) << sources.status().ToString();
  ASSERT_EQ(sources->size(), 3u);
  EXPECT_EQ((*sources)[0].workout_id, strength.workout.id);  // "ab02..." sorts first
  EXPECT_EQ((*sources)[0].ride_id, strength.workout.ride->id);
  EXPECT_EQ((*sources)[0].archived_paths,
            (std::vector<std::string>{strength.raw[1].path, strength.raw[0].path}))
      << "by path: '/' sorts before '?'";
  EXPECT_EQ((*sources)[1].workout_id, "listed-only");
  EXPECT_EQ((*sources)[1].ride_id, "");
  EXPECT_EQ((*sources)[1].archived_paths,
            (std::vector<std::string>{"/api/user/u1/workouts#listed-only",
                                      "/api/workout/listed-only/performance_graph?every_n=5"}));
  EXPECT_EQ((*sources)[2].workout_id, "unarchived");
  EXPECT_TRUE((*sources)[2].archived_paths.empty());
  EXPECT_TRUE(store_->WorkoutSources("rowing")->empty());
}

TEST_F(WorkoutFilesStoreTest, RebuildWritesTheSameRowsAsSaving) {
  const WorkoutBundle strength = GuideStrengthBundle();
  const WorkoutBundle tread = BundleFromEnvelope("p2g_workouts/tread_run_workout.json");
  const std::string ride_id = strength.workout.ride->id;
  ASSERT_TRUE(store_->SaveWorkout(strength).ok());
  ASSERT_TRUE(store_->SaveWorkout(tread).ok());
  ASSERT_TRUE(
      store_
          ->SaveClassPlan(ride_id, WorkoutFilesPlan(), {"/api/ride/" + ride_id + "/details", "{}"})
          .ok());
  const auto saved = pelo::testing::DigestTables(db_path_, {.include_bookkeeping = true});
  ASSERT_GT(saved.at("class_plan_movements").rows, 0);
  ASSERT_GT(saved.at("tracked_movement_weights").rows, 0);
  ASSERT_GT(saved.at("target_block_metrics").rows, 0);

  // Emptied with the rest of the derived rows.
  ASSERT_TRUE(store_->Rebuild([](RebuildWriter&) { return OkStatus(); }).ok());
  for (const char* table :
       {"tracked_movements", "tracked_movement_weights", "target_blocks", "target_block_metrics",
        "class_plans", "class_plan_steps", "class_plan_movements"}) {
    EXPECT_EQ(QueryInt(db_path_, std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
  }

  // Written again; a second plan of the same class replaces the first (two archived paths).
  ASSERT_TRUE(store_
                  ->Rebuild([&](RebuildWriter& writer) -> Status {
                    PELO_RETURN_IF_ERROR(writer.WriteClassPlan(ride_id, {}));
                    PELO_RETURN_IF_ERROR(writer.WriteClassPlan(ride_id, WorkoutFilesPlan()));
                    PELO_RETURN_IF_ERROR(writer.WriteWorkout(PrepareWorkout(strength)));
                    return writer.WriteWorkout(PrepareWorkout(tread));
                  })
                  .ok());
  const auto rebuilt = pelo::testing::DigestTables(db_path_, {.include_bookkeeping = true});
  EXPECT_EQ(rebuilt, saved);
  EXPECT_EQ(Load(strength.workout.id).class_plan, WorkoutFilesPlan());
  EXPECT_EQ(Load(strength.workout.id).tracked_movements, strength.workout.tracked_movements);
  EXPECT_EQ(Load(tread.workout.id).target_blocks, tread.graph.target_blocks);

  const Status no_id = store_->Rebuild(
      [](RebuildWriter& writer) { return writer.WriteClassPlan("", WorkoutFilesPlan()); });
  EXPECT_EQ(no_id.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Load(strength.workout.id).class_plan, WorkoutFilesPlan()) << "rolled back";
}

// A database written before schema v6: it migrates in place, keeps its workouts, and has no row
// in the new tables until a rebuild or a sync fills them.
TEST_F(WorkoutFilesStoreTest, AVersion5DatabaseMigratesInPlace) {
  const WorkoutBundle tread = BundleFromEnvelope("p2g_workouts/tread_run_workout.json");
  ASSERT_TRUE(store_->SaveWorkout(tread).ok());
  store_.reset();
  ExecSql(db_path_, std::string(testing::kDropSchemaV6) + "PRAGMA user_version = 5;");
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'class_plans'"), 0);
  Open();
  EXPECT_EQ(store_->SchemaVersion(), 6);
  EXPECT_EQ(*store_->CountWorkouts(), 1);
  const WorkoutDetail detail = Load(tread.workout.id);
  EXPECT_TRUE(detail.target_blocks.empty());
  EXPECT_FALSE(detail.samples.empty());
  EXPECT_TRUE(store_->ClassPlanRideIds()->empty());
}

}  // namespace
}  // namespace pelo::store
