#include "store/schema.h"

#include <string>
#include <vector>

#include "pelo/store/store.h"

namespace pelo::store {
namespace {

// Migration N (1-based) takes the schema from version N-1 to N. Append only: never edit a
// script that has shipped.
const std::vector<std::string>& Migrations() {
  static const std::vector<std::string> kMigrations = {R"sql(
CREATE TABLE users (
  id TEXT PRIMARY KEY, username TEXT, email TEXT, total_workouts INTEGER,
  cycling_ftp REAL, cycling_ftp_source TEXT, cycling_workout_ftp REAL,
  cycling_ftp_workout_id TEXT, estimated_cycling_ftp REAL, default_max_heart_rate REAL,
  customized_max_heart_rate REAL, weight REAL, created_at INTEGER, saved_at INTEGER NOT NULL);
CREATE TABLE instructors (
  id TEXT PRIMARY KEY, name TEXT, first_name TEXT, last_name TEXT, username TEXT, bio TEXT,
  image_url TEXT, fitness_disciplines TEXT);
CREATE TABLE rides (
  id TEXT PRIMARY KEY, title TEXT, description TEXT, fitness_discipline TEXT,
  instructor_id TEXT, duration INTEGER, length INTEGER, original_air_time INTEGER,
  pedaling_start_offset INTEGER, difficulty_estimate REAL, content_format TEXT, image_url TEXT);
CREATE TABLE workouts (
  key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, user_id TEXT, peloton_id TEXT, name TEXT, title TEXT, status TEXT,
  fitness_discipline TEXT, metrics_type TEXT, device_type TEXT, platform TEXT,
  workout_type TEXT, timezone TEXT, created_at INTEGER, start_time INTEGER, end_time INTEGER,
  total_work REAL, has_pedaling_metrics INTEGER NOT NULL, is_outdoor INTEGER NOT NULL,
  ride_id TEXT REFERENCES rides(id),
  has_ftp_info INTEGER NOT NULL, ftp REAL, ftp_source TEXT, ftp_workout_id TEXT,
  resolved_ftp REAL, every_n INTEGER NOT NULL, graph_duration INTEGER,
  total_effort_points REAL, saved_at INTEGER NOT NULL);
CREATE INDEX workouts_by_start ON workouts(start_time DESC, id);
CREATE TABLE workout_summaries (
  workout_id TEXT NOT NULL REFERENCES workouts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('summary', 'average')), slug TEXT NOT NULL,
  display_name TEXT, display_unit TEXT, value REAL);
CREATE INDEX workout_summaries_by_workout ON workout_summaries(workout_id, slug);
CREATE TABLE workout_metrics (
  workout_id TEXT NOT NULL REFERENCES workouts(id) ON DELETE CASCADE,
  slug TEXT NOT NULL, parent_slug TEXT, display_name TEXT, display_unit TEXT,
  max_value REAL, average_value REAL);
CREATE INDEX workout_metrics_by_workout ON workout_metrics(workout_id, slug);
CREATE TABLE heart_rate_zones (
  workout_id TEXT NOT NULL REFERENCES workouts(id) ON DELETE CASCADE,
  slug TEXT NOT NULL, min_value REAL, max_value REAL, duration_s REAL);
CREATE INDEX heart_rate_zones_by_workout ON heart_rate_zones(workout_id);
CREATE TABLE segments (
  workout_id TEXT NOT NULL REFERENCES workouts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL, id TEXT, name TEXT, icon_slug TEXT, metrics_type TEXT,
  start_time_offset INTEGER NOT NULL, length INTEGER NOT NULL, intensity_in_mets REAL,
  PRIMARY KEY (workout_id, position)) WITHOUT ROWID;
-- The big table (one row per workout-second) keys on the workout's integer key, not its
-- 32-character id: rows are ~40% smaller and inserts faster. sample_rows shows it by id.
CREATE TABLE samples (
  workout_key INTEGER NOT NULL REFERENCES workouts(key) ON DELETE CASCADE,
  t_s INTEGER NOT NULL, output_w REAL, cadence_rpm REAL, resistance_pct REAL, speed_kph REAL,
  heart_rate_bpm REAL, incline_pct REAL, pace_min_per_km REAL, altitude_m REAL,
  stroke_rate_spm REAL, split_pace_s_per_500m REAL,
  PRIMARY KEY (workout_key, t_s)) WITHOUT ROWID;
CREATE VIEW sample_rows AS
  SELECT w.id AS workout_id, s.t_s, s.output_w, s.cadence_rpm, s.resistance_pct, s.speed_kph,
    s.heart_rate_bpm, s.incline_pct, s.pace_min_per_km, s.altitude_m, s.stroke_rate_spm,
    s.split_pace_s_per_500m
  FROM samples s JOIN workouts w ON w.key = s.workout_key;
CREATE TABLE gps_points (
  workout_id TEXT NOT NULL REFERENCES workouts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL, t_s INTEGER NOT NULL, latitude REAL NOT NULL,
  longitude REAL NOT NULL, accuracy REAL, distance_km REAL, segment_id TEXT,
  is_gap INTEGER NOT NULL, PRIMARY KEY (workout_id, position)) WITHOUT ROWID;
CREATE TABLE raw_responses (
  path TEXT PRIMARY KEY, fetched_at INTEGER NOT NULL, body_zstd BLOB NOT NULL,
  raw_size INTEGER NOT NULL);
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql",
                                                       R"sql(
-- Workouts listed while IN_PROGRESS: later syncs fetch them again until they are complete
-- (then stored and removed from here) or gone.
CREATE TABLE pending_workouts (
  workout_id TEXT PRIMARY KEY, status TEXT NOT NULL, seen_at INTEGER NOT NULL);
-- Stored workouts that `pelo sync --reconcile` no longer found on Peloton: kept, but flagged.
-- Sync bookkeeping, not derived from the archive: `pelo rebuild` leaves it as it is.
CREATE TABLE workout_deletions (workout_id TEXT PRIMARY KEY, detected_at INTEGER NOT NULL);
)sql",
                                                       R"sql(
-- The workout an archived response belongs to (NULL for the user and instructors): storing a
-- workout drops its other archived responses, and rebuild reads each workout's together.
-- Existing rows are tagged from their paths: /api/workout/{id}[/...|?...] and
-- /api/user/{uid}/workouts#{id} (sync::ClassifyArchivePath's workout kinds).
ALTER TABLE raw_responses ADD COLUMN workout_id TEXT;
UPDATE raw_responses SET workout_id = NULLIF(CASE
  WHEN path GLOB '/api/workout/*' THEN substr(path, 14, CASE
    WHEN instr(substr(path, 14), '/') = 0 AND instr(substr(path, 14), '?') = 0 THEN length(path)
    WHEN instr(substr(path, 14), '/') = 0 THEN instr(substr(path, 14), '?') - 1
    WHEN instr(substr(path, 14), '?') = 0 THEN instr(substr(path, 14), '/') - 1
    ELSE min(instr(substr(path, 14), '/'), instr(substr(path, 14), '?')) - 1 END)
  WHEN path GLOB '/api/user/*/workouts#*' THEN substr(path, instr(path, '/workouts#') + 10)
  END, '');
CREATE INDEX raw_responses_by_workout ON raw_responses(workout_id, path);
)sql",
                                                       R"sql(
-- Per-ride metrics (analytics.md §2), computed by sync from the graph and stored with it.
-- NULL is the spec's NA. metrics_version names the computation that wrote the row.
CREATE TABLE ride_metrics (
  workout_id TEXT PRIMARY KEY REFERENCES workouts(id) ON DELETE CASCADE,
  metrics_version INTEGER NOT NULL, ftp REAL, ftp_source TEXT,
  duration_s REAL, moving_time_s REAL, avg_power REAL, nz_avg_power REAL, kj REAL,
  mmp_1s REAL, mmp_5s REAL, mmp_30s REAL, mmp_60s REAL, mmp_300s REAL, mmp_1200s REAL,
  mmp_3600s REAL, np REAL, vi REAL, intensity_factor REAL, tss REAL, tss_per_hour REAL,
  avg_hr REAL, ef REAL, decoupling REAL, trimp REAL,
  pz1_s REAL, pz2_s REAL, pz3_s REAL, pz4_s REAL, pz5_s REAL, pz6_s REAL, pz7_s REAL,
  hrz1_s REAL, hrz2_s REAL, hrz3_s REAL, hrz4_s REAL, hrz5_s REAL) WITHOUT ROWID;
)sql",
                                                       R"sql(
