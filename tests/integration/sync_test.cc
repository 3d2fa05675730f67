// Sync end to end: the library against an in-process simulator over real HTTP, into a real
// SQLite file.
#include "pelo/sync/sync.h"

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <unordered_set>

#include "integration/sim_fixture.h"
#include "pelo/common/cancel.h"
#include "pelo/peloton/auth/login.h"
#include "pelo/peloton/sim/server.h"

namespace pelo {
namespace {

class SyncTest : public testing::SimTest {
 protected:
  // The simulator with `options`, and a client logged in to it through PKCE.
  void StartAndLogIn(const sim::Options& options) {
    StartSim(options);
    auth::LoginInput in{auth::Method::kPkce, kEmail, kPassword, ""};
    auto creds = auth::Login(*transport_, endpoints_, in);
    ASSERT_TRUE(creds.ok()) << creds.status().ToString();
    session_ = std::make_unique<auth::Session>(*transport_, endpoints_, *creds, nullptr);
    client_ = std::make_unique<api::Client>(*transport_, endpoints_, session_.get(), "pelo-test");
  }

  std::unique_ptr<store::Store> OpenStore() {
    auto s = store::OpenSqliteStore(db_path_);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }

  void TearDown() override {
    ResetCancel();
    client_.reset();
    session_.reset();
    SimTest::TearDown();
    std::filesystem::remove_all(dir_);
  }

