// The paths under which sync archives each raw response, and how `pelo rebuild` reads them back.
#pragma once

#include <string>
#include <string_view>

namespace pelo::sync {

enum class ArchiveKind {
  kOther,             // anything rebuild does not use
  kUser,              // /api/me
  kInstructors,       // /api/instructor?...
  kWorkoutDetail,     // /api/workout/{id}?joins=...      (GET /api/workout/{id})
  kWorkoutListEntry,  // /api/user/{uid}/workouts#{id}    (one item of a workout list page)
  kPerformanceGraph,  // /api/workout/{id}/performance_graph?every_n=N
  kRideDetails,       // /api/ride/{ride_id}/details[?...]  (a class's plan; of no workout)
};

struct ArchiveKey {
  ArchiveKind kind = ArchiveKind::kOther;
  std::string workout_id;  // for the three workout kinds
  int every_n = 0;         // for kPerformanceGraph (1 when the path has no every_n)
  std::string ride_id;     // for kRideDetails
};

// The archive path of workout `workout_id`'s entry in user `user_id`'s workout list. List pages
// shift as workouts are added, so sync archives each entry it stores a workout from on its own
// (the workouts whose detail it did not need), under this made-up but unambiguous path.
std::string ListEntryPath(std::string_view user_id, std::string_view workout_id);

// What an archived path holds.
ArchiveKey ClassifyArchivePath(std::string_view path);

}  // namespace pelo::sync
