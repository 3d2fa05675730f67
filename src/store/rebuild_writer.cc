#include "store/rebuild_writer.h"

#include "store/units.h"
#include "store/workout_inserts.h"
#include "store/workout_writer.h"

namespace pelo::store {
namespace {

// Children before parents. Everything here is derived from the archive; raw_responses,
// sync_state, pending_workouts and workout_deletions are not.
constexpr const char* kDerivedTables[] = {"ride_curves",
                                          "ride_metrics",
                                          "samples",
                                          "gps_points",
                                          "segments",
                                          "heart_rate_zones",
                                          "workout_metrics",
                                          "workout_summaries",
                                          "tracked_movement_weights",
                                          "tracked_movements",
                                          "target_block_metrics",
                                          "target_blocks",
                                          "workouts",
                                          "rides",
                                          "instructors",
                                          "users",
                                          "class_plan_movements",
                                          "class_plan_steps",
                                          "class_plans"};

class SqliteRebuildWriter final : public RebuildWriter {
 public:
  SqliteRebuildWriter(sqlite::Database& db, std::unique_ptr<WorkoutInserts> inserts)
      : db_(db), inserts_(std::move(inserts)) {}

  Status WriteUser(const model::User& user) override {
    if (user.id.empty()) return Status(ErrorCode::kInvalidArgument, "a user without id");
    return store::WriteUser(db_, user);
  }

  Status WriteInstructors(const std::vector<model::Instructor>& instructors) override {
    for (const model::Instructor& instructor : instructors) {
      PELO_RETURN_IF_ERROR(inserts_->Instructor(instructor));
    }
    return OkStatus();
  }

  Status WriteWorkout(const PreparedWorkout& workout) override {
    const WorkoutBundle& bundle = workout.bundle;
    if (bundle.workout.id.empty()) {
      return Status(ErrorCode::kInvalidArgument, "cannot store a workout without id");
    }
    PELO_RETURN_IF_ERROR(inserts_->RideOf(bundle.workout));
    return inserts_->Workout(bundle, workout.samples).WithContext("workout " + bundle.workout.id);
  }

  Status WriteClassPlan(const std::string& ride_id,
                        const std::vector<model::ClassPlanStep>& plan) override {
    if (ride_id.empty()) return Status(ErrorCode::kInvalidArgument, "a class plan without ride id");
    return inserts_->ClassPlan(ride_id, plan).WithContext("class plan of ride " + ride_id);
  }

 private:
  sqlite::Database& db_;
  std::unique_ptr<WorkoutInserts> inserts_;
};

}  // namespace

PreparedWorkout PrepareWorkout(WorkoutBundle bundle) {
  PreparedWorkout prepared;
  prepared.samples = BuildSampleRows(bundle.workout.id, bundle.graph);
  prepared.bundle = std::move(bundle);
  return prepared;
}

Status DeleteDerivedRows(sqlite::Database& db) {
  for (const char* table : kDerivedTables) {
    PELO_RETURN_IF_ERROR(
        db.Exec(std::string("DELETE FROM ") + table, "clear " + std::string(table)));
  }
  return OkStatus();
}

StatusOr<std::unique_ptr<RebuildWriter>> MakeRebuildWriter(sqlite::Database& db) {
  PELO_ASSIGN_OR_RETURN(auto inserts, WorkoutInserts::Prepare(db));
  return std::unique_ptr<RebuildWriter>(
      std::make_unique<SqliteRebuildWriter>(db, std::move(inserts)));
}

}  // namespace pelo::store
