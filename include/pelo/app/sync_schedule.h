// When `pelo sync --interval` runs next (ADR 0028): a pure function of the interval, what the
// last run came to, how many runs in a row failed and a random number, so that the policy is
// tested without a clock. The loop that sleeps and runs is the front-end's.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "pelo/common/status.h"

namespace pelo::app {

// The shortest and longest intervals: a second (a server on this machine: tests, pelo-sim) to a
// week (anything rarer is a job for a timer).
inline constexpr std::chrono::seconds kShortestInterval{1};
inline constexpr std::chrono::seconds kLongestInterval{7 * 24 * 3600};
// Against a server elsewhere (Peloton), at least this: a no-op sync is two requests, and a
// workout takes longer than this to do.
inline constexpr std::chrono::seconds kShortestRemoteInterval{5 * 60};

// What a run came to, as the schedule sees it.
enum class RunOutcome {
  kOk,         // synced
  kFailed,     // a failure that may pass (network, API errors, storage, some workouts failed):
               // tried again sooner than the interval, later each time
  kBlocked,    // HTML pages where JSON was expected, after every retry (Cloudflare blocking or
               // challenging pelo): tried again at the interval, never sooner
  kBusy,       // another pelo held the database longer than the wait: it did the work
  kNeedsUser,  // authentication or usage: no later run can do better; ends the loop
  kStopped,    // cancelled (SIGTERM, Ctrl-C): ends the loop
};

// The outcome of a run that ended with `status`.
RunOutcome ClassifyRun(const Status& status);

// "ok", "failed", "blocked", "busy", "needs_user", "stopped".
const char* RunOutcomeName(RunOutcome outcome);

struct SchedulePolicy {
  std::chrono::milliseconds interval{std::chrono::hours(1)};
  // Every delay is scaled by a factor drawn uniformly from [1 - jitter, 1 + jitter], so that
  // loops started together (many riders' containers, a fleet restarted at once) drift apart.
  double jitter = 0.1;
  // After the n-th failure in a row, the next run comes interval / retry_divisor * 2^(n-1)
  // later, at most the interval: 1h gives 3m45s, 7m30s, 15m, 30m, then 1h.
  int retry_divisor = 16;
};

struct NextRun {
  bool stop = false;                   // the loop ends (kNeedsUser, kStopped)
  std::chrono::milliseconds delay{0};  // from the end of this run to the start of the next
  int failures_in_a_row = 0;           // counting this run
};

// What follows a run with `outcome`, after `failures_before` failed runs in a row; `random01`
// is uniform in [0, 1) (the jitter's draw). A success resets the count; busy leaves it as it
// was; kFailed and kBlocked add one.
NextRun ScheduleNext(const SchedulePolicy& policy, RunOutcome outcome, int failures_before,
                     double random01);

// What a loop reports of one run (a line of `pelo sync --interval`), besides the sync's own
// result; also its last line, when it stops while waiting (`ran` false, kStopped).
struct ScheduledRun {
  int64_t at_epoch_s = 0;  // when the run started
  RunOutcome outcome = RunOutcome::kOk;
  bool ran = false;  // the sync itself ran (not: busy, not logged in, stopped while waiting)
  int failures_in_a_row = 0;
  std::optional<int64_t> next_at_epoch_s;  // when the next run starts; none when the loop ends
  std::chrono::milliseconds next_in{0};
};

}  // namespace pelo::app
