#include "sync/archive_grouper.h"

#include "pelo/peloton/api/parse.h"
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
    case ArchiveKind::kRideDetails: {
      // Sync archives a class's details only with the plan it stored from them.
      StatusOr<model::RideDetails> details = api::ParseRideDetails(body);
      json_bytes_ += static_cast<int64_t>(body.size());
      if (!details.ok()) return OkStatus();
      RebuildItem item;
      item.kind = RebuildItem::Kind::kClassPlan;
      item.ride_id = key.ride_id;
      item.class_plan = std::move(details->class_plan);
      return emit_(std::move(item));
    }
    default:
      break;
  }
  if (key.workout_id != pending_.workout_id()) {
    PELO_RETURN_IF_ERROR(Flush());
    pending_.Reset(key.workout_id);
  }
  pending_.Add(key, body);
  return OkStatus();
}

Status ArchiveGrouper::Flush() {
  if (pending_.workout_id().empty()) return OkStatus();
  std::optional<store::WorkoutBundle> bundle = pending_.Parse(json_bytes_);
  pending_.Reset("");
  if (!bundle) {
    ++skipped_;
    return OkStatus();
  }
  RideMetricsContext context;
  context.user = user_;
  context.athlete = athlete_;
  AttachRideRows(*bundle, context);
  RebuildItem item;
  item.workout = store::PrepareWorkout(std::move(*bundle));
  DropSeries(item.workout.bundle.graph);
  // The writer keys samples by the workout's integer key: free the per-row ids here rather
  // than on the writing thread.
  for (model::SampleRow& row : item.workout.samples) std::string().swap(row.workout_id);
  return emit_(std::move(item));
}

}  // namespace pelo::sync
