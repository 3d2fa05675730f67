// The queries behind WorkoutRows, ForEachSample and OutputSeries, and the workout row and
// samples of LoadWorkoutDetail.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pelo/model/tables.h"
#include "store/sqlite_db.h"

namespace pelo::store {

StatusOr<std::vector<model::WorkoutRow>> ReadWorkoutRows(const sqlite::Database& db);

// One workout's row as ReadWorkoutRows lists it, with what its other reads need.
struct StoredWorkoutRow {
  model::WorkoutRow row;
  int64_t key = 0;  // workouts.key: what its samples are keyed by
  bool is_outdoor = false;
  int every_n = 1;  // of the stored graph
};
// nullopt when `workout_id` is not stored.
StatusOr<std::optional<StoredWorkoutRow>> ReadWorkoutRow(const sqlite::Database& db,
                                                         const std::string& workout_id);

// The samples of `workout`, by t_s; their workout_id is left empty.
StatusOr<std::vector<model::SampleRow>> ReadSamplesOf(const sqlite::Database& db,
                                                      const StoredWorkoutRow& workout);
Status ReadSamples(const sqlite::Database& db,
                   const std::function<bool(const model::SampleRow&)>& fn);
// kNotFound when `workout_id` is not stored.
StatusOr<std::vector<std::optional<double>>> ReadOutputSeries(const sqlite::Database& db,
                                                              const std::string& workout_id);

}  // namespace pelo::store
