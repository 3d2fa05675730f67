// The archive path classifier `pelo rebuild` reads raw responses back with (sync/archive_key.h).
#include "fuzz_check.h"
#include "pelo/sync/archive_key.h"

namespace {

using pelo::sync::ArchiveKind;

bool IsId(std::string_view id) {
  return !id.empty() && id.find_first_of("/?#&") == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view path = pelo::fuzz::AsText(data, size);
  const pelo::sync::ArchiveKey key = pelo::sync::ClassifyArchivePath(path);
  switch (key.kind) {
    case ArchiveKind::kWorkoutDetail:
    case ArchiveKind::kWorkoutListEntry:
    case ArchiveKind::kPerformanceGraph:
      // Rebuild keys workouts by this id: it must be one (and a part of the path).
      PELO_FUZZ_CHECK(IsId(key.workout_id));
      PELO_FUZZ_CHECK(path.find(key.workout_id) != std::string_view::npos);
      break;
    default:
      PELO_FUZZ_CHECK(key.workout_id.empty());
  }
  // Rebuild keys class plans by this id: it must be one (and a part of the path).
  if (key.kind == ArchiveKind::kRideDetails) {
    PELO_FUZZ_CHECK(IsId(key.ride_id));
    PELO_FUZZ_CHECK(path.find(key.ride_id) != std::string_view::npos);
  } else {
    PELO_FUZZ_CHECK(key.ride_id.empty());
  }
  PELO_FUZZ_CHECK((key.kind == ArchiveKind::kPerformanceGraph) == (key.every_n >= 1));

  // The list-entry paths sync writes classify back to their workout: "<user>,<workout>".
  const size_t comma = path.find(',');
  if (comma != std::string_view::npos) {
    const std::string_view user = path.substr(0, comma);
    const std::string_view workout = path.substr(comma + 1);
    if (IsId(user) && IsId(workout)) {
      const auto entry = pelo::sync::ClassifyArchivePath(pelo::sync::ListEntryPath(user, workout));
      PELO_FUZZ_CHECK(entry.kind == ArchiveKind::kWorkoutListEntry);
      PELO_FUZZ_CHECK(entry.workout_id == workout);
    }
  }
  return 0;
}
