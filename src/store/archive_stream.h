// Reading the raw-response archive back, for Store::ForEachArchived.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/common/status.h"

namespace pelo::store {

// Streams the archive of the database at `db_path` through a read-only connection of its own,
// in Store::ForEachArchived's order; one decompressed body in memory at a time.
Status StreamArchive(const std::string& db_path,
                     const std::function<Status(const std::string&, std::string_view)>& fn);

// The same for `workout_ids` only, in Store::ForEachArchivedOf's order: one index range
// (raw_responses_by_workout) per id, so the cost follows the workouts asked for, not the archive.
Status StreamArchiveOf(const std::string& db_path, const std::vector<std::string>& workout_ids,
                       const std::function<Status(const std::string&, std::string_view)>& fn);

}  // namespace pelo::store