-- What the FTP history and the drivers analysis need per ride (analytics.md §3.2, §2.16,
-- §5.2): every_n of the graph, whether the class is an FTP test and the FTP it gives, the
-- interval counts and seconds at >= 105 % FTP (NULL without FTP). Rows written before have
-- metrics_version 1 and NULL here: sync::RefreshRideMetrics computes them again; every_n is
-- known already (the workout's graph).
ALTER TABLE ride_metrics ADD COLUMN every_n INTEGER;
ALTER TABLE ride_metrics ADD COLUMN is_ftp_test INTEGER;
ALTER TABLE ride_metrics ADD COLUMN ftp_test_w REAL;
ALTER TABLE ride_metrics ADD COLUMN n_hi INTEGER;
ALTER TABLE ride_metrics ADD COLUMN n_thr INTEGER;
ALTER TABLE ride_metrics ADD COLUMN n_sprint INTEGER;
ALTER TABLE ride_metrics ADD COLUMN t_hi_s REAL;
UPDATE ride_metrics SET every_n = (SELECT w.every_n FROM workouts w WHERE w.id = workout_id);
-- Each ride's power-duration curve (§2.4), for curves over any date range without reading a
-- sample: `watts` is MMP(analytics::CurveGrid()[i]) for i = 0 .. length(watts)/8 - 1, each an
-- IEEE-754 binary64 in little-endian byte order (8 bytes, exact: a range's curve is bit for bit
-- the one computed from the samples). The curve stops at the ride's length; a workout without
-- power has no row. metrics_version as in ride_metrics.
CREATE TABLE ride_curves (
  workout_id TEXT PRIMARY KEY REFERENCES workouts(id) ON DELETE CASCADE,
  metrics_version INTEGER NOT NULL, watts BLOB NOT NULL) WITHOUT ROWID;
)sql",
                                                       R"sql(
