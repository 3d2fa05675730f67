// The sync bookkeeping tables of schema v2: workouts seen in progress, and workouts that a
// reconcile no longer finds on Peloton (kept, flagged), and the v1 -> v2 migration.
#include <gtest/gtest.h>

#include <algorithm>

#include "pelo/store/store.h"
#include "unit/store/store_fixtures.h"

namespace pelo::store {
namespace {

using testing::BundleFromEnvelope;
using testing::ExecSql;
using testing::QueryInt;
using testing::TempDir;

class SyncBookkeepingTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> Open() {
    auto store = OpenSqliteStore(db_path_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  TempDir dir_;
  std::string db_path_ = (dir_.path() / "pelo.db").string();
};

TEST_F(SyncBookkeepingTest, PendingWorkoutsAreKeptUntilStored) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  WorkoutBundle bundle = BundleFromEnvelope("SyncMyWorkout01.json");
  ASSERT_TRUE(store->MarkPending(bundle.workout.id, "IN_PROGRESS").ok());
  ASSERT_TRUE(store->MarkPending("other", "IN_PROGRESS").ok());
  ASSERT_TRUE(store->MarkPending("other", "IN_PROGRESS").ok());  // seen again: one row
  auto pending = store->PendingWorkoutIds();
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->size(), 2u);

  ASSERT_TRUE(store->SaveWorkout(bundle).ok());  // storing it clears it, in its transaction
  store = Open();
  pending = store->PendingWorkoutIds();
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(*pending, std::vector<std::string>{"other"});
  ASSERT_TRUE(store->ClearPending("other").ok());
  EXPECT_TRUE(store->PendingWorkoutIds()->empty());
}

TEST_F(SyncBookkeepingTest, ReconcileFlagsMissingWorkoutsAndKeepsTheirData) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  WorkoutBundle ride = BundleFromEnvelope("SyncMyWorkout01.json");
  WorkoutBundle lanebreaker = BundleFromEnvelope("lanebreaker.json");
  ASSERT_TRUE(store->SaveWorkout(ride).ok());
  ASSERT_TRUE(store->SaveWorkout(lanebreaker).ok());

  auto result = store->Reconcile({ride.workout.id, "not-stored-yet"});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->newly_deleted, 1);
  EXPECT_EQ(result->restored, 0);
  EXPECT_EQ(result->deleted_total, 1);
  EXPECT_EQ(*store->DeletedWorkoutIds(), std::unordered_set<std::string>{lanebreaker.workout.id});
  EXPECT_EQ(*store->CountWorkouts(), 2);  // kept
  auto rows = store->WorkoutRows();
  ASSERT_TRUE(rows.ok());
  for (const model::WorkoutRow& row : *rows) {
    EXPECT_EQ(row.deleted, row.workout_id == lanebreaker.workout.id) << row.workout_id;
  }

  result = store->Reconcile({ride.workout.id});  // still missing: not flagged twice
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->newly_deleted, 0);
  EXPECT_EQ(result->deleted_total, 1);

  result = store->Reconcile({ride.workout.id, lanebreaker.workout.id});  // it came back
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->restored, 1);
  EXPECT_EQ(result->deleted_total, 0);
  EXPECT_TRUE(store->DeletedWorkoutIds()->empty());
}

TEST_F(SyncBookkeepingTest, MigratesAVersion1DatabaseKeepingItsWorkouts) {
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->SaveWorkout(BundleFromEnvelope("SyncMyWorkout01.json")).ok());
  }
  // What v1 looked like: no bookkeeping tables (nor v3's archive workout_id, nor v4's
  // ride_metrics, nor v5's ride_curves, nor v6's tables).
  ExecSql(
      db_path_,
      std::string(testing::kDropSchemaV6) +
          "DROP TABLE ride_curves; DROP TABLE ride_metrics; DROP TABLE pending_workouts; DROP "
          "TABLE workout_deletions; "
          "DROP INDEX raw_responses_by_workout; ALTER TABLE raw_responses DROP COLUMN workout_id; "
          "PRAGMA user_version = 1");
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->SchemaVersion(), CurrentSchemaVersion());
  EXPECT_EQ(*store->CountWorkouts(), 1);
  EXPECT_EQ(QueryInt(db_path_,
                     "SELECT COUNT(*) FROM sqlite_master WHERE name IN "
                     "('pending_workouts', 'workout_deletions')"),
            2);
  EXPECT_TRUE(store->PendingWorkoutIds()->empty());
}

}  // namespace
}  // namespace pelo::store
