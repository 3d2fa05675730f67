#include "sync/fetch.h"

#include <utility>

#include "pelo/http/url.h"
#include "pelo/sync/archive_key.h"

namespace pelo::sync::internal {

bool StopsTheSync(const Status& status) {
  return status.code() == ErrorCode::kUnauthenticated || status.code() == ErrorCode::kCancelled ||
         api::IsHtmlPageError(status);
}

ClassPlanFetch FetchClassPlan(api::Client& client, const std::string& ride_id) {
  ClassPlanFetch out;
  out.ride_id = ride_id;
  auto details = client.RideDetails(ride_id);
  if (!details.ok() && details.status().http_status() == 404) {
    // A class Peloton no longer serves has no plan to get: kept as an empty plan (archived as an
    // empty body, which rebuild reads the same way) rather than failing every later sync.
    out.raw = {"/api/ride/" + http::UrlEncode(ride_id) + "/details", "{}"};
    return out;
  }
  if (!details.ok()) {
    out.error = details.status().WithContext("class plan of ride " + ride_id);
    return out;
  }
  out.plan = std::move(details->value.class_plan);
  out.raw = {std::move(details->path), std::move(details->raw)};
  return out;
}

Outcome FetchWorkout(api::Client& client, const std::string& user_id, const Job& job, int every_n) {
  Outcome out;
  out.workout_id = job.workout_id;
  out.known = job.known;
  auto fail = [&](Status status) {
    if (status.http_status() == 404) {
      out.kind = Outcome::kGone;
    } else {
      out.kind = Outcome::kFailed;
      out.error = std::move(status).WithContext("workout " + job.workout_id);
    }
    return std::move(out);
  };
  store::WorkoutBundle& bundle = out.bundle;
  bundle.every_n = every_n;
  if (job.need_detail || !job.entry) {
    auto detail = client.Workout(job.workout_id);
    if (!detail.ok()) return fail(detail.status());
    if (!detail->value.status.empty() && detail->value.status != "COMPLETE") {
      out.kind = Outcome::kInProgress;
      out.status = detail->value.status;
      return out;
    }
    if (detail->value.id.empty()) detail->value.id = job.workout_id;
    bundle.workout = std::move(detail->value);
    bundle.raw.push_back({std::move(detail->path), std::move(detail->raw)});
  } else {
    bundle.workout = *job.entry;
    bundle.raw.push_back({ListEntryPath(user_id, job.workout_id), job.entry_json});
  }
  auto graph = client.PerformanceGraph(job.workout_id, every_n);
  if (!graph.ok()) return fail(graph.status());
  bundle.graph = std::move(graph->value);
  bundle.raw.push_back({std::move(graph->path), std::move(graph->raw)});
  out.kind = Outcome::kBundle;
  return out;
}

}  // namespace pelo::sync::internal
