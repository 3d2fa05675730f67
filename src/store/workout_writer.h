// The writes behind SaveWorkout, SaveUser and SaveInstructors; callers own the transaction.
#pragma once

#include "pelo/store/store.h"
#include "store/sqlite_db.h"

namespace pelo::store {

// Inserts or updates one instructor (skipped when it has no id).
Status WriteInstructor(sqlite::Database& db, const model::Instructor& instructor);
// Replaces every row of `bundle.workout` (detail, ride, instructor, graph, raw responses).
Status WriteWorkoutBundle(sqlite::Database& db, const WorkoutBundle& bundle);
// Forgets that `workout_id` was listed in progress (nothing when it was not).
Status ClearPendingWorkout(sqlite::Database& db, const std::string& workout_id);
// Inserts or replaces the user row.
Status WriteUser(sqlite::Database& db, const model::User& user);
// Archives `raw` (secrets blanked, compressed); authentication responses are never archived.
Status ArchiveRaw(sqlite::Database& db, const RawResponse& raw);

}  // namespace pelo::store
