// One workout's fetch, as a sync worker does it: detail (when needed) and performance graph,
// with a few retries for responses that arrived broken.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "pelo/peloton/api/client.h"
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

// A failure another try may fix: a body that did not parse (truncated, not JSON), an HTML page
// in place of JSON, a dropped connection or timeout, or a 429/5xx. The transport has already
// retried all but the broken bodies by then; a burst or an outage may outlast its tries.
bool WorthRetrying(const Status& status);

// Runs `call` again (up to 4 attempts, backoff from 200 ms) while it fails in a way `worth`
// says another try may fix.
template <typename Call, typename Worth>
auto WithRetries(Call&& call, Worth&& worth) -> decltype(call());

// WithRetries with WorthRetrying.
template <typename Call>
auto WithRetries(Call&& call) -> decltype(call()) {
  return WithRetries(std::forward<Call>(call), WorthRetrying);
}

// A body that arrived broken (cut short, not JSON): kApi without an HTTP status. Only here can
// it be retried: the transport saw a complete, successful answer.
bool BrokenBody(const Status& status);
// True when a failure means no other request will get through either (the sync stops): the
// login no longer works, the user interrupted, or the API answers with HTML pages (Cloudflare
// blocking or challenging pelo) however often it is asked.
bool StopsTheSync(const Status& status);
// Sleeps `attempt`'s backoff; false when cancelled meanwhile.
bool RetryPause(int attempt);

template <typename Call, typename Worth>
auto WithRetries(Call&& call, Worth&& worth) -> decltype(call()) {
  constexpr int kAttempts = 4;
  for (int attempt = 1;; ++attempt) {
    auto result = call();
    if (result.ok() || attempt >= kAttempts || !worth(result.status()) || !RetryPause(attempt)) {
      return result;
    }
  }
}

}  // namespace pelo::sync::internal
