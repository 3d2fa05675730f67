// Sync against a simulator that misbehaves the ways Peloton's API does: rate limits with
// Retry-After, 5xx bursts, HTML error pages, cut and invalid bodies, dropped connections, slow
// answers, expiring and revoked tokens. Each run ends with a complete database, or stops with
// a clear error keeping what it stored.
#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "integration/sim_fixture.h"
#include "pelo/auth/login.h"
#include "pelo/common/cancel.h"
#include "pelo/sim/server.h"
#include "pelo/sync/sync.h"
#include "support/db_digest.h"

namespace pelo {
namespace {

// A fresh directory for the test's databases, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "pelo-faults-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class SyncFaultsTest : public testing::SimTest {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    db_path_ = dir_.path() + "/pelo.db";
  }

  // Syncs everything from a simulator started with `options` into a fresh database.
  sync::Report SyncFrom(sim::Options options, const std::string& db_path, int jobs = 6) {
    StartSignedIn(std::move(options));
    auto store = store::OpenSqliteStore(db_path);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return {};
    sync::Options sync_options;
    sync_options.every_n = 30;
    sync_options.jobs = jobs;
    return sync::Run(*client_, **store, sync_options);
  }

  void TearDown() override {
    ResetCancel();
    SimTest::TearDown();
  }

  ScratchDir dir_;
  std::string db_path_;
};

TEST_F(SyncFaultsTest, EveryKindOfFaultStillEndsInTheCompleteDatabase) {
  sim::Options clean;
  clean.workouts = 60;
  sync::Report reference = SyncFrom(clean, dir_.path() + "/reference.db");
  ASSERT_TRUE(reference.status.ok()) << reference.status.ToString();
  SimTest::TearDown();

  sim::Options faulty = clean;
  faulty.faults =
      "429:0.04,500:0.03,502:0.03,503:0.05,html:0.03,invalid-json:0.02,truncate:0.02,"
      "reset:0.03,slow:0.05";
  faulty.retry_after_s = 1;
  sync::Report report = SyncFrom(faulty, db_path_);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.failed, 0);
  EXPECT_EQ(report.stored_total, 60);
  int faults = 0;
  for (const sim::RecordedRequest& r : server_->Requests()) faults += !r.fault.empty();
  EXPECT_GT(faults, 5) << "the faults must actually have been served";
  EXPECT_EQ(::pelo::testing::DigestTables(db_path_),
            ::pelo::testing::DigestTables(dir_.path() + "/reference.db"));
}

TEST_F(SyncFaultsTest, A503BurstIsRetriedThrough) {
  sim::Options o;
  o.workouts = 20;
  o.faults = "503:0.5";  // half of all requests
  sync::Report report = SyncFrom(o, db_path_, 4);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.stored_total, 20);
}

TEST_F(SyncFaultsTest, ARevokedRefreshTokenStopsWithAnAuthErrorKeepingWhatWasStored) {
  sim::Options o;
  o.workouts = 40;
  o.token_ttl_s = 1;
  o.latency_ms = 25;  // the sync outlives the first token and its one allowed refresh
  o.revoke_refresh_after = 1;
  sync::Report report = SyncFrom(o, db_path_, 2);
  EXPECT_EQ(report.status.code(), ErrorCode::kUnauthenticated) << report.status.ToString();
  auto store = store::OpenSqliteStore(db_path_);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(*(*store)->CountWorkouts(), report.added);
  EXPECT_LT(report.added, 40);
}

}  // namespace
}  // namespace pelo
