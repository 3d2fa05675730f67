#include "sync/fetch.h"

#include <chrono>
#include <thread>

#include "pelo/common/cancel.h"
#include "pelo/sync/archive_key.h"

namespace pelo::sync::internal {

bool WorthRetrying(const Status& status) {
  switch (status.code()) {
    case ErrorCode::kNetwork:
      return true;
    case ErrorCode::kApi:
      // A 2xx whose body did not parse, a 5xx/429 the transport gave up on, or an HTML page.
      return status.http_status() == 0 || status.http_status() == 429 ||
             status.http_status() >= 500 || api::IsHtmlPageError(status);
    default:
      return false;
  }
}

bool BrokenBody(const Status& status) {
  return status.code() == ErrorCode::kApi && status.http_status() == 0;
}

bool StopsTheSync(const Status& status) {
  return status.code() == ErrorCode::kUnauthenticated || status.code() == ErrorCode::kCancelled ||
         api::IsHtmlPageError(status);
}

bool RetryPause(int attempt) {
  const auto until =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(200) * (1 << (attempt - 1));
  while (std::chrono::steady_clock::now() < until) {
    if (CancelRequested()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return !CancelRequested();
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
    auto detail = WithRetries([&] { return client.Workout(job.workout_id); });
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
  auto graph = WithRetries([&] { return client.PerformanceGraph(job.workout_id, every_n); });
  if (!graph.ok()) return fail(graph.status());
  bundle.graph = std::move(graph->value);
  bundle.raw.push_back({std::move(graph->path), std::move(graph->raw)});
  out.kind = Outcome::kBundle;
  return out;
}

}  // namespace pelo::sync::internal
