// When `pelo sync --interval` runs next: the schedule as a pure function (no clock), and the
// line a loop prints of each run.
#include "pelo/app/sync_schedule.h"

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "pelo/app/json.h"
#include "pelo/peloton/api/client.h"

namespace pelo::app {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

constexpr double kNoJitter = 0.5;  // the middle of the jitter's range: factor 1

SchedulePolicy Hourly() {
  SchedulePolicy policy;
  policy.interval = std::chrono::hours(1);
  return policy;
}

TEST(SyncScheduleTest, AfterASuccessTheIntervalWithinItsJitter) {
  const NextRun next = ScheduleNext(Hourly(), RunOutcome::kOk, 3, kNoJitter);
  EXPECT_FALSE(next.stop);
  EXPECT_EQ(next.delay, minutes(60));
  EXPECT_EQ(next.failures_in_a_row, 0) << "a success resets the count";
  // The jitter's two ends: 10 % either way, so loops started together drift apart.
  EXPECT_EQ(ScheduleNext(Hourly(), RunOutcome::kOk, 0, 0.0).delay, minutes(54));
  EXPECT_EQ(ScheduleNext(Hourly(), RunOutcome::kOk, 0, 1.0).delay, minutes(66));
  SchedulePolicy none = Hourly();
  none.jitter = 0;
  EXPECT_EQ(ScheduleNext(none, RunOutcome::kOk, 0, 0.9).delay, minutes(60));
}

TEST(SyncScheduleTest, FailuresAreTriedAgainSoonerAtDoublingDelaysUpToTheInterval) {
  int failures = 0;
  std::vector<milliseconds> delays;
  for (int run = 0; run < 7; ++run) {
    const NextRun next = ScheduleNext(Hourly(), RunOutcome::kFailed, failures, kNoJitter);
    EXPECT_FALSE(next.stop);
    EXPECT_EQ(next.failures_in_a_row, failures + 1);
    failures = next.failures_in_a_row;
    delays.push_back(next.delay);
  }
  const std::vector<milliseconds> expected = {
      milliseconds(225000), minutes(7) + milliseconds(30000),
      minutes(15),          minutes(30),
      minutes(60),          minutes(60),
      minutes(60)};
  EXPECT_EQ(delays, expected);
  // However many failures, never past the interval, and never an overflow.
  EXPECT_EQ(ScheduleNext(Hourly(), RunOutcome::kFailed, 1000000, kNoJitter).delay, minutes(60));
  // The jitter keeps the order: the largest of one step is below the smallest of the next.
  EXPECT_LT(ScheduleNext(Hourly(), RunOutcome::kFailed, 0, 1.0).delay,
            ScheduleNext(Hourly(), RunOutcome::kFailed, 1, 0.0).delay);
}

TEST(SyncScheduleTest, ASecondsIntervalBacksOffInMilliseconds) {
  SchedulePolicy policy;
  policy.interval = std::chrono::seconds(1);
  policy.jitter = 0;
  EXPECT_EQ(ScheduleNext(policy, RunOutcome::kFailed, 0, 0).delay, milliseconds(63));  // 62.5
  EXPECT_EQ(ScheduleNext(policy, RunOutcome::kFailed, 1, 0).delay, milliseconds(125));
  EXPECT_EQ(ScheduleNext(policy, RunOutcome::kFailed, 4, 0).delay, milliseconds(1000));
}

TEST(SyncScheduleTest, BlockedIsTriedAgainAtTheIntervalNeverSooner) {
  const NextRun next = ScheduleNext(Hourly(), RunOutcome::kBlocked, 0, kNoJitter);
  EXPECT_FALSE(next.stop);
  EXPECT_EQ(next.delay, minutes(60));
  EXPECT_EQ(next.failures_in_a_row, 1);
}

TEST(SyncScheduleTest, BusyKeepsTheScheduleAndTheCount) {
  const NextRun next = ScheduleNext(Hourly(), RunOutcome::kBusy, 2, kNoJitter);
  EXPECT_FALSE(next.stop);
  EXPECT_EQ(next.delay, minutes(60));
  EXPECT_EQ(next.failures_in_a_row, 2);
}

TEST(SyncScheduleTest, WhatNeedsAPersonAndAStopEndTheLoop) {
  EXPECT_TRUE(ScheduleNext(Hourly(), RunOutcome::kNeedsUser, 0, kNoJitter).stop);
  EXPECT_TRUE(ScheduleNext(Hourly(), RunOutcome::kStopped, 5, kNoJitter).stop);
}

TEST(SyncScheduleTest, EachKindOfFailureHasItsOutcome) {
  EXPECT_EQ(ClassifyRun(OkStatus()), RunOutcome::kOk);
  EXPECT_EQ(ClassifyRun(Status(ErrorCode::kUnauthenticated, "not logged in")),
            RunOutcome::kNeedsUser);
  EXPECT_EQ(ClassifyRun(Status(ErrorCode::kInvalidArgument, "--since")), RunOutcome::kNeedsUser);
  EXPECT_EQ(ClassifyRun(Status(ErrorCode::kCancelled, "sync interrupted")), RunOutcome::kStopped);
  EXPECT_EQ(ClassifyRun(Status(ErrorCode::kBusy, "pelo.db")), RunOutcome::kBusy);
  EXPECT_EQ(ClassifyRun(Status(ErrorCode::kNetwork, "connection refused")), RunOutcome::kFailed);
  EXPECT_EQ(ClassifyRun(Status(ErrorCode::kApi, "GET /api/me: HTTP 503", 503)),
            RunOutcome::kFailed);
  EXPECT_EQ(ClassifyRun(Status(ErrorCode::kStorage, "disk full")), RunOutcome::kFailed);
  // An HTML page for JSON, after every retry (Cloudflare's block or challenge): a 403 or a 2xx.
  const Status blocked(ErrorCode::kApi, "GET /api/me: an HTML page where JSON was expected", 403);
  ASSERT_TRUE(api::IsHtmlPageError(blocked));
  EXPECT_EQ(ClassifyRun(blocked), RunOutcome::kBlocked);
  EXPECT_EQ(ClassifyRun(Status(ErrorCode::kNotFound, "gone")), RunOutcome::kFailed);
}

TEST(SyncScheduleTest, TheLineOfARunSaysWhenTheNextOneIs) {
  sync::SyncResult result;
  result.added = 3;
  result.stored_total = 40;
  ScheduledRun run;
  run.at_epoch_s = 1796652000;
  run.outcome = RunOutcome::kOk;
  run.ran = true;
  run.next_at_epoch_s = 1796655600;
  run.next_in = milliseconds(3599500);
  const auto ok = nlohmann::json::parse(ScheduledSyncJson(result, run));
  EXPECT_EQ(ok["at"], "2026-12-07T14:00:00Z");
  EXPECT_EQ(ok["outcome"], "ok");
  EXPECT_EQ(ok["new"], 3);
  EXPECT_EQ(ok["total"], 40);
  EXPECT_EQ(ok["failures_in_a_row"], 0);
  EXPECT_EQ(ok["next_at"], "2026-12-07T15:00:00Z");
  EXPECT_DOUBLE_EQ(ok["next_in_s"].get<double>(), 3599.5);
  EXPECT_FALSE(ok.contains("error"));

  // A run that never started (not logged in) ends the loop: its error, no counts, no next.
  sync::SyncResult refused;
  refused.status = Status(ErrorCode::kUnauthenticated, "not logged in");
  ScheduledRun last;
  last.at_epoch_s = 1796652000;
  last.outcome = RunOutcome::kNeedsUser;
  const auto stop = nlohmann::json::parse(ScheduledSyncJson(refused, last));
  EXPECT_EQ(stop["outcome"], "needs_user");
  EXPECT_EQ(stop["error"]["code"], "authentication");
  EXPECT_FALSE(stop.contains("new"));
  EXPECT_FALSE(stop.contains("next_at"));
}

}  // namespace
}  // namespace pelo::app
