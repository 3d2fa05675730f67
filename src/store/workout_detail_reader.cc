#include "store/workout_detail_reader.h"

#include <utility>
#include <vector>

#include "store/ride_curves_table.h"
#include "store/ride_metrics_table.h"
#include "store/units.h"
#include "store/workout_reader.h"

namespace pelo::store {
namespace {

using sqlite::Statement;

// Runs `sql` with ?1 = `workout_id` and appends what `read` makes of each row to `out`.
template <typename Row, typename Read>
Status ReadRowsOf(const sqlite::Database& db, const char* sql, const std::string& workout_id,
                  std::vector<Row>& out, Read read) {
  PELO_ASSIGN_OR_RETURN(Statement q, db.Prepare(sql));
  q.Bind(1, workout_id);
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return OkStatus();
    read(q, out.emplace_back());
  }
}

Status ReadSegments(const sqlite::Database& db, const std::string& workout_id,
                    std::vector<model::Segment>& out) {
  return ReadRowsOf(db, R"sql(
    SELECT id, name, icon_slug, metrics_type, start_time_offset, length, intensity_in_mets
    FROM segments WHERE workout_id = ?1 ORDER BY position)sql",
                    workout_id, out, [](const Statement& q, model::Segment& s) {
                      s.id = q.Text(0);
                      s.name = q.Text(1);
                      s.icon_slug = q.Text(2);
                      s.metrics_type = q.Text(3);
                      s.start_time_offset = q.Int(4);
                      s.length = q.Int(5);
                      s.intensity_in_mets = q.OptDouble(6);
                    });
}

// The table has no position column: rowid is the order they were inserted in, the graph's.
Status ReadHeartRateZones(const sqlite::Database& db, const std::string& workout_id,
                          std::vector<model::HeartRateZone>& out) {
  return ReadRowsOf(db, R"sql(
    SELECT slug, min_value, max_value, duration_s
    FROM heart_rate_zones WHERE workout_id = ?1 ORDER BY rowid)sql",
                    workout_id, out, [](const Statement& q, model::HeartRateZone& z) {
                      z.slug = q.Text(0);
                      z.min_value = q.OptDouble(1);
                      z.max_value = q.OptDouble(2);
                      z.duration = q.OptDouble(3);
                    });
}

Status ReadGps(const sqlite::Database& db, const std::string& workout_id,
               std::vector<model::GpsPoint>& out) {
  return ReadRowsOf(db, R"sql(
    SELECT t_s, latitude, longitude, accuracy, distance_km, segment_id, is_gap
    FROM gps_points WHERE workout_id = ?1 ORDER BY position)sql",
                    workout_id, out, [](const Statement& q, model::GpsPoint& p) {
                      p.seconds_offset = q.Int(0);
                      p.latitude = q.OptDouble(1).value_or(0);
                      p.longitude = q.OptDouble(2).value_or(0);
                      p.accuracy = q.OptDouble(3);
                      p.distance = q.OptDouble(4);
                      if (p.distance) p.distance_unit = "km";
                      p.segment_id = q.Text(5);
                      p.is_gap = q.Int(6) != 0;
                    });
}

// The summaries' `elevation` (summaries[] over average_summaries[]) in metres.
StatusOr<std::optional<double>> ReadElevationGainM(const sqlite::Database& db,
                                                   const std::string& workout_id) {
  PELO_ASSIGN_OR_RETURN(Statement q, db.Prepare(R"sql(
    SELECT value, display_unit FROM workout_summaries
    WHERE workout_id = ?1 AND slug = 'elevation' ORDER BY kind = 'average' LIMIT 1)sql"));
  PELO_ASSIGN_OR_RETURN(bool row, q.Bind(1, workout_id).Step());
  if (!row) return std::optional<double>();
  return ElevationM(q.OptDouble(0), q.Text(1));
}

StatusOr<std::optional<int64_t>> ReadPedalingStartOffset(const sqlite::Database& db,
                                                         const std::string& workout_id) {
  PELO_ASSIGN_OR_RETURN(Statement q, db.Prepare(R"sql(
    SELECT r.pedaling_start_offset FROM workouts w JOIN rides r ON r.id = w.ride_id
    WHERE w.id = ?1)sql"));
  PELO_ASSIGN_OR_RETURN(bool row, q.Bind(1, workout_id).Step());
  if (!row) return std::optional<int64_t>();
  return q.OptInt(0);
}

Status ReadTargetBlocks(const sqlite::Database& db, const std::string& workout_id,
                        std::vector<model::TargetBlock>& out) {
  PELO_RETURN_IF_ERROR(ReadRowsOf(db, R"sql(
    SELECT start_s, end_s, segment_type FROM target_blocks
    WHERE workout_id = ?1 ORDER BY position)sql",
                                  workout_id, out, [](const Statement& q, model::TargetBlock& b) {
                                    b.start_s = q.Int(0);
                                    b.end_s = q.Int(1);
                                    b.segment_type = q.Text(2);
                                  }));
  PELO_ASSIGN_OR_RETURN(Statement q, db.Prepare(R"sql(
    SELECT block_position, name, lower, upper FROM target_block_metrics
    WHERE workout_id = ?1 ORDER BY block_position, position)sql"));
  q.Bind(1, workout_id);
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return OkStatus();
    const int64_t block = q.Int(0);
    if (block < 0 || static_cast<size_t>(block) >= out.size()) continue;
    out[static_cast<size_t>(block)].metrics.push_back({q.Text(1), q.OptDouble(2), q.OptDouble(3)});
  }
}

Status ReadTrackedMovements(const sqlite::Database& db, const std::string& workout_id,
                            std::vector<model::TrackedMovement>& out) {
  PELO_RETURN_IF_ERROR(ReadRowsOf(db, R"sql(
    SELECT movement_id, movement_name, is_hold, completed_number, offset_s, length_s
    FROM tracked_movements WHERE workout_id = ?1 ORDER BY position)sql",
                                  workout_id, out,
                                  [](const Statement& q, model::TrackedMovement& m) {
                                    m.movement_id = q.Text(0);
                                    m.movement_name = q.Text(1);
                                    m.is_hold = q.Int(2) != 0;
                                    m.completed_number = q.OptDouble(3);
                                    m.offset_s = q.Int(4);
                                    m.length_s = q.Int(5);
                                  }));
  PELO_ASSIGN_OR_RETURN(Statement q, db.Prepare(R"sql(
    SELECT movement_position, value, unit FROM tracked_movement_weights
    WHERE workout_id = ?1 ORDER BY movement_position, position)sql"));
  q.Bind(1, workout_id);
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return OkStatus();
    const int64_t movement = q.Int(0);
    if (movement < 0 || static_cast<size_t>(movement) >= out.size()) continue;
    out[static_cast<size_t>(movement)].weights.push_back({q.OptDouble(1).value_or(0), q.Text(2)});
  }
}

