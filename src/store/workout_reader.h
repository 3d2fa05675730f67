// The queries behind WorkoutRows, ForEachSample and OutputSeries.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pelo/model/tables.h"
#include "store/sqlite_db.h"

namespace pelo::store {

StatusOr<std::vector<model::WorkoutRow>> ReadWorkoutRows(const sqlite::Database& db);
Status ReadSamples(const sqlite::Database& db,
                   const std::function<bool(const model::SampleRow&)>& fn);
// kNotFound when `workout_id` is not stored.
StatusOr<std::vector<std::optional<double>>> ReadOutputSeries(const sqlite::Database& db,
                                                              const std::string& workout_id);

}  // namespace pelo::store
