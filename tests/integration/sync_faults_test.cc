// Sync against a simulator that misbehaves the ways Peloton's API does: rate limits with
// Retry-After, 5xx bursts, HTML error pages, cut and invalid bodies, dropped connections, slow
// answers, expiring and revoked tokens. Each run ends with a complete database, or stops with
// a clear error keeping what it stored.
#include <gtest/gtest.h>

#include <string>

#include "integration/sync_fault_fixture.h"

namespace pelo {
namespace {

using SyncFaultsTest = testing::SyncFaultsFixture;

TEST_F(SyncFaultsTest, EveryKindOfFaultStillEndsInTheCompleteDatabase) {
  sim::Options clean;
  clean.workouts = 60;
  const testing::Digest reference = CleanDigest(60);

  sim::Options faulty = clean;
  faulty.faults =
      "429:0.04,500:0.03,502:0.03,503:0.05,html:0.03,invalid-json:0.02,truncate:0.02,"
      "reset:0.03,slow:0.05";
  faulty.retry_after_s = 1;
  sync::SyncResult report = SyncFrom(faulty, db_path_);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.failed, 0);
  EXPECT_EQ(report.stored_total, 60);
  EXPECT_GT(Faulted(), 5) << "the faults must actually have been served";
  EXPECT_EQ(testing::DigestTables(db_path_), reference);
}

TEST_F(SyncFaultsTest, A503BurstIsRetriedThrough) {
  sim::Options o;
  o.workouts = 20;
  o.faults = "503:0.5";  // half of all requests
  sync::SyncResult report = SyncFrom(o, db_path_, 4);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.stored_total, 20);
}

TEST_F(SyncFaultsTest, ARevokedRefreshTokenStopsWithAnAuthErrorKeepingWhatWasStored) {
  sim::Options o;
  o.workouts = 60;
  o.token_ttl_s = 1;
  // The sync (~60 requests of 50 ms over 2 workers: 1.5 s) outlives the token its one allowed
  // refresh gives it (at most a second: the session refreshes a token this short at once).
  o.latency_ms = 50;
  o.revoke_refresh_after = 1;
  sync::SyncResult report = SyncFrom(o, db_path_, 2);
  EXPECT_EQ(report.status.code(), ErrorCode::kUnauthenticated) << report.status.ToString();
  // Says what to do: log in again (and nothing about a token's value).
  EXPECT_NE(report.status.message().find("run `pelo login` again"), std::string::npos)
      << report.status.message();
  EXPECT_EQ(report.status.message().find('\n'), std::string::npos);
  EXPECT_LT(report.added, 60);
  EXPECT_EQ(IntegrityCheck(db_path_), "ok");
  EXPECT_EQ(StoredWorkouts(db_path_), report.added);

  // Logged in again, the next sync carries on to the database a clean sync makes.
  sim::Options clean;
  clean.workouts = 60;
  const testing::Digest reference = CleanDigest(60);
  sync::SyncResult rerun = SyncFrom(clean, db_path_);
  ASSERT_TRUE(rerun.status.ok()) << rerun.status.ToString();
  EXPECT_EQ(rerun.added, 60 - report.added);
  EXPECT_EQ(testing::DigestTables(db_path_), reference);
}

}  // namespace
}  // namespace pelo