// The plan of the workout's class, through workouts.ride_id.
Status ReadClassPlan(const sqlite::Database& db, const std::string& workout_id,
                     std::vector<model::ClassPlanStep>& out) {
  PELO_RETURN_IF_ERROR(ReadRowsOf(db, R"sql(
    SELECT s.id, s.type, s.display_name, s.segment_start_s, s.offset_s, s.length_s, s.rounds
    FROM workouts w JOIN class_plan_steps s ON s.ride_id = w.ride_id
    WHERE w.id = ?1 ORDER BY s.position)sql",
                                  workout_id, out,
                                  [](const Statement& q, model::ClassPlanStep& step) {
                                    step.id = q.Text(0);
                                    step.type = q.Text(1);
                                    step.display_name = q.Text(2);
                                    step.segment_start_s = q.Int(3);
                                    step.offset_s = q.Int(4);
                                    step.length_s = q.Int(5);
                                    step.rounds = q.OptInt(6);
                                  }));
  if (out.empty()) return OkStatus();
  PELO_ASSIGN_OR_RETURN(Statement q, db.Prepare(R"sql(
    SELECT m.step_position, m.id, m.name
    FROM workouts w JOIN class_plan_movements m ON m.ride_id = w.ride_id
    WHERE w.id = ?1 ORDER BY m.step_position, m.position)sql"));
  q.Bind(1, workout_id);
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return OkStatus();
    const int64_t step = q.Int(0);
    if (step < 0 || static_cast<size_t>(step) >= out.size()) continue;
    out[static_cast<size_t>(step)].movements.push_back({q.Text(1), q.Text(2)});
  }
}

}  // namespace

StatusOr<std::optional<WorkoutDetail>> ReadWorkoutDetail(sqlite::Database& db,
                                                         const std::string& workout_id) {
  PELO_ASSIGN_OR_RETURN(auto snapshot, sqlite::ReadTransaction::Begin(db));
  PELO_ASSIGN_OR_RETURN(std::optional<StoredWorkoutRow> stored, ReadWorkoutRow(db, workout_id));
  if (!stored) return std::optional<WorkoutDetail>();
  std::optional<WorkoutDetail> detail(std::in_place);
  PELO_ASSIGN_OR_RETURN(detail->samples, ReadSamplesOf(db, *stored));
  detail->workout = std::move(stored->row);
  detail->is_outdoor = stored->is_outdoor;
  PELO_ASSIGN_OR_RETURN(detail->metrics, ReadRideMetricsListing(db, workout_id));
  PELO_ASSIGN_OR_RETURN(detail->curve_w, ReadRideCurve(db, workout_id));
  PELO_RETURN_IF_ERROR(ReadSegments(db, workout_id, detail->segments));
  PELO_RETURN_IF_ERROR(ReadHeartRateZones(db, workout_id, detail->heart_rate_zones));
  PELO_RETURN_IF_ERROR(ReadGps(db, workout_id, detail->gps));
  PELO_ASSIGN_OR_RETURN(detail->elevation_gain_m, ReadElevationGainM(db, workout_id));
  PELO_RETURN_IF_ERROR(ReadTargetBlocks(db, workout_id, detail->target_blocks));
  if (!detail->target_blocks.empty()) {
    PELO_ASSIGN_OR_RETURN(detail->pedaling_start_offset_s, ReadPedalingStartOffset(db, workout_id));
  }
  PELO_RETURN_IF_ERROR(ReadTrackedMovements(db, workout_id, detail->tracked_movements));
  PELO_RETURN_IF_ERROR(ReadClassPlan(db, workout_id, detail->class_plan));
  return detail;
}

}  // namespace pelo::store