-- What the workout files (FIT, TCX, GPX) need besides the samples (ADR 0024). Rows written
-- before have none: the next sync rebuilds once from the archive and fetches what it lacks.
-- The movements Peloton Guide tracked in a strength workout (the detail's
-- movement_tracker_data...repetition_summary_data[]), in Peloton's order; completed_number is
-- repetitions, or seconds for a hold.
CREATE TABLE tracked_movements (
  workout_id TEXT NOT NULL REFERENCES workouts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL, movement_id TEXT, movement_name TEXT, is_hold INTEGER NOT NULL,
  completed_number REAL, offset_s INTEGER NOT NULL, length_s INTEGER NOT NULL,
  PRIMARY KEY (workout_id, position)) WITHOUT ROWID;
-- Their weights (weight[].weight_data): value 0 is bodyweight; unit "lb" or "kg" as sent.
CREATE TABLE tracked_movement_weights (
  workout_id TEXT NOT NULL REFERENCES workouts(id) ON DELETE CASCADE,
  movement_position INTEGER NOT NULL, position INTEGER NOT NULL, value REAL NOT NULL,
  unit TEXT, PRIMARY KEY (workout_id, movement_position, position)) WITHOUT ROWID;
-- The performance graph's target_metrics_performance_data.target_metrics[]: from start_s to
-- end_s the class targeted each metric's [lower, upper] (units as Peloton sent them).
CREATE TABLE target_blocks (
  workout_id TEXT NOT NULL REFERENCES workouts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL, start_s INTEGER NOT NULL, end_s INTEGER NOT NULL,
  segment_type TEXT, PRIMARY KEY (workout_id, position)) WITHOUT ROWID;
CREATE TABLE target_block_metrics (
  workout_id TEXT NOT NULL REFERENCES workouts(id) ON DELETE CASCADE,
  block_position INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT, lower REAL,
  upper REAL, PRIMARY KEY (workout_id, block_position, position)) WITHOUT ROWID;
-- Class plans: a class's GET /api/ride/{id}/details subsegments_v2, fetched once per class
-- (ride id) for strength workouts. A row here means the plan is stored, even with no step.
-- Keyed by ride id, not by workout: a workout reads its class's plan through workouts.ride_id.
CREATE TABLE class_plans (ride_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE class_plan_steps (
  ride_id TEXT NOT NULL REFERENCES class_plans(ride_id) ON DELETE CASCADE,
  position INTEGER NOT NULL, id TEXT, type TEXT, display_name TEXT,
  segment_start_s INTEGER NOT NULL, offset_s INTEGER NOT NULL, length_s INTEGER NOT NULL,
  rounds INTEGER, PRIMARY KEY (ride_id, position)) WITHOUT ROWID;
CREATE TABLE class_plan_movements (
  ride_id TEXT NOT NULL REFERENCES class_plans(ride_id) ON DELETE CASCADE,
  step_position INTEGER NOT NULL, position INTEGER NOT NULL, id TEXT, name TEXT,
  PRIMARY KEY (ride_id, step_position, position)) WITHOUT ROWID;
)sql"};
  return kMigrations;
}

}  // namespace

int CurrentSchemaVersion() { return static_cast<int>(Migrations().size()); }

StatusOr<int> ReadSchemaVersion(const sqlite::Database& db) {
  PELO_ASSIGN_OR_RETURN(sqlite::Statement stmt, db.Prepare("PRAGMA user_version"));
  PELO_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return db.Error("read schema version");
  return static_cast<int>(stmt.Int(0));
}

Status Migrate(sqlite::Database& db) {
  PELO_ASSIGN_OR_RETURN(int version, ReadSchemaVersion(db));
  const int current = CurrentSchemaVersion();
  if (version > current) {
    return Status(ErrorCode::kStorage, db.path() + ": database schema v" + std::to_string(version) +
                                           " is newer than this pelo (v" + std::to_string(current) +
                                           ")");
  }
  for (int next = version + 1; next <= current; ++next) {
    PELO_ASSIGN_OR_RETURN(auto transaction, sqlite::Transaction::Begin(db));
    // Re-check under the write lock: another process may have migrated meanwhile.
    PELO_ASSIGN_OR_RETURN(int now, ReadSchemaVersion(db));
    if (now >= next) continue;
    std::string step = "migrate to schema v" + std::to_string(next);
    PELO_RETURN_IF_ERROR(db.Exec(Migrations()[static_cast<size_t>(next - 1)], step));
    PELO_RETURN_IF_ERROR(db.Exec("PRAGMA user_version=" + std::to_string(next), step));
    PELO_RETURN_IF_ERROR(transaction->Commit());
  }
  return OkStatus();
}

}  // namespace pelo::store
