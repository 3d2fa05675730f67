#include "pelo/app/sync_schedule.h"

#include <algorithm>
#include <cmath>

#include "pelo/peloton/api/client.h"

namespace pelo::app {

RunOutcome ClassifyRun(const Status& status) {
  switch (status.code()) {
    case ErrorCode::kOk:
      return RunOutcome::kOk;
    case ErrorCode::kUnauthenticated:
    case ErrorCode::kInvalidArgument:
      return RunOutcome::kNeedsUser;
    case ErrorCode::kCancelled:
      return RunOutcome::kStopped;
    case ErrorCode::kBusy:
      return RunOutcome::kBusy;
    case ErrorCode::kApi:
      return api::IsHtmlPageError(status) ? RunOutcome::kBlocked : RunOutcome::kFailed;
    case ErrorCode::kNetwork:
    case ErrorCode::kStorage:
    case ErrorCode::kNotFound:
    case ErrorCode::kUnknown:
      break;
  }
  return RunOutcome::kFailed;
}

const char* RunOutcomeName(RunOutcome outcome) {
  switch (outcome) {
    case RunOutcome::kOk:
      return "ok";
    case RunOutcome::kFailed:
      return "failed";
    case RunOutcome::kBlocked:
      return "blocked";
    case RunOutcome::kBusy:
      return "busy";
    case RunOutcome::kNeedsUser:
      return "needs_user";
    case RunOutcome::kStopped:
      return "stopped";
  }
  return "failed";
}

NextRun ScheduleNext(const SchedulePolicy& policy, RunOutcome outcome, int failures_before,
                     double random01) {
  NextRun next;
  next.failures_in_a_row = failures_before;
  double delay_ms = static_cast<double>(policy.interval.count());
  switch (outcome) {
    case RunOutcome::kNeedsUser:
    case RunOutcome::kStopped:
      next.stop = true;
      return next;
    case RunOutcome::kOk:
      next.failures_in_a_row = 0;
      break;
    case RunOutcome::kBusy:
      break;
    case RunOutcome::kBlocked:
      ++next.failures_in_a_row;
      break;
    case RunOutcome::kFailed: {
      ++next.failures_in_a_row;
      // interval / divisor * 2^(n-1), at most the interval: the exponent stops growing once
      // the cap is reached, so no count of failures overflows it.
      const int doublings = std::min(next.failures_in_a_row - 1, 62);
      const double first = delay_ms / std::max(1, policy.retry_divisor);
      delay_ms = std::min(delay_ms, first * std::ldexp(1.0, doublings));
      break;
    }
  }
  const double jitter = std::clamp(policy.jitter, 0.0, 1.0);
  const double factor = 1.0 - jitter + 2.0 * jitter * std::clamp(random01, 0.0, 1.0);
  next.delay = std::chrono::milliseconds(std::llround(delay_ms * factor));
  return next;
}

}  // namespace pelo::app