  std::string dir_ =
      std::filesystem::temp_directory_path() /
      ("pelo-sync-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
       ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::string db_path_ = dir_ + "/pelo.db";
  std::unique_ptr<auth::Session> session_;
  std::unique_ptr<api::Client> client_;
};

// Requests the simulator answered whose path matches: "detail" is GET /api/workout/{id},
// "graph" its performance graph, "list" a workouts page, "token" a refresh.
int CountRequests(const sim::Server& server, const std::string& kind) {
  int n = 0;
  for (const sim::RecordedRequest& r : server.Requests()) {
    const bool workout = r.path.rfind("/api/workout/", 0) == 0;
    const bool graph = workout && r.path.find("/performance_graph") != std::string::npos;
    if ((kind == "detail" && workout && !graph && r.method == "GET") ||
        (kind == "graph" && graph) ||
        (kind == "list" && r.path.find("/workouts") != std::string::npos &&
         r.path.rfind("/api/user/", 0) == 0) ||
        (kind == "token" && r.path == "/oauth/token") || kind == "all") {
      ++n;
    }
  }
  return n;
}

// Runs a SQL statement on the database file (foreign keys on, so deletes cascade).
void Sql(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc =
      sqlite3_exec(db, ("PRAGMA foreign_keys=ON;" + sql).c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST_F(SyncTest, StoresEveryPageAndANoOpResyncMakesTwoRequests) {
  sim::Options o;
  o.workouts = 130;  // more than one page of 100
  StartAndLogIn(o);
  auto store = OpenStore();
  sync::Options options;
  options.every_n = 30;
  options.jobs = 6;
  server_->ClearRequests();
  sync::SyncResult first = sync::Run(*client_, *store, options);
  ASSERT_TRUE(first.status.ok()) << first.status.ToString();
  EXPECT_EQ(first.added, 130);
  EXPECT_EQ(first.stored_total, 130);
  EXPECT_EQ(CountRequests(*server_, "graph"), 130);
  EXPECT_EQ(CountRequests(*server_, "list"), 2);

  server_->ClearRequests();
  sync::SyncResult second = sync::Run(*client_, *store, options);
  ASSERT_TRUE(second.status.ok()) << second.status.ToString();
  EXPECT_EQ(second.added, 0);
  EXPECT_EQ(second.stored_total, 130);
  // GET /api/me and the first page, which reaches the newest workout already stored.
  EXPECT_EQ(CountRequests(*server_, "all"), 2);
  EXPECT_EQ(CountRequests(*server_, "list"), 1);
}

TEST_F(SyncTest, FetchesTheDetailOnlyForRidesWhoseListEntryLacksTheFtpAndStrength) {
  sim::Options o;
  o.workouts = 60;
  StartAndLogIn(o);
  auto store = OpenStore();
  sync::Options options;
  options.every_n = 60;
  server_->ClearRequests();
  sync::SyncResult report = sync::Run(*client_, *store, options);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  auto rows = store->WorkoutRows();
  ASSERT_TRUE(rows.ok());
  int cycling = 0;
  int strength = 0;
  for (const model::WorkoutRow& row : *rows) {
    cycling += row.discipline == "cycling";
    strength += row.discipline == "strength";
  }
  ASSERT_GT(cycling, 0);
  ASSERT_GT(strength, 0);
  ASSERT_LT(cycling + strength, 60);
  EXPECT_EQ(CountRequests(*server_, "detail"), cycling + strength);
  EXPECT_EQ(CountRequests(*server_, "graph"), 60);
  for (const model::WorkoutRow& row : *rows) {
    if (row.discipline == "cycling") {
      EXPECT_TRUE(row.ftp.has_value()) << row.workout_id;
    }
  }
}

TEST_F(SyncTest, ANewRunFindsWorkoutsAddedSinceTheLastCompleteOne) {
  // Pages of 20 rather than Peloton's 100: the same shape at a fifth of the workouts.
  sim::Options o;
  o.workouts = 50;
  StartAndLogIn(o);
  sync::Options options;
  options.every_n = 60;
  options.jobs = 8;
  options.page_size = 20;
  {
    auto store = OpenStore();
    ASSERT_TRUE(sync::Run(*client_, *store, options).status.ok());
  }
  // As if the last complete run had seen only the 10 oldest workouts: 40 "arrived" since,
  // more than a page.
  Sql(db_path_,
      "DELETE FROM workouts WHERE id IN (SELECT id FROM workouts ORDER BY created_at DESC "
      "LIMIT 40); UPDATE sync_state SET value = (SELECT MAX(created_at) FROM workouts) "
      "WHERE key LIKE 'listed_through:%'");
  auto store = OpenStore();
  ASSERT_EQ(*store->CountWorkouts(), 10);

  // Interrupted part way: the watermark must not move, or the rest would be skipped forever.
  options.on_progress = [](const sync::Progress& p) {
    if (p.stored >= 24) RequestCancel();
  };
  sync::SyncResult interrupted = sync::Run(*client_, *store, options);
  EXPECT_EQ(interrupted.status.code(), ErrorCode::kCancelled);
  ResetCancel();
  options.on_progress = nullptr;

  server_->ClearRequests();
  sync::SyncResult resumed = sync::Run(*client_, *store, options);
  ASSERT_TRUE(resumed.status.ok()) << resumed.status.ToString();
  EXPECT_EQ(resumed.stored_total, 50);
  EXPECT_EQ(resumed.added, 40 - interrupted.added);
  EXPECT_EQ(CountRequests(*server_, "list"), 3) << "pages 0-2: page 2 reaches the old watermark";
}

TEST_F(SyncTest, ResumesAfterBeingInterruptedWithoutLosingOrDuplicating) {
  sim::Options o;
  o.workouts = 25;
  StartAndLogIn(o);
  sync::Options options;
  options.every_n = 10;
  options.on_progress = [](const sync::Progress& p) {
    if (p.stored == 7) RequestCancel();
  };
  int64_t saved = 0;
  {
    auto store = OpenStore();
    sync::SyncResult interrupted = sync::Run(*client_, *store, options);
    EXPECT_EQ(interrupted.status.code(), ErrorCode::kCancelled);
    saved = interrupted.added;
    EXPECT_GE(saved, 7);
    EXPECT_EQ(*store->CountWorkouts(), saved);
  }
  ResetCancel();
  options.on_progress = nullptr;
  auto store = OpenStore();  // a new process would reopen the file
  sync::SyncResult resumed = sync::Run(*client_, *store, options);
  ASSERT_TRUE(resumed.status.ok()) << resumed.status.ToString();
  EXPECT_EQ(resumed.added, 25 - saved);
  EXPECT_EQ(resumed.stored_total, 25);
  auto rows = store->WorkoutRows();
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->size(), 25u);
}

TEST_F(SyncTest, SelectionsFetchOnlyWhatTheyName) {
  sim::Options o;
  o.workouts = 40;
  StartAndLogIn(o);
  auto store = OpenStore();
  sync::Options options;
  options.every_n = 60;

  options.last = 5;
  sync::SyncResult last = sync::Run(*client_, *store, options);
  ASSERT_TRUE(last.status.ok()) << last.status.ToString();
  EXPECT_EQ(last.added, 5);
  options.last.reset();

  options.discipline = "strength";
  sync::SyncResult strength = sync::Run(*client_, *store, options);
  ASSERT_TRUE(strength.status.ok()) << strength.status.ToString();
  auto rows = store->WorkoutRows();
  ASSERT_TRUE(rows.ok());
  EXPECT_GT(strength.added, 0);
  EXPECT_EQ(static_cast<int64_t>(rows->size()), 5 + strength.added);
  int other = 0;
  for (const model::WorkoutRow& row : *rows) other += row.discipline != "strength";
  EXPECT_LE(other, 5) << "only the --last 5 may be something else";
  options.discipline.clear();

  // A named workout is fetched even when it is stored already.
  const std::string newest = (*rows)[0].workout_id;
  options.workout_ids = {newest};
  server_->ClearRequests();
  sync::SyncResult named = sync::Run(*client_, *store, options);
  ASSERT_TRUE(named.status.ok()) << named.status.ToString();
  EXPECT_EQ(named.updated, 1);
  EXPECT_EQ(CountRequests(*server_, "list"), 0);
  EXPECT_EQ(CountRequests(*server_, "graph"), 1);
  options.workout_ids.clear();

  // The rest, then --full fetches everything again without duplicating anything.
  ASSERT_TRUE(sync::Run(*client_, *store, options).status.ok());
  EXPECT_EQ(*store->CountWorkouts(), 40);
  options.full = true;
  sync::SyncResult full = sync::Run(*client_, *store, options);
  ASSERT_TRUE(full.status.ok()) << full.status.ToString();
  EXPECT_EQ(full.updated, 40);
  EXPECT_EQ(full.added, 0);
  EXPECT_EQ(*store->CountWorkouts(), 40);
}

TEST_F(SyncTest, SinceStopsListingAtTheDate) {
  sim::Options o;
  o.workouts = 150;
  StartAndLogIn(o);
  auto store = OpenStore();
  sync::Options options;
  options.every_n = 60;
  options.since = 1780000000;  // 2026-05-28: the newest part of a history ending 2026-11-01
  server_->ClearRequests();
  sync::SyncResult report = sync::Run(*client_, *store, options);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  auto rows = store->WorkoutRows();
  ASSERT_TRUE(rows.ok());
  ASSERT_FALSE(rows->empty());
  for (const model::WorkoutRow& row : *rows) EXPECT_GE(*row.start_time, 1780000000 - 86400);
  EXPECT_LT(report.added, 150);
  EXPECT_EQ(CountRequests(*server_, "list"), 1) << "the date falls in the first page";
}

TEST_F(SyncTest, ReconcileFlagsWorkoutsDeletedOnPelotonAndFetchesNoGraphs) {
  sim::Options o;
  o.workouts = 30;
  StartAndLogIn(o);
  auto store = OpenStore();
  sync::Options options;
  options.every_n = 60;
  ASSERT_TRUE(sync::Run(*client_, *store, options).status.ok());
  auto rows = store->WorkoutRows();
  ASSERT_TRUE(rows.ok());
  ASSERT_TRUE(client_->DeleteWorkout((*rows)[3].workout_id).ok());
  ASSERT_TRUE(client_->DeleteWorkout((*rows)[10].workout_id).ok());

  options.reconcile = true;
  server_->ClearRequests();
  sync::SyncResult report = sync::Run(*client_, *store, options);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.deleted, 2);
  EXPECT_EQ(report.listed, 28);
  EXPECT_EQ(CountRequests(*server_, "graph"), 0);
  EXPECT_EQ(CountRequests(*server_, "detail"), 0);
  EXPECT_EQ(*store->CountWorkouts(), 30);  // kept
  auto deleted = store->DeletedWorkoutIds();
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(*deleted,
            (std::unordered_set<std::string>{(*rows)[3].workout_id, (*rows)[10].workout_id}));
}

TEST_F(SyncTest, SurvivesTokenExpiryMidSyncWithoutARefreshStampede) {
  sim::Options o;
  o.workouts = 40;
  o.token_ttl_s = 2;
  o.latency_ms = 20;  // 60+ requests over 8 workers: the sync outlives a token or two
  StartAndLogIn(o);
  auto store = OpenStore();
  sync::Options options;
  options.every_n = 30;
  options.jobs = 8;
  server_->ClearRequests();
  sync::SyncResult report = sync::Run(*client_, *store, options);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.stored_total, 40);
  const int refreshes = CountRequests(*server_, "token");
  const int api = CountRequests(*server_, "all") - refreshes;
  EXPECT_GE(api, 60);
  // One refresh per token lifetime, shared by every worker; not one per request or worker.
  EXPECT_LT(refreshes * 5, api) << refreshes << " refreshes for " << api << " requests";
}

TEST_F(SyncTest, StoresPerSecondSamplesAtFullResolution) {
  sim::Options o;
  o.workouts = 5;
  StartAndLogIn(o);
  auto store = OpenStore();
  sync::SyncResult report = sync::Run(*client_, *store, {});
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  auto rows = store->WorkoutRows();
  ASSERT_TRUE(rows.ok());
  for (const auto& row : *rows) {
    if (row.discipline != "cycling" || !row.duration) continue;
    auto series = store->OutputSeries(row.workout_id);
    ASSERT_TRUE(series.ok());
    // every_n=1: one sample per second of the graph's duration.
    EXPECT_NEAR(static_cast<double>(series->size()), *row.duration, 1.0) << row.workout_id;
  }
}

TEST_F(SyncTest, InProgressWorkoutsAreFetchedAgainOnceComplete) {
  sim::Options o;
  o.workouts = 20;
  o.in_progress = 2;  // the two newest rides are still going
  StartAndLogIn(o);
  auto store = OpenStore();
  sync::Options options;
  options.every_n = 30;
  sync::SyncResult first = sync::Run(*client_, *store, options);
  ASSERT_TRUE(first.status.ok()) << first.status.ToString();
  EXPECT_EQ(first.added, 18);
  EXPECT_EQ(first.pending, 2);
  EXPECT_EQ(first.stored_total, 18);

  sync::SyncResult still = sync::Run(*client_, *store, options);  // not finished yet
  ASSERT_TRUE(still.status.ok()) << still.status.ToString();
  EXPECT_EQ(still.added, 0);
  EXPECT_EQ(still.pending, 2);

  server_->SetInProgress(0);  // both rides are over
  server_->ClearRequests();
  sync::SyncResult done = sync::Run(*client_, *store, options);
  ASSERT_TRUE(done.status.ok()) << done.status.ToString();
  EXPECT_EQ(done.added, 2);
  EXPECT_EQ(done.pending, 0);
  EXPECT_EQ(done.stored_total, 20);
  // /api/me, one page, and a detail and a graph for each of the two.
  EXPECT_EQ(CountRequests(*server_, "all"), 6);
  EXPECT_EQ(CountRequests(*server_, "graph"), 2);
}

TEST_F(SyncTest, RejectsContradictorySelections) {
  sim::Options o;
  o.workouts = 3;
  StartAndLogIn(o);
  auto store = OpenStore();
  sync::Options options;
  options.reconcile = true;
  options.full = true;
  EXPECT_EQ(sync::Run(*client_, *store, options).status.code(), ErrorCode::kInvalidArgument);
  options = {};
  options.jobs = 0;
  EXPECT_EQ(sync::Run(*client_, *store, options).status.code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace pelo
