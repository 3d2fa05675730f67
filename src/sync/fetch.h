// One workout's fetch, as a sync worker does it: detail (when needed) and performance graph,
// with a few retries for responses that arrived broken.
#pragma once

#include <optional>
#include <string>

#include "pelo/api/client.h"
#include "pelo/store/store.h"

namespace pelo::sync::internal {

struct Job {
  std::string workout_id;
  std::optional<model::Workout> entry;  // the list entry, when listed
  std::string entry_json;               // its JSON (archived when the detail is not fetched)
  bool need_detail = true;
  bool known = false;  // stored before this run (so storing it again is an update)
};

struct Outcome {
  enum Kind { kBundle, kInProgress, kGone, kFailed };
  Kind kind = kFailed;
  std::string workout_id;
  bool known = false;
  store::WorkoutBundle bundle;  // kBundle
  std::string status;           // kInProgress: the workout's status
  Status error;                 // kFailed
};

// Fetches `job` for user `user_id`. Never throws; a 404 is kGone (deleted since it was listed),
// kCancelled and kUnauthenticated come back as kFailed with that status.
Outcome FetchWorkout(api::Client& client, const std::string& user_id, const Job& job, int every_n);

// Runs `call` again (up to 4 attempts, backoff from 200 ms) when it failed in a way that another
// try may fix: a body that did not parse (truncated, HTML, not JSON) or a dropped connection. The
// transport has already retried 429, 5xx and connection failures by then.
template <typename Call>
auto WithRetries(Call&& call) -> decltype(call());

bool WorthRetrying(const Status& status);
// Sleeps `attempt`'s backoff; false when cancelled meanwhile.
bool RetryPause(int attempt);

template <typename Call>
auto WithRetries(Call&& call) -> decltype(call()) {
  constexpr int kAttempts = 4;
  for (int attempt = 1;; ++attempt) {
    auto result = call();
    if (result.ok() || attempt >= kAttempts || !WorthRetrying(result.status()) ||
        !RetryPause(attempt)) {
      return result;
    }
  }
}

}  // namespace pelo::sync::internal
