// Store::LoadWorkoutDetail: everything stored of one workout, each table read by the workout's
// key (no scan of other workouts' rows).
#pragma once

#include <optional>
#include <string>

#include "pelo/store/store.h"
#include "store/sqlite_db.h"

namespace pelo::store {

// In one read transaction (sqlite::ReadTransaction); nullopt when `workout_id` is not stored.
StatusOr<std::optional<WorkoutDetail>> ReadWorkoutDetail(sqlite::Database& db,
                                                         const std::string& workout_id);

}  // namespace pelo::store
