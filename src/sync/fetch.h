// One workout's fetch, as a sync worker does it: detail (when needed) and performance graph; and
// one class plan's.
// It does not retry: the transport already tried each request as often as `client` asks
// (Client::WithMaxAttempts). What is left is the workout-level decision: a failure gives the
// workout up (kFailed, counted; the next sync fetches it again), or stops the sync.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pelo/peloton/api/client.h"
#include "pelo/store/store.h"

namespace pelo::sync::internal {

struct Job {
  enum Kind { kWorkout, kClassPlan };
  Kind kind = kWorkout;
  std::string ride_id;  // kClassPlan: the class whose plan to fetch
  std::string workout_id;
  std::optional<model::Workout> entry;  // the list entry, when listed
  std::string entry_json;               // its JSON (archived when the detail is not fetched)
  bool need_detail = true;
  bool known = false;  // stored before this run (so storing it again is an update)
};

// One class plan's fetch (GET /api/ride/{id}/details).
struct ClassPlanFetch {
  std::string ride_id;
  std::vector<model::ClassPlanStep> plan;  // error ok
  store::RawResponse raw;                  // error ok: what to archive
  Status error;                            // not ok: not fetched (a 404 too); tried next sync
};

struct Outcome {
  enum Kind { kBundle, kInProgress, kGone, kFailed, kClassPlan };
  Kind kind = kFailed;
  std::string workout_id;
  bool known = false;
  store::WorkoutBundle bundle;  // kBundle
  std::string status;           // kInProgress: the workout's status
  Status error;                 // kFailed
  // kClassPlan; or with a kBundle, the plan of the workout's class when this run fetched it.
  std::optional<ClassPlanFetch> plan;
};

// Fetches `job` for user `user_id`, each request once through `client`. Never throws; a 404 is
// kGone (deleted since it was listed), kCancelled and kUnauthenticated come back as kFailed
// with that status.
Outcome FetchWorkout(api::Client& client, const std::string& user_id, const Job& job, int every_n);

// Fetches the plan of class `ride_id` once through `client`. Never throws.
ClassPlanFetch FetchClassPlan(api::Client& client, const std::string& ride_id);

// True when a failure means no other request will get through either (the sync stops): the
// login no longer works, the user interrupted, or the API answers with HTML pages (Cloudflare
// blocking or challenging pelo) however often it is asked.
bool StopsTheSync(const Status& status);

}  // namespace pelo::sync::internal
