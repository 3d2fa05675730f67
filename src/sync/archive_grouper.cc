#include "sync/archive_grouper.h"

#include "pelo/api/parse.h"
#include "pelo/sync/archive_key.h"
#include "sync/ride_metrics_builder.h"

namespace pelo::sync {
namespace {

// The series were turned into sample rows; the rest of the graph (metric summaries, zones,
// segments, GPS) is still written. Freed here, on the reading thread.
void DropSeries(model::PerformanceGraph& graph) {
  graph.seconds_since_pedaling_start = {};
  for (model::Metric& metric : graph.metrics) {
    metric.values = {};
    for (model::Metric& alternative : metric.alternatives) alternative.values = {};
  }
}

}  // namespace

Status ArchiveGrouper::Add(const std::string& path, std::string_view body) {
  const ArchiveKey key = ClassifyArchivePath(path);
  switch (key.kind) {
    case ArchiveKind::kOther:
      return OkStatus();
    case ArchiveKind::kUser: {
      StatusOr<model::User> user = api::ParseUser(body);
      json_bytes_ += static_cast<int64_t>(body.size());
      // Sync stores only what parses, and never a user without id.
      if (!user.ok() || user->id.empty()) return OkStatus();
      RebuildItem item;
      item.kind = RebuildItem::Kind::kUser;
      item.user = std::move(user).value();
      user_ = item.user;
      return emit_(std::move(item));
    }
    case ArchiveKind::kInstructors: {
      StatusOr<std::vector<model::Instructor>> list = api::ParseInstructorList(body);
      json_bytes_ += static_cast<int64_t>(body.size());
      if (!list.ok()) return OkStatus();
      RebuildItem item;
      item.kind = RebuildItem::Kind::kInstructors;
      item.instructors = std::move(list).value();
      return emit_(std::move(item));
    }
    default:
      break;
  }
  if (key.workout_id != pending_.workout_id) {
    PELO_RETURN_IF_ERROR(Flush());
    pending_.workout_id = key.workout_id;
  }
  if (key.kind == ArchiveKind::kWorkoutDetail) {
    pending_.detail.assign(body);
    pending_.has_detail = true;
  } else if (key.kind == ArchiveKind::kWorkoutListEntry) {
    pending_.list_entry.assign(body);
    pending_.has_list_entry = true;
  } else if (pending_.every_n == 0 || key.every_n < pending_.every_n) {
    pending_.graph.assign(body);  // the finest resolution archived
    pending_.every_n = key.every_n;
  }
  return OkStatus();
}

Status ArchiveGrouper::Flush() {
  Pending pending = std::move(pending_);
  pending_ = Pending();
  if (pending.workout_id.empty()) return OkStatus();
  if (pending.every_n == 0 || (!pending.has_detail && !pending.has_list_entry)) {
    ++skipped_;
    return OkStatus();
  }
  const std::string& workout_json = pending.has_detail ? pending.detail : pending.list_entry;
  json_bytes_ += static_cast<int64_t>(workout_json.size() + pending.graph.size());
  StatusOr<model::Workout> workout = api::ParseWorkout(workout_json);
  StatusOr<model::PerformanceGraph> graph = api::ParsePerformanceGraph(pending.graph);
  if (!workout.ok() || !graph.ok() || workout->id.empty()) {
    ++skipped_;
    return OkStatus();
  }
  store::WorkoutBundle bundle;
  bundle.workout = std::move(workout).value();
  bundle.graph = std::move(graph).value();
  bundle.every_n = pending.every_n;
  bundle.metrics = BuildRideMetrics(bundle, user_);
  RebuildItem item;
  item.workout = store::PrepareWorkout(std::move(bundle));
  DropSeries(item.workout.bundle.graph);
  // The writer keys samples by the workout's integer key: free the per-row ids here rather
  // than on the writing thread.
  for (model::SampleRow& row : item.workout.samples) std::string().swap(row.workout_id);
  return emit_(std::move(item));
}

}  // namespace pelo::sync
