// What sync keeps for the workout files, end to end against the simulator serving recorded
// workouts (--workouts-from): strength workouts' tracked movements (their detail) and class plans
// (GET /api/ride/{id}/details, once per class), graphs' target blocks; a database synced before
// catching up; a class plan that fails.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "integration/sim_fixture.h"
#include "pelo/peloton/api/parse.h"
#include "pelo/sync/rebuild.h"
#include "pelo/sync/sync.h"
#include "support/db_digest.h"
#include "support/peer_projections.h"
#include "support/sql_exec.h"

namespace pelo {
namespace {

using ::pelo::testing::ApiKeys;

using nlohmann::json;

constexpr char kClass[] = "fe675c1fbf9e411c850367109165e54d";  // 10 min Bodyweight Strength
constexpr char kTracked[] = "38583cbc0e434e54a2eb91be1a770e01";
constexpr char kUntracked[] = "38583cbc0e434e54a2eb91be1a770e02";

json ReadSharedJson(const std::string& relative) {
  std::ifstream in(std::string(PELO_SHARED_DIR) + "/fixtures/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return json::parse(text.str());  // skips a UTF-8 BOM
}

// The class plan the strength class's details carry: its second segment ("Full Body", from
// 140 s) holds a movement, a rest and another movement.
json ClassSubsegments() {
  return json::parse(R"([
    {"id": "p1", "type": "movement", "display_name": "Wide Grip Overhead Press",
     "scheduled_offset": 150, "length": 60, "rounds": 2,
     "movements": [{"id": "258884d9586b45b3973228147a6b0c48", "name": "Wide Grip Overhead Press",
                    "slug": "wide_grip_overhead_press"}]},
    {"id": "p2", "type": "rest", "display_name": "Rest", "scheduled_offset": 210, "length": 15,
     "movements": []},
    {"id": "p3", "type": "movement", "display_name": "Push Up", "scheduled_offset": 225,
     "length": 45, "movements": [{"id": "1c4d81ad487849a6995f93e1a6a4b1e4", "name": "Push Up"}]}
  ])");
}

std::vector<model::ClassPlanStep> ExpectedPlan() {
  StatusOr<model::RideDetails> details = api::ParseRideDetails(json{
      {"segments",
       {{"segment_list",
         {{{"start_time_offset", 0}},
          {{"start_time_offset", 140},
           {"subsegments_v2", ClassSubsegments()}}}}}}}.dump());
  EXPECT_TRUE(details.ok());
  return details.ok() ? details->class_plan : std::vector<model::ClassPlanStep>{};
}

class SyncWorkoutFilesTest : public testing::SimTest {
 protected:
  void SetUp() override { std::filesystem::create_directories(fixtures_); }

  void WriteEnvelope(const std::string& name, const json& workout, const json& graph) {
    std::ofstream(fixtures_ + "/" + name + ".json")
        << json{{"Workout", workout}, {"WorkoutSamples", graph}}.dump();
  }

  // Two workouts of one strength class (one tracked by Peloton Guide, one not) and a tread walk
  // with target metrics.
  void WriteHistory() {
    const std::string data = "peloton/peloton-to-garmin/tests/data/";
    json strength = ReadSharedJson(data + "peloton_workout_strength.json");
    ASSERT_EQ(strength.at("ride").at("id"), kClass);
    json graph = ReadSharedJson(data + "peloton_workoutsamples_strength.json");
    graph.at("segment_list").at(1)["subsegments_v2"] = ClassSubsegments();
    json tracked = strength;
    tracked["id"] = kTracked;
    tracked["movement_tracker_data"] = ApiKeys(
        ReadSharedJson("peer-projections/peloton-to-garmin/strength_guide_with_exercise.json")
            .at("Workout")
            .at("Movement_Tracker_Data"));
    WriteEnvelope("strength_tracked", tracked, graph);
    json untracked = strength;
    untracked["id"] = kUntracked;
    untracked["created_at"] = strength.at("created_at").get<int64_t>() + 86400;
    untracked["movement_tracker_data"] = nullptr;
    WriteEnvelope("strength_untracked", untracked, graph);
    const json tread = ReadSharedJson(
        "peloton/peloton-to-garmin/src/UnitTests/Data/p2g_workouts/"
        "tread_run_workout.json");
    tread_id_ = tread.at("Workout").at("id").get<std::string>();
    WriteEnvelope("tread", tread.at("Workout"), tread.at("WorkoutSamples"));
  }

