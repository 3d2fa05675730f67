// The prepared statements that write a workout's rows, reusable across workouts: SaveWorkout
// prepares a set per call, the bulk rebuild one set for every workout.
#pragma once

#include <iterator>
#include <memory>
#include <vector>

#include "pelo/store/store.h"
#include "store/sqlite_db.h"

namespace pelo::store {

class WorkoutInserts {
 public:
  static StatusOr<std::unique_ptr<WorkoutInserts>> Prepare(sqlite::Database& db);

  // Inserts or updates one instructor (skipped when it has no id).
  Status Instructor(const model::Instructor& instructor);
  // Inserts or updates the workout's ride and the ride's instructor (nothing without a ride id).
  Status RideOf(const model::Workout& workout);
  // Inserts `id`'s ride_metrics row and ride_curves row, each when given (the curve with the
  // metrics' version, 0 without). Neither may be stored.
  Status RideRows(const std::string& id, const std::optional<model::RideMetricsRow>& metrics,
                  const std::optional<std::vector<double>>& curve_w);
  // Inserts the workout row and every child row (ride_metrics and ride_curves when the bundle
  // has them); `samples` are BuildSampleRows of its graph.
  // The workout must not be stored (the caller deleted any previous version).
  Status Workout(const WorkoutBundle& bundle, const std::vector<model::SampleRow>& samples);
  // Replaces the plan of class `ride_id` (its class_plans row, steps and movements).
  Status ClassPlan(const std::string& ride_id, const std::vector<model::ClassPlanStep>& plan);

 private:
  WorkoutInserts(sqlite::Database& db, std::vector<sqlite::Statement> statements)
      : db_(db), statements_(std::move(statements)) {}
  sqlite::Statement& Stmt(int index) { return statements_[static_cast<size_t>(index)]; }
  StatusOr<int64_t> InsertWorkoutRow(const WorkoutBundle& bundle);
  Status InsertSummaries(const std::string& id, const model::PerformanceGraph& g);
  Status InsertMetrics(const std::string& id, const model::PerformanceGraph& g);
  Status InsertSegments(const std::string& id, const model::PerformanceGraph& g);
  Status InsertSamples(int64_t workout_key, const std::vector<model::SampleRow>& samples);
  Status InsertGps(const std::string& id, const model::PerformanceGraph& g);
  Status InsertTrackedMovements(const std::string& id, const model::Workout& w);
  Status InsertTargetBlocks(const std::string& id, const model::PerformanceGraph& g);

  sqlite::Database& db_;
  std::vector<sqlite::Statement> statements_;
};

}  // namespace pelo::store
