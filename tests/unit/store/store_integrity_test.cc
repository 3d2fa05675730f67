// Schema versions, refusal of newer files, atomic saves and write speed.
#include <gtest/gtest.h>

#include <fstream>

#include "pelo/store/store.h"
#include "unit/store/store_fixtures.h"

namespace pelo::store {
namespace {

using testing::BundleFromEnvelope;
using testing::ExecSql;
using testing::QueryInt;
using testing::TempDir;

class StoreIntegrityTest : public ::testing::Test {
 protected:
  TempDir dir_;
  std::string db_path_ = (dir_.path() / "pelo.db").string();
};

TEST_F(StoreIntegrityTest, MigratesAnEmptyFileToTheCurrentVersion) {
  { std::ofstream touch(db_path_); }  // an existing, empty file
  auto store = OpenSqliteStore(db_path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(CurrentSchemaVersion(), 6);
  EXPECT_EQ((*store)->SchemaVersion(), CurrentSchemaVersion());
  EXPECT_EQ(QueryInt(db_path_, "PRAGMA user_version"), CurrentSchemaVersion());
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'samples'"), 1);
  store = OpenSqliteStore(db_path_);  // reopening an up-to-date file changes nothing
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->SchemaVersion(), CurrentSchemaVersion());
  EXPECT_EQ(
      QueryInt(db_path_, "SELECT COUNT(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
}

TEST_F(StoreIntegrityTest, RefusesADatabaseFromANewerPelo) {
  ASSERT_TRUE(OpenSqliteStore(db_path_).ok());
  ExecSql(db_path_, "PRAGMA user_version = 99");
  auto store = OpenSqliteStore(db_path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kStorage);
  EXPECT_NE(store.status().message().find("database schema v99 is newer than this pelo (v6)"),
            std::string::npos)
      << store.status().message();
  EXPECT_NE(store.status().message().find(db_path_), std::string::npos);
}

TEST_F(StoreIntegrityTest, NotADatabaseIsAStorageErrorNamingThePath) {
  {
    std::ofstream garbage(db_path_);
    garbage << std::string(4096, 'x');
  }
  auto store = OpenSqliteStore(db_path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kStorage);
  EXPECT_NE(store.status().message().find(db_path_), std::string::npos);
}

TEST_F(StoreIntegrityTest, ParentThatIsAFileIsAStorageError) {
  { std::ofstream file(dir_.path() / "plain"); }
  auto store = OpenSqliteStore((dir_.path() / "plain" / "pelo.db").string());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kStorage);
}

TEST_F(StoreIntegrityTest, AFailureMidwayStoresNothingOfThatWorkout) {
  WorkoutBundle walk = BundleFromEnvelope("p2g_workouts/walking_outdoor_01.json");
  ASSERT_TRUE(OpenSqliteStore(db_path_).ok());
  // A fault on the last child table: the workout row, samples etc. are written before it.
  ExecSql(db_path_,
          "CREATE TRIGGER fail_gps BEFORE INSERT ON gps_points "
          "BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
  auto store = OpenSqliteStore(db_path_);
  ASSERT_TRUE(store.ok());
  Status status = (*store)->SaveWorkout(walk);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), ErrorCode::kStorage);
  EXPECT_NE(status.message().find("injected fault"), std::string::npos) << status.message();
  for (const char* table : {"workouts", "samples", "segments", "workout_metrics", "rides",
                            "instructors", "raw_responses", "gps_points"}) {
    EXPECT_EQ(QueryInt(db_path_, std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
  }
  EXPECT_TRUE((*store)->StoredWorkoutIds()->empty());
  // The connection is still usable: the transaction was rolled back, not left open.
  ExecSql(db_path_, "DROP TRIGGER fail_gps");
  EXPECT_TRUE((*store)->SaveWorkout(walk).ok());
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM gps_points"), 1797);
}

TEST_F(StoreIntegrityTest, AFailedReplaceKeepsThePreviousVersion) {
  WorkoutBundle ride = BundleFromEnvelope("SyncMyWorkout01.json");
  auto store = OpenSqliteStore(db_path_);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->SaveWorkout(ride).ok());
  ExecSql(db_path_,
          "CREATE TRIGGER fail_segments BEFORE INSERT ON segments "
          "BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
  ride.graph.seconds_since_pedaling_start.resize(10);
  EXPECT_FALSE((*store)->SaveWorkout(ride).ok());
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM samples"), 1800);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM segments"), 3);
  EXPECT_EQ(*(*store)->CountWorkouts(), 1);
}

TEST_F(StoreIntegrityTest, DuplicateTimestampsKeepTheFirstSample) {
  WorkoutBundle bundle;
  bundle.workout.id = "dup";
  bundle.graph.seconds_since_pedaling_start = {1, 2, 2, 3};
  model::Metric output;
  output.slug = "output";
  output.values = {100.0, 200.0, 999.0, 300.0};
  bundle.graph.metrics.push_back(output);
  auto store = OpenSqliteStore(db_path_);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->SaveWorkout(bundle).ok());
  auto series = (*store)->OutputSeries("dup");
  ASSERT_TRUE(series.ok());
  EXPECT_EQ(*series, (std::vector<std::optional<double>>{100.0, 200.0, 300.0}));
}

TEST_F(StoreIntegrityTest, AWorkoutWithoutIdIsRejected) {
  auto store = OpenSqliteStore(db_path_);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->SaveWorkout(WorkoutBundle{}).code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(*(*store)->CountWorkouts(), 0);
}

// Volume, not speed: speed is measured by benchmarks, never asserted in tests.
TEST_F(StoreIntegrityTest, ThreeHundredFullResolutionRidesStoreEverySample) {
  WorkoutBundle ride = BundleFromEnvelope("SyncMyWorkout01.json");
  ride.raw.clear();
  auto store = OpenSqliteStore(db_path_);
  ASSERT_TRUE(store.ok());
  for (int i = 0; i < 300; ++i) {
    ride.workout.id = "w" + std::to_string(i);
    ride.workout.start_time = 1600000000 + i;
    ASSERT_TRUE((*store)->SaveWorkout(ride).ok());
  }
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM samples"), 300 * 1800);
  EXPECT_EQ(*(*store)->CountWorkouts(), 300);
}

}  // namespace
}  // namespace pelo::store
