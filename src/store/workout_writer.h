// The writes behind SaveWorkout, SaveClassPlan, SaveUser and SaveInstructors; callers own the
// transaction.
#pragma once

#include <string_view>
#include <vector>

#include "pelo/store/store.h"
#include "store/sqlite_db.h"

namespace pelo::store {

// Inserts or updates each instructor (those without id are skipped).
Status WriteInstructors(sqlite::Database& db, const std::vector<model::Instructor>& instructors);
// Replaces every row of `bundle.workout` (detail, ride, instructor, graph, raw responses).
Status WriteWorkoutBundle(sqlite::Database& db, const WorkoutBundle& bundle);
// Replaces the plan of class `ride_id` and archives `raw` as a response of no workout.
Status WriteClassPlan(sqlite::Database& db, const std::string& ride_id,
                      const std::vector<model::ClassPlanStep>& plan, const RawResponse& raw);
// Forgets that `workout_id` was listed in progress (nothing when it was not).
Status ClearPendingWorkout(sqlite::Database& db, const std::string& workout_id);
// Inserts or replaces the user row.
Status WriteUser(sqlite::Database& db, const model::User& user);
// Archives `raw` (secrets blanked, compressed) as one of `workout_id`'s responses ("" for
// none); authentication responses are never archived.
Status ArchiveRaw(sqlite::Database& db, const RawResponse& raw, std::string_view workout_id = {});

}  // namespace pelo::store
