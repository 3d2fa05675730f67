// Faults that outlast a request's retries: Cloudflare answering every request with an HTML
// page, the server stalling past every timeout, 5xx bursts longer than the transport's tries,
// and rate limits whose Retry-After is an HTTP-date. A sync either gets through, or stops
// with one clear error, keeping what it had stored, and the next sync completes.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "integration/sync_fault_fixture.h"
#include "peloton/sim/faults/faults.h"

namespace pelo::testing {
namespace {

constexpr int kWorkouts = 30;

class SyncFaultOutagesTest : public SyncFaultsFixture {
 protected:
  // Stores the newest `last` workouts from a clean simulator; the database's digest after.
  Digest SyncNewest(int64_t last) {
    sim::Options clean;
    clean.workouts = kWorkouts;
    sync::Options newest;
    newest.last = last;
    const sync::SyncResult report = SyncFrom(clean, db_path_, 6, newest);
    EXPECT_TRUE(report.status.ok()) << report.status.ToString();
    EXPECT_EQ(report.added, last);
    return DigestTables(db_path_, {.include_bookkeeping = true});
  }

  // A clean sync into db_path_ ends in the database of a clean sync from scratch.
  void ExpectACleanSyncCompletes() {
    const Digest reference = CleanDigest(kWorkouts);
    sim::Options clean;
    clean.workouts = kWorkouts;
    const sync::SyncResult rerun = SyncFrom(clean, db_path_);
    ASSERT_TRUE(rerun.status.ok()) << rerun.status.ToString();
    EXPECT_EQ(rerun.failed, 0);
    EXPECT_EQ(DigestTables(db_path_), reference);
  }
};

// The first request number (0 = /api/me) at which `spec` fires under `seed`.
uint64_t FirstFault(const std::string& spec, uint64_t seed) {
  const auto plan = sim::ParseFaultPlan(spec);
  EXPECT_TRUE(plan.ok());
  if (!plan.ok()) return 0;
  uint64_t k = 0;
  while (!sim::DrawFault(*plan, seed, k)) ++k;
  return k;
}

class HtmlEveryTimeTest : public SyncFaultOutagesTest,
                          public ::testing::WithParamInterface<const char*> {};

TEST_P(HtmlEveryTimeTest, StopsWithOneClearErrorAndChangesNothing) {
  const Digest before = SyncNewest(5);
  sim::Options blocked;
  blocked.workouts = kWorkouts;
  blocked.faults = std::string(GetParam()) + ":1";
  const sync::SyncResult report = SyncFrom(blocked, db_path_);
  const Status& status = report.status;
  EXPECT_EQ(status.code(), ErrorCode::kApi) << status.ToString();  // exit 5, not 3
  EXPECT_TRUE(api::IsHtmlPageError(status)) << status.ToString();
  const std::string& message = status.message();
  const std::string http_status = std::string(GetParam()) == "html-403" ? "403" : "200";
  EXPECT_NE(message.find("HTML page with HTTP " + http_status + " instead of JSON"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("Cloudflare"), std::string::npos) << message;
  EXPECT_EQ(message.find('<'), std::string::npos) << "never the page itself: " << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  EXPECT_EQ(message.find("pelo login"), std::string::npos) << "not an auth failure: " << message;
  // Retried, and no token refresh tried: the simulator saw only /api requests.
  EXPECT_EQ(Faulted(GetParam()), 4);
  for (const sim::RecordedRequest& r : server_->Requests()) EXPECT_NE(r.path, "/oauth/token");
  EXPECT_EQ(IntegrityCheck(db_path_), "ok");
  EXPECT_EQ(DigestTables(db_path_, {.include_bookkeeping = true}), before);
  ExpectACleanSyncCompletes();
}

std::string PageName(const ::testing::TestParamInfo<const char*>& param_info) {
  return std::string(param_info.param) == "html-403" ? "Blocked403" : "Challenge200";
}

INSTANTIATE_TEST_SUITE_P(Pages, HtmlEveryTimeTest, ::testing::Values("html-403", "html-200"),
                         PageName);

TEST_F(SyncFaultOutagesTest, ABlockFromMidSyncOnStopsItKeepingWhatWasStored) {
  // From its first firing on, every request gets the block page (a burst longer than the sync).
  sim::Options blocked;
  blocked.workouts = kWorkouts;
  blocked.faults = "html-403:0.045";
  blocked.fault_burst = 100000;
  blocked.seed = 1;
  ASSERT_GE(FirstFault(blocked.faults, blocked.seed), 12u) << "pick a seed that blocks later";
  const sync::SyncResult report = SyncFrom(blocked, db_path_, 2);
  EXPECT_TRUE(api::IsHtmlPageError(report.status)) << report.status.ToString();
  EXPECT_GT(report.added, 0);
  EXPECT_LT(report.added, kWorkouts);
  EXPECT_EQ(StoredWorkouts(db_path_), report.added);
  EXPECT_EQ(IntegrityCheck(db_path_), "ok");
  // It stopped: the requests in flight tried 16 times each (the transport's tries of a mid-sync
  // request), the others not at all. Going on would have cost ~16 per remaining workout.
  EXPECT_LE(Faulted("html-403"), 16 * 4);
  ExpectACleanSyncCompletes();
}

TEST_F(SyncFaultOutagesTest, EveryRequestStallingIsANetworkErrorAndChangesNothing) {
  const Digest before = SyncNewest(5);
  sim::Options stalled;
  stalled.workouts = kWorkouts;
  stalled.faults = "stall:1";
  stalled.stall_ms = 1500;
  transport_options_.request_timeout = std::chrono::milliseconds(200);
  const sync::SyncResult report = SyncFrom(stalled, db_path_);
  EXPECT_EQ(report.status.code(), ErrorCode::kNetwork) << report.status.ToString();  // exit 4
  EXPECT_NE(report.status.message().find("timed out"), std::string::npos)
      << report.status.message();
  EXPECT_NE(report.status.message().find("after 4 attempts"), std::string::npos)
      << report.status.message();
  EXPECT_EQ(IntegrityCheck(db_path_), "ok");
  EXPECT_EQ(DigestTables(db_path_, {.include_bookkeeping = true}), before);
  transport_options_.request_timeout = {};
  ExpectACleanSyncCompletes();
}

TEST_F(SyncFaultOutagesTest, A503BurstLongerThanTheTransportsTriesIsRetriedThrough) {
  sim::Options outage;
  outage.workouts = kWorkouts;
  outage.faults = "503:0.06";
  outage.fault_burst = 6;  // more than the transport's 4 tries of one request
  const sync::SyncResult report = SyncFrom(outage, db_path_, 2);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.failed, 0);
  EXPECT_GE(LongestRun("503"), 6) << "the bursts must actually have been served";
  EXPECT_EQ(DigestTables(db_path_), CleanDigest(kWorkouts));
}

TEST_F(SyncFaultOutagesTest, A503BurstBeyondEveryRetryFailsSomeWorkoutsAndTheNextSyncCompletes) {
  sim::Options outage;
  outage.workouts = kWorkouts;
  outage.faults = "503:0.045";
  outage.fault_burst = 20;  // more than the 16 tries a workout's request gets in all
  const uint64_t first = FirstFault(outage.faults, outage.seed);
  ASSERT_GE(first, 2u) << "/api/me and the list must get by";
  ASSERT_LE(first, 40u) << "a burst must come while the workouts are fetched";
  const sync::SyncResult report = SyncFrom(outage, db_path_, 1);
  EXPECT_EQ(report.status.code(), ErrorCode::kApi) << report.status.ToString();  // exit 5
  EXPECT_EQ(report.status.http_status(), 503);
  EXPECT_GT(report.failed, 0);
  EXPECT_EQ(report.added + report.failed, kWorkouts) << "the sync goes on past a failure";
  EXPECT_EQ(StoredWorkouts(db_path_), report.added);
  EXPECT_EQ(IntegrityCheck(db_path_), "ok");
  ExpectACleanSyncCompletes();
}

TEST_F(SyncFaultOutagesTest, RateLimitsWithAnHttpDateRetryAfterAreWaitedOut) {
  sim::Options limited;
  limited.workouts = 4;  // under seed 1, 2-3 of its requests draw a 429
  limited.faults = "429:0.15";
  limited.retry_after_s = 2;  // an HTTP-date 2 s ahead: at least 1 s to wait, whole seconds
  limited.retry_after_date = true;
  transport_options_.counters = std::make_shared<http::TransportCounters>();
  const sync::SyncResult report = SyncFrom(limited, db_path_, 1);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.stored_total, 4);
  const int rate_limited = Faulted("429");
  ASSERT_GE(rate_limited, 2) << "the 429s must actually have been served";
  // Every 429 was answered by waiting what its date asked (not a backoff of 20 ms or so).
  EXPECT_EQ(transport_options_.counters->retries.load(), rate_limited);
  EXPECT_GE(transport_options_.counters->waited_ms.load(), 1000 * rate_limited);
  // And the clock was asked for those waits (recorded, not slept: the test takes no seconds).
  // Under a second only by the microseconds between reading the date and waiting.
  EXPECT_GE(waits_.CountAtLeast(std::chrono::milliseconds(900)), rate_limited);
}

}  // namespace
}  // namespace pelo::testing
