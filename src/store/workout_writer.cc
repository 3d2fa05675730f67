#include "store/workout_writer.h"

#include "pelo/common/time.h"
#include "store/raw_archive.h"
#include "store/units.h"
#include "store/workout_inserts.h"

namespace pelo::store {
namespace {

using sqlite::Database;
using sqlite::Statement;

// Child tables first: they reference workouts(id) (samples: workouts(key)).
constexpr const char* kChildTables[] = {"workout_summaries",
                                        "workout_metrics",
                                        "heart_rate_zones",
                                        "segments",
                                        "gps_points",
                                        "ride_metrics",
                                        "ride_curves",
                                        "tracked_movements",
                                        "target_blocks",
                                        "target_block_metrics",
                                        "tracked_movement_weights"};

Status DeleteWorkout(Database& db, const std::string& id) {
  PELO_ASSIGN_OR_RETURN(Statement samples, db.Prepare(R"sql(
    DELETE FROM samples WHERE workout_key IN (SELECT key FROM workouts WHERE id = ?1))sql"));
  PELO_RETURN_IF_ERROR(samples.Bind(1, id).Run());
  for (const char* table : kChildTables) {
    PELO_ASSIGN_OR_RETURN(
        Statement stmt, db.Prepare(std::string("DELETE FROM ") + table + " WHERE workout_id = ?1"));
    PELO_RETURN_IF_ERROR(stmt.Bind(1, id).Run());
  }
  PELO_ASSIGN_OR_RETURN(Statement stmt, db.Prepare("DELETE FROM workouts WHERE id = ?1"));
  return stmt.Bind(1, id).Run();
}

// Replaces everything archived for workout `id` with `raw`: the archive keeps exactly the
// responses the workout's current rows came from (no graph at another every_n, no stale detail
// or list entry).
Status ReplaceArchived(Database& db, const std::string& id, const std::vector<RawResponse>& raw) {
  PELO_ASSIGN_OR_RETURN(Statement stmt,
                        db.Prepare("DELETE FROM raw_responses WHERE workout_id = ?1"));
  PELO_RETURN_IF_ERROR(stmt.Bind(1, id).Run());
  for (const RawResponse& response : raw) PELO_RETURN_IF_ERROR(ArchiveRaw(db, response, id));
  return OkStatus();
}

}  // namespace

Status WriteInstructors(Database& db, const std::vector<model::Instructor>& instructors) {
  PELO_ASSIGN_OR_RETURN(auto inserts, WorkoutInserts::Prepare(db));
  for (const model::Instructor& instructor : instructors) {
    PELO_RETURN_IF_ERROR(inserts->Instructor(instructor));
  }
  return OkStatus();
}

Status WriteWorkoutBundle(Database& db, const WorkoutBundle& bundle) {
  const std::string& id = bundle.workout.id;
  if (id.empty()) return Status(ErrorCode::kInvalidArgument, "cannot store a workout without id");
  PELO_ASSIGN_OR_RETURN(auto inserts, WorkoutInserts::Prepare(db));
  PELO_RETURN_IF_ERROR(inserts->RideOf(bundle.workout));
  PELO_RETURN_IF_ERROR(DeleteWorkout(db, id));
  PELO_RETURN_IF_ERROR(inserts->Workout(bundle, BuildSampleRows(id, bundle.graph)));
  PELO_RETURN_IF_ERROR(ReplaceArchived(db, id, bundle.raw));
  return ClearPendingWorkout(db, id);
}

Status WriteClassPlan(Database& db, const std::string& ride_id,
                      const std::vector<model::ClassPlanStep>& plan, const RawResponse& raw) {
  if (ride_id.empty()) {
    return Status(ErrorCode::kInvalidArgument, "cannot store a class plan without ride id");
  }
  PELO_ASSIGN_OR_RETURN(auto inserts, WorkoutInserts::Prepare(db));
  PELO_RETURN_IF_ERROR(inserts->ClassPlan(ride_id, plan));
  return ArchiveRaw(db, raw);
}

Status ClearPendingWorkout(Database& db, const std::string& workout_id) {
  PELO_ASSIGN_OR_RETURN(Statement stmt,
                        db.Prepare("DELETE FROM pending_workouts WHERE workout_id = ?1"));
  return stmt.Bind(1, workout_id).Run();
}

Status WriteUser(Database& db, const model::User& u) {
  PELO_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(R"sql(
    INSERT OR REPLACE INTO users (id, username, email, total_workouts, cycling_ftp,
      cycling_ftp_source, cycling_workout_ftp, cycling_ftp_workout_id, estimated_cycling_ftp,
      default_max_heart_rate, customized_max_heart_rate, weight, created_at, saved_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14))sql"));
  stmt.Bind(1, u.id).BindTextOrNull(2, u.username).BindTextOrNull(3, u.email);
  stmt.Bind(4, u.total_workouts).Bind(5, u.cycling_ftp).BindTextOrNull(6, u.cycling_ftp_source);
  stmt.Bind(7, u.cycling_workout_ftp).BindTextOrNull(8, u.cycling_ftp_workout_id);
  stmt.Bind(9, u.estimated_cycling_ftp).Bind(10, u.default_max_heart_rate);
  stmt.Bind(11, u.customized_max_heart_rate).Bind(12, u.weight).Bind(13, u.created_at);
  return stmt.Bind(14, NowEpochSeconds()).Run();
}

Status ArchiveRaw(Database& db, const RawResponse& raw, std::string_view workout_id) {
  if (raw.path.empty() || IsAuthPath(raw.path)) return OkStatus();
  std::string blanked = BlankSecrets(raw.body);
  PELO_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(R"sql(
    INSERT OR REPLACE INTO raw_responses (path, fetched_at, body_zstd, raw_size, workout_id)
    VALUES (?1, ?2, ?3, ?4, ?5))sql"));
  stmt.Bind(1, raw.path).Bind(2, NowEpochSeconds()).BindBlob(3, Compress(blanked));
  stmt.Bind(4, static_cast<int64_t>(blanked.size())).BindTextOrNull(5, workout_id);
  return stmt.Run();
}

}  // namespace pelo::store
