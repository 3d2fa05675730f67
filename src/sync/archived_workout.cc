#include "sync/archived_workout.h"

#include "pelo/peloton/api/parse.h"

namespace pelo::sync {

void ArchivedWorkout::Reset(std::string workout_id) {
  *this = ArchivedWorkout();
  workout_id_ = std::move(workout_id);
}

void ArchivedWorkout::Add(const ArchiveKey& key, std::string_view body) {
  if (key.kind == ArchiveKind::kWorkoutDetail) {
    detail_.assign(body);
    has_detail_ = true;
  } else if (key.kind == ArchiveKind::kWorkoutListEntry) {
    list_entry_.assign(body);
    has_list_entry_ = true;
  } else if (key.kind == ArchiveKind::kPerformanceGraph &&
             (every_n_ == 0 || key.every_n < every_n_)) {
    graph_.assign(body);  // the finest resolution archived
    every_n_ = key.every_n;
  }
}

std::optional<store::WorkoutBundle> ArchivedWorkout::Parse(int64_t& json_bytes) const {
  if (every_n_ == 0 || (!has_detail_ && !has_list_entry_)) return std::nullopt;
  const std::string& workout_json = has_detail_ ? detail_ : list_entry_;
  json_bytes += static_cast<int64_t>(workout_json.size() + graph_.size());
  StatusOr<model::Workout> workout = api::ParseWorkout(workout_json);
  StatusOr<model::PerformanceGraph> graph = api::ParsePerformanceGraph(graph_);
  if (!workout.ok() || !graph.ok() || workout->id.empty()) return std::nullopt;
  store::WorkoutBundle bundle;
  bundle.workout = std::move(workout).value();
  bundle.graph = std::move(graph).value();
  bundle.every_n = every_n_;
  return bundle;
}

}  // namespace pelo::sync
