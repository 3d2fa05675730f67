// Sync end to end: the library against an in-process simulator over real HTTP, into a real
// SQLite file.
#include "pelo/sync/sync.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "integration/sim_fixture.h"
#include "pelo/auth/login.h"
#include "pelo/common/cancel.h"
#include "pelo/sim/server.h"

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

TEST_F(SyncTest, StoresEveryPageAndASecondRunAddsNothing) {
  sim::Options o;
  o.workouts = 130;  // more than one page of 100
  StartAndLogIn(o);
  auto store = OpenStore();
  sync::Options options;
  options.every_n = 30;
  auto first = sync::Run(*client_, *store, options);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->added, 130);
  EXPECT_EQ(first->stored_total, 130);
  auto second = sync::Run(*client_, *store, options);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->added, 0);
  EXPECT_EQ(second->stored_total, 130);
  EXPECT_LT(second->requests, 5) << "an up-to-date sync lists one page, not all";
}

TEST_F(SyncTest, ResumesAfterBeingInterruptedWithoutLosingOrDuplicating) {
  sim::Options o;
  o.workouts = 25;
  StartAndLogIn(o);
  sync::Options options;
  options.every_n = 10;
  options.on_progress = [](const sync::Progress& p) {
    if (p.done == 7) RequestCancel();
  };
  {
    auto store = OpenStore();
    auto interrupted = sync::Run(*client_, *store, options);
    ASSERT_FALSE(interrupted.ok());
    EXPECT_EQ(interrupted.status().code(), ErrorCode::kCancelled);
    EXPECT_EQ(*store->CountWorkouts(), 7);
  }
  ResetCancel();
  options.on_progress = nullptr;
  auto store = OpenStore();  // a new process would reopen the file
  auto resumed = sync::Run(*client_, *store, options);
  ASSERT_TRUE(resumed.ok()) << resumed.status().ToString();
  EXPECT_EQ(resumed->added, 18);
  EXPECT_EQ(resumed->stored_total, 25);
  auto rows = store->WorkoutRows();
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->size(), 25u);
}

TEST_F(SyncTest, SurvivesTokenExpiryMidSync) {
  sim::Options o;
  o.workouts = 30;
  o.token_ttl_s = 1;
  o.latency_ms = 20;  // 60+ requests: the sync outlives several tokens
  StartAndLogIn(o);
  auto store = OpenStore();
  sync::Options options;
  options.every_n = 30;
  auto report = sync::Run(*client_, *store, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->stored_total, 30);
}

TEST_F(SyncTest, StoresPerSecondSamplesAtFullResolution) {
  sim::Options o;
  o.workouts = 5;
  StartAndLogIn(o);
  auto store = OpenStore();
  auto report = sync::Run(*client_, *store, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
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

}  // namespace
}  // namespace pelo