  void StartWithHistory() {
    sim::Options options;
    options.workouts_from = fixtures_;
    StartSignedIn(options);
    if (HasFatalFailure()) return;
    auto store = store::OpenSqliteStore(db_path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  sync::SyncResult Sync() {
    server_->ClearRequests();
    sync::Options options;
    options.jobs = 3;
    return sync::Run(*client_, *store_, options);
  }

  // Requests the simulator answered since the last Sync(): "details" GET /api/ride/{id}/details,
  // "detail" GET /api/workout/{id}, "all" any.
  int Requests(const std::string& kind) {
    int n = 0;
    for (const sim::RecordedRequest& r : server_->Requests()) {
      const bool workout = r.path.rfind("/api/workout/", 0) == 0;
      n += kind == "all" ||
           (kind == "details" && r.path.rfind("/api/ride/", 0) == 0 &&
            r.path.find("/details") != std::string::npos) ||
           (kind == "detail" && workout && r.path.find("/performance_graph") == std::string::npos);
    }
    return n;
  }

  store::WorkoutDetail Load(const std::string& id) {
    auto detail = store_->LoadWorkoutDetail(id);
    EXPECT_TRUE(detail.ok() && detail->has_value()) << id;
    return detail.ok() && detail->has_value() ? **detail : store::WorkoutDetail{};
  }

  void TearDown() override {
    store_.reset();
    SimTest::TearDown();
    std::filesystem::remove_all(dir_);
  }

  std::string dir_ = std::filesystem::temp_directory_path() /
                     ("pelo-sync-files-" + std::to_string(getpid()) + "-" +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::string fixtures_ = dir_ + "/fixtures";
  std::string db_path_ = dir_ + "/pelo.db";
  std::string tread_id_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(SyncWorkoutFilesTest, KeepsTrackedMovementsClassPlansAndTargetBlocks) {
  WriteHistory();
  StartWithHistory();
  if (HasFatalFailure()) return;

  sync::SyncResult first = Sync();
  ASSERT_TRUE(first.status.ok()) << first.status.ToString();
  EXPECT_EQ(first.added, 3);
  EXPECT_FALSE(first.rebuilt);
  EXPECT_EQ(first.class_plans, 1);
  EXPECT_EQ(Requests("detail"), 2) << "both strength workouts; the walk needs none";
  EXPECT_EQ(Requests("details"), 1) << "one class, fetched once";

  const auto peer = api::ParseWorkout(json{
      {"id", "x"},
      {"movement_tracker_data",
       ApiKeys(
           ReadSharedJson("peer-projections/peloton-to-garmin/strength_guide_with_exercise.json")
               .at("Workout")
               .at("Movement_Tracker_Data"))}}
                                          .dump());
  ASSERT_TRUE(peer.ok());
  ASSERT_EQ(peer->tracked_movements.size(), 10u);
  const store::WorkoutDetail tracked = Load(kTracked);
  EXPECT_EQ(tracked.tracked_movements, peer->tracked_movements);
  EXPECT_EQ(tracked.class_plan, ExpectedPlan());
  ASSERT_EQ(tracked.class_plan.size(), 3u);
  EXPECT_EQ(tracked.class_plan[0].segment_start_s, 140);
  EXPECT_EQ(tracked.class_plan[0].rounds, 2);
  EXPECT_EQ(tracked.class_plan[1].type, "rest");
  const store::WorkoutDetail untracked = Load(kUntracked);
  EXPECT_TRUE(untracked.tracked_movements.empty());
  EXPECT_EQ(untracked.class_plan, ExpectedPlan()) << "the class's plan, through its ride id";
  const store::WorkoutDetail tread = Load(tread_id_);
  EXPECT_EQ(tread.target_blocks.size(), 66u);
  EXPECT_TRUE(tread.class_plan.empty());
  ASSERT_TRUE(tread.elevation_gain_m.has_value());
  EXPECT_DOUBLE_EQ(*tread.elevation_gain_m, 264 * 0.3048);

  // Nothing new, nothing lacking: /api/me and one page.
  sync::SyncResult again = Sync();
  ASSERT_TRUE(again.status.ok()) << again.status.ToString();
  EXPECT_EQ(again.added + again.updated + again.class_plans, 0);
  EXPECT_EQ(Requests("all"), 2);

  // The archive gives the same rows back.
  const auto synced = testing::DigestTables(db_path_);
  auto rebuilt = sync::Rebuild(*store_);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_EQ(rebuilt->class_plans, 1);
  EXPECT_EQ(rebuilt->workouts, 3);
  EXPECT_EQ(testing::DigestTables(db_path_), synced);
}

// What an older pelo left: strength workouts stored from their list entries, no class plan,
// none of v6's rows, no archive_rows_version. The next sync rebuilds once from the archive
// (target blocks), then fetches the strength workouts' details and their class's plan.
TEST_F(SyncWorkoutFilesTest, ADatabaseSyncedBeforeCatchesUp) {
  WriteHistory();
  StartWithHistory();
  if (HasFatalFailure()) return;
  sync::SyncResult first = Sync();
  ASSERT_TRUE(first.status.ok()) << first.status.ToString();
  const auto current = testing::DigestTables(db_path_);
  store_.reset();
  testing::ExecSql(db_path_, "UPDATE raw_responses SET path = '/api/user/" + first.user_id +
                                 "/workouts#' || workout_id WHERE path GLOB '/api/workout/*' "
                                 "AND path NOT GLOB '*/performance_graph*';"
                                 "DELETE FROM raw_responses WHERE path GLOB '/api/ride/*';"
                                 "DELETE FROM class_plan_movements; DELETE FROM class_plan_steps;"
                                 "DELETE FROM class_plans; DELETE FROM tracked_movement_weights;"
                                 "DELETE FROM tracked_movements; DELETE FROM target_block_metrics;"
                                 "DELETE FROM target_blocks;"
                                 "DELETE FROM sync_state WHERE key = 'archive_rows_version';");
  auto store = store::OpenSqliteStore(db_path_);
  ASSERT_TRUE(store.ok());
  store_ = std::move(store).value();
  ASSERT_TRUE(Load(tread_id_).target_blocks.empty());
  ASSERT_TRUE(Load(kTracked).tracked_movements.empty());

  sync::SyncResult catch_up = Sync();
  ASSERT_TRUE(catch_up.status.ok()) << catch_up.status.ToString();
  EXPECT_TRUE(catch_up.rebuilt);
  EXPECT_EQ(catch_up.added, 0);
  EXPECT_EQ(catch_up.updated, 2) << "the strength workouts, for their details";
  EXPECT_EQ(catch_up.class_plans, 1);
  EXPECT_EQ(Requests("detail"), 2);
  EXPECT_EQ(Requests("details"), 1);
  EXPECT_EQ(Load(tread_id_).target_blocks.size(), 66u) << "from the archived graph";
  EXPECT_EQ(Load(kTracked).tracked_movements.size(), 10u);
  EXPECT_EQ(Load(kUntracked).class_plan, ExpectedPlan());
  EXPECT_EQ(testing::DigestTables(db_path_), current);

  sync::SyncResult again = Sync();
  ASSERT_TRUE(again.status.ok()) << again.status.ToString();
  EXPECT_FALSE(again.rebuilt);
  EXPECT_EQ(again.added + again.updated + again.class_plans, 0);
  EXPECT_EQ(Requests("all"), 2);
}

// The rebuild a sync starts on its own never drops a stored workout: one whose archive is gone
// makes it fail, changing nothing (`pelo rebuild`, asked for, would drop it).
TEST_F(SyncWorkoutFilesTest, TheCatchUpRebuildNeverDropsAStoredWorkout) {
  WriteHistory();
  StartWithHistory();
  if (HasFatalFailure()) return;
  ASSERT_TRUE(Sync().status.ok());
  store_.reset();
  testing::ExecSql(db_path_, "DELETE FROM raw_responses WHERE workout_id = '" + tread_id_ +
                                 "'; DELETE FROM sync_state WHERE key = 'archive_rows_version';");
  const auto before = testing::DigestTables(db_path_, {.include_bookkeeping = true});
  auto store = store::OpenSqliteStore(db_path_);
  ASSERT_TRUE(store.ok());
  store_ = std::move(store).value();

  sync::SyncResult report = Sync();
  EXPECT_EQ(report.status.code(), ErrorCode::kStorage) << report.status.ToString();
  EXPECT_NE(report.status.message().find("the archive gives 2 of the 3 stored workouts"),
            std::string::npos)
      << report.status.ToString();
  EXPECT_FALSE(report.rebuilt);
  EXPECT_EQ(report.stored_total, 3);
  store_.reset();
  auto after = testing::DigestTables(db_path_, {.include_bookkeeping = true});
  // Only /api/me, archived again before the rebuild was tried, may differ.
  EXPECT_EQ(after.erase("raw_responses"), 1u);
  auto expected = before;
  expected.erase("raw_responses");
  EXPECT_EQ(after, expected);
}

TEST_F(SyncWorkoutFilesTest, AClassPelotonNoLongerServesIsKeptAsAnEmptyPlanAndNotAskedAgain) {
  // A strength workout whose class (legacy `peloton.ride`) the simulator's library lacks: its
  // details answer 404. The workout is stored with its tracked movements, and the class gets an
  // empty plan, so later syncs neither ask again nor fail.
  json strength =
      ReadSharedJson("peloton/peloton-to-garmin/tests/data/peloton_workout_strength.json");
  json ride = strength.at("ride");
  ride["id"] = "0123456789abcdef0123456789abcdef";
  strength.erase("ride");
  strength["peloton"] = {{"ride", ride}};
  strength["movement_tracker_data"] =
      ApiKeys(ReadSharedJson("peer-projections/peloton-to-garmin/strength_guide_with_exercise.json")
                  .at("Workout")
                  .at("Movement_Tracker_Data"));
  WriteEnvelope(
      "strength", strength,
      ReadSharedJson("peloton/peloton-to-garmin/tests/data/peloton_workoutsamples_strength.json"));
  StartWithHistory();
  if (HasFatalFailure()) return;

  for (int run = 0; run < 2; ++run) {
    sync::SyncResult report = Sync();
    EXPECT_TRUE(report.status.ok()) << report.status.ToString();
    EXPECT_EQ(report.failed, 0) << run;
    EXPECT_EQ(report.added, run == 0 ? 1 : 0) << "stored the first time, known the second";
    EXPECT_EQ(report.class_plans, run == 0 ? 1 : 0);
    EXPECT_EQ(Requests("details"), run == 0 ? 1 : 0) << "asked once, by the first run";
    EXPECT_EQ(report.stored_total, 1);
    EXPECT_EQ(Load(kTracked).tracked_movements.size(), 10u);
    EXPECT_EQ(*store_->ClassPlanRideIds(),
              std::unordered_set<std::string>{"0123456789abcdef0123456789abcdef"});
    EXPECT_TRUE(Load(kTracked).class_plan.empty());
  }
}

}  // namespace
}  // namespace pelo
