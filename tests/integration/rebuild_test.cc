// Rebuild end to end: a history synced from the simulator, then every table written again from
// the archive alone must be what the sync wrote.
#include "pelo/sync/rebuild.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "integration/sim_fixture.h"
#include "pelo/common/cancel.h"
#include "pelo/peloton/api/parse.h"
#include "pelo/sync/archive_key.h"
#include "pelo/sync/refresh.h"
#include "pelo/sync/sync.h"
#include "support/db_digest.h"
#include "support/sql_exec.h"
#include "sync/ride_metrics_builder.h"

namespace pelo {
namespace {

using testing::DigestTables;

class RebuildTest : public testing::SimTest {
 protected:
  // Syncs `workouts` simulated workouts at `every_n` into db_path_.
  void SyncHistory(int workouts, int every_n) {
    sim::Options o;
    o.workouts = workouts;
    StartSignedIn(o);
    if (HasFatalFailure()) return;
    auto store = store::OpenSqliteStore(db_path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    sync::Options options;
    options.every_n = every_n;
    sync::SyncResult report = sync::Run(*client_, *store_, options);
    ASSERT_TRUE(report.status.ok()) << report.status.ToString();
    ASSERT_EQ(report.stored_total, workouts);
    user_id_ = report.user_id;
  }

  sync::RebuildResult RebuildOk() {
    auto report = sync::Rebuild(*store_);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : sync::RebuildResult{};
  }

  int64_t Count(const std::string& table) {
    return DigestTables(db_path_, {.include_bookkeeping = true})[table].rows;
  }

  void TearDown() override {
    ResetCancel();
    store_.reset();
    SimTest::TearDown();
    std::filesystem::remove_all(dir_);
  }

  std::string dir_ = std::filesystem::temp_directory_path() /
                     ("pelo-rebuild-" + std::to_string(getpid()) + "-" +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::string db_path_ = dir_ + "/pelo.db";
  std::unique_ptr<store::Store> store_;
  std::string user_id_;
};

TEST_F(RebuildTest, RebuildingASyncedHistoryGivesTheSameTables) {
  SyncHistory(25, 1);
  if (HasFatalFailure()) return;
  const auto synced = DigestTables(db_path_);
  const auto bookkeeping = DigestTables(db_path_, {.include_bookkeeping = true});
  ASSERT_EQ(synced.at("workouts").rows, 25);

  const sync::RebuildResult report = RebuildOk();
  EXPECT_EQ(report.workouts, 25);
  EXPECT_EQ(report.skipped, 0);
  EXPECT_EQ(report.samples, synced.at("samples").rows);
  EXPECT_GT(report.json_bytes, 0);
  EXPECT_EQ(DigestTables(db_path_), synced);
  EXPECT_EQ(DigestTables(db_path_, {.include_bookkeeping = true}), bookkeeping);
  // A second rebuild changes nothing either.
  EXPECT_EQ(RebuildOk().samples, report.samples);
  EXPECT_EQ(DigestTables(db_path_), synced);
}

TEST_F(RebuildTest, AnInterruptedRebuildLeavesTheDatabaseAsItWas) {
  SyncHistory(10, 30);
  if (HasFatalFailure()) return;
  const auto synced = DigestTables(db_path_, {.include_bookkeeping = true});
  sync::RebuildOptions options;
  options.on_progress = [](int64_t written) {
    if (written == 4) RequestCancel();
  };
  auto report = sync::Rebuild(*store_, options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), ErrorCode::kCancelled);
  EXPECT_EQ(DigestTables(db_path_, {.include_bookkeeping = true}), synced);
  ResetCancel();
  EXPECT_EQ(RebuildOk().workouts, 10);  // and the store is usable afterwards
  EXPECT_EQ(DigestTables(db_path_, {.include_bookkeeping = true}), synced);
}

// The new sync stores workouts whose detail it does not need from their list entry.
TEST_F(RebuildTest, WorkoutsStoredFromTheirListEntryRebuildTheSame) {
  SyncHistory(12, 30);
  if (HasFatalFailure()) return;
  auto page = client_->Workouts(user_id_, 0, 100);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  const nlohmann::json items = nlohmann::json::parse(page->raw).at("data");
  int restored = 0;
  for (size_t i = 0; i < items.size(); i += 2) {  // every other workout
    const std::string body = items[i].dump();
    auto workout = api::ParseWorkout(body);
    ASSERT_TRUE(workout.ok());
    const std::string graph_path = "/api/workout/" + workout->id + "/performance_graph?every_n=30";
    auto graph_body = store_->ArchivedResponse(graph_path);
    ASSERT_TRUE(graph_body.ok() && graph_body->has_value()) << graph_path;
    store::WorkoutBundle bundle;
    bundle.workout = *workout;
    bundle.graph = *api::ParsePerformanceGraph(**graph_body);
    bundle.every_n = 30;
    bundle.raw = {{sync::ListEntryPath(user_id_, workout->id), body}, {graph_path, **graph_body}};
    auto user = store_->LoadUser();
    ASSERT_TRUE(user.ok());
    sync::RideMetricsContext context;
    context.user = *user;
    sync::AttachRideRows(bundle, context);  // metrics and curve, as a sync worker does
    ASSERT_TRUE(store_->SaveWorkout(bundle).ok());
    ++restored;
  }
  ASSERT_EQ(restored, 6);
  // What those replaced is gone from the archive: /api/me, then per workout one detail or list
  // entry and one graph.
  EXPECT_EQ(Count("raw_responses"), 1 + 24);
  // As a sync ends: the rides stored without ftp_info take their FTP from the history (§3.1).
  ASSERT_TRUE(sync::RefreshRideMetrics(*store_).ok());
  const auto stored = DigestTables(db_path_);

  const sync::RebuildResult report = RebuildOk();
  EXPECT_EQ(report.workouts, 12);
  EXPECT_EQ(report.skipped, 0);
  EXPECT_EQ(DigestTables(db_path_), stored);
}

TEST_F(RebuildTest, AWorkoutWithoutItsGraphIsSkippedAndCounted) {
  SyncHistory(6, 30);
  if (HasFatalFailure()) return;
  auto rows = store_->WorkoutRows();
  ASSERT_TRUE(rows.ok());
  const std::string gone = rows->front().workout_id;
  testing::ExecSql(db_path_, "DELETE FROM raw_responses WHERE path = '/api/workout/" + gone +
                                 "/performance_graph?every_n=30'");
  const sync::RebuildResult report = RebuildOk();
  EXPECT_EQ(report.workouts, 5);
  EXPECT_EQ(report.skipped, 1);
  EXPECT_EQ(Count("workouts"), 5);
  EXPECT_EQ(Count("users"), 1);
  EXPECT_FALSE(store_->StoredWorkoutIds()->count(gone));
}

}  // namespace
}  // namespace pelo
