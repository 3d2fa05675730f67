#include "store/workout_inserts.h"

#include <nlohmann/json.hpp>

#include "pelo/common/time.h"
#include "store/ride_curves_table.h"
#include "store/ride_metrics_table.h"
#include "store/units.h"

namespace pelo::store {
namespace {

using sqlite::Statement;

// Statement indexes, in the order of kSql.
enum : int {
  kInstructor,
  kRide,
  kWorkout,
  kSummary,
  kMetric,
  kZone,
  kSegment,
  kSample,
  kGps,
  kTrackedMovement,
  kMovementWeight,
  kTargetBlock,
  kTargetMetric,
  kClassPlanMovementsDelete,
  kClassPlanStepsDelete,
  kClassPlanDelete,
  kClassPlan,
  kClassPlanStep,
  kClassPlanMovement,
  kRideMetrics,  // prepared from RideMetricsInsertSql, after kSql's
  kRideCurve,
};

constexpr const char* kSql[] = {
    R"sql(
    INSERT INTO instructors (id, name, first_name, last_name, username, bio, image_url,
      fitness_disciplines) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
    ON CONFLICT (id) DO UPDATE SET name = ?2, first_name = ?3, last_name = ?4, username = ?5,
      bio = ?6, image_url = ?7, fitness_disciplines = ?8)sql",
    R"sql(
    INSERT INTO rides (id, title, description, fitness_discipline, instructor_id, duration,
      length, original_air_time, pedaling_start_offset, difficulty_estimate, content_format,
      image_url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
    ON CONFLICT (id) DO UPDATE SET title = ?2, description = ?3, fitness_discipline = ?4,
      instructor_id = ?5, duration = ?6, length = ?7, original_air_time = ?8,
      pedaling_start_offset = ?9, difficulty_estimate = ?10, content_format = ?11,
      image_url = ?12)sql",
    R"sql(
    INSERT INTO workouts (id, user_id, peloton_id, name, title, status, fitness_discipline,
      metrics_type, device_type, platform, workout_type, timezone, created_at, start_time,
      end_time, total_work, has_pedaling_metrics, is_outdoor, ride_id, has_ftp_info, ftp,
      ftp_source, ftp_workout_id, resolved_ftp, every_n, graph_duration, total_effort_points,
      saved_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
      ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28))sql",
    R"sql(
    INSERT INTO workout_summaries (workout_id, kind, slug, display_name, display_unit, value)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql",
    R"sql(
    INSERT INTO workout_metrics (workout_id, slug, parent_slug, display_name, display_unit,
      max_value, average_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql",
    R"sql(
    INSERT INTO heart_rate_zones (workout_id, slug, min_value, max_value, duration_s)
    VALUES (?1, ?2, ?3, ?4, ?5))sql",
    R"sql(
    INSERT INTO segments (workout_id, position, id, name, icon_slug, metrics_type,
      start_time_offset, length, intensity_in_mets) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
    )sql",
    R"sql(
    INSERT INTO samples (workout_key, t_s, output_w, cadence_rpm, resistance_pct, speed_kph,
      heart_rate_bpm, incline_pct, pace_min_per_km, altitude_m, stroke_rate_spm,
      split_pace_s_per_500m) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12))sql",
    R"sql(
    INSERT INTO gps_points (workout_id, position, t_s, latitude, longitude, accuracy,
      distance_km, segment_id, is_gap) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9))sql",
    R"sql(
    INSERT INTO tracked_movements (workout_id, position, movement_id, movement_name, is_hold,
      completed_number, offset_s, length_s) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))sql",
    R"sql(
    INSERT INTO tracked_movement_weights (workout_id, movement_position, position, value, unit)
    VALUES (?1, ?2, ?3, ?4, ?5))sql",
    R"sql(
    INSERT INTO target_blocks (workout_id, position, start_s, end_s, segment_type)
    VALUES (?1, ?2, ?3, ?4, ?5))sql",
    R"sql(
    INSERT INTO target_block_metrics (workout_id, block_position, position, name, lower, upper)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql",
    // Each table: rebuild turns foreign keys (so ON DELETE CASCADE) off.
    "DELETE FROM class_plan_movements WHERE ride_id = ?1",
    "DELETE FROM class_plan_steps WHERE ride_id = ?1",
    "DELETE FROM class_plans WHERE ride_id = ?1",
    "INSERT INTO class_plans (ride_id) VALUES (?1)",
    R"sql(
    INSERT INTO class_plan_steps (ride_id, position, id, type, display_name, segment_start_s,
      offset_s, length_s, rounds) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9))sql",
    R"sql(
    INSERT INTO class_plan_movements (ride_id, step_position, position, id, name)
    VALUES (?1, ?2, ?3, ?4, ?5))sql",
};

}  // namespace

StatusOr<std::unique_ptr<WorkoutInserts>> WorkoutInserts::Prepare(sqlite::Database& db) {
  std::vector<Statement> statements;
  statements.reserve(std::size(kSql) + 2);
  for (const char* sql : kSql) {
    PELO_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(sql));
    statements.push_back(std::move(stmt));
  }
  PELO_ASSIGN_OR_RETURN(Statement ride_metrics, db.Prepare(RideMetricsInsertSql()));
  statements.push_back(std::move(ride_metrics));
  PELO_ASSIGN_OR_RETURN(Statement ride_curve, db.Prepare(kRideCurveInsertSql));
  statements.push_back(std::move(ride_curve));
  return std::unique_ptr<WorkoutInserts>(new WorkoutInserts(db, std::move(statements)));
}

Status WorkoutInserts::Instructor(const model::Instructor& instructor) {
  if (instructor.id.empty()) return OkStatus();  // e.g. the "JUST RIDE" stub of a freestyle ride
  Statement& stmt = Stmt(kInstructor);
  stmt.Bind(1, instructor.id).BindTextOrNull(2, instructor.name);
  stmt.BindTextOrNull(3, instructor.first_name).BindTextOrNull(4, instructor.last_name);
  stmt.BindTextOrNull(5, instructor.username).BindTextOrNull(6, instructor.bio);
  stmt.BindTextOrNull(7, instructor.image_url);
  stmt.Bind(8, nlohmann::json(instructor.fitness_disciplines).dump());
  return stmt.Run();
}

Status WorkoutInserts::RideOf(const model::Workout& workout) {
  if (!workout.ride || workout.ride->id.empty()) return OkStatus();
  const model::Ride& ride = *workout.ride;
  if (ride.instructor) PELO_RETURN_IF_ERROR(Instructor(*ride.instructor));
  Statement& stmt = Stmt(kRide);
  std::string instructor_id = ride.instructor_id;
  if (instructor_id.empty() && ride.instructor) instructor_id = ride.instructor->id;
  stmt.Bind(1, ride.id).BindTextOrNull(2, ride.title).BindTextOrNull(3, ride.description);
  stmt.BindTextOrNull(4, ride.fitness_discipline).BindTextOrNull(5, instructor_id);
  stmt.Bind(6, ride.duration).Bind(7, ride.length).Bind(8, ride.original_air_time);
  stmt.Bind(9, ride.pedaling_start_offset).Bind(10, ride.difficulty_estimate);
  stmt.BindTextOrNull(11, ride.content_format).BindTextOrNull(12, ride.image_url);
  return stmt.Run();
}

Status WorkoutInserts::Workout(const WorkoutBundle& bundle,
                               const std::vector<model::SampleRow>& samples) {
  const std::string& id = bundle.workout.id;
  PELO_ASSIGN_OR_RETURN(int64_t key, InsertWorkoutRow(bundle));
  PELO_RETURN_IF_ERROR(InsertSummaries(id, bundle.graph));
  PELO_RETURN_IF_ERROR(InsertMetrics(id, bundle.graph));
  PELO_RETURN_IF_ERROR(InsertSegments(id, bundle.graph));
  PELO_RETURN_IF_ERROR(InsertSamples(key, samples));
  PELO_RETURN_IF_ERROR(InsertGps(id, bundle.graph));
  PELO_RETURN_IF_ERROR(InsertTrackedMovements(id, bundle.workout));
  PELO_RETURN_IF_ERROR(InsertTargetBlocks(id, bundle.graph));
  return RideRows(id, bundle.metrics, bundle.curve_w);
}

Status WorkoutInserts::ClassPlan(const std::string& ride_id,
                                 const std::vector<model::ClassPlanStep>& plan) {
  for (int stmt : {kClassPlanMovementsDelete, kClassPlanStepsDelete, kClassPlanDelete}) {
    PELO_RETURN_IF_ERROR(Stmt(stmt).Bind(1, ride_id).Run());
  }
  PELO_RETURN_IF_ERROR(Stmt(kClassPlan).Bind(1, ride_id).Run());
  Statement& step_stmt = Stmt(kClassPlanStep);
  Statement& movement_stmt = Stmt(kClassPlanMovement);
  for (size_t i = 0; i < plan.size(); ++i) {
    const model::ClassPlanStep& step = plan[i];
    const auto position = static_cast<int64_t>(i);
    step_stmt.Bind(1, ride_id).Bind(2, position).BindTextOrNull(3, step.id);
    step_stmt.BindTextOrNull(4, step.type).BindTextOrNull(5, step.display_name);
    step_stmt.Bind(6, step.segment_start_s).Bind(7, step.offset_s).Bind(8, step.length_s);
    PELO_RETURN_IF_ERROR(step_stmt.Bind(9, step.rounds).Run());
    for (size_t j = 0; j < step.movements.size(); ++j) {
      const model::PlannedMovement& movement = step.movements[j];
      movement_stmt.Bind(1, ride_id).Bind(2, position).Bind(3, static_cast<int64_t>(j));
      movement_stmt.BindTextOrNull(4, movement.id).BindTextOrNull(5, movement.name);
      PELO_RETURN_IF_ERROR(movement_stmt.Run());
    }
  }
  return OkStatus();
}

Status WorkoutInserts::RideRows(const std::string& id,
                                const std::optional<model::RideMetricsRow>& metrics,
                                const std::optional<std::vector<double>>& curve_w) {
  if (metrics) PELO_RETURN_IF_ERROR(RunRideMetricsInsert(Stmt(kRideMetrics), id, *metrics));
  if (!curve_w) return OkStatus();
  return RunRideCurveInsert(Stmt(kRideCurve), id, metrics ? metrics->metrics_version : 0, *curve_w);
}

// Returns the row's integer key (what samples reference).
StatusOr<int64_t> WorkoutInserts::InsertWorkoutRow(const WorkoutBundle& bundle) {
  const model::Workout& w = bundle.workout;
  Statement& stmt = Stmt(kWorkout);
  stmt.Bind(1, w.id).BindTextOrNull(2, w.user_id).BindTextOrNull(3, w.peloton_id);
  stmt.BindTextOrNull(4, w.name).BindTextOrNull(5, w.title).BindTextOrNull(6, w.status);
  stmt.BindTextOrNull(7, w.fitness_discipline).BindTextOrNull(8, w.metrics_type);
  stmt.BindTextOrNull(9, w.device_type).BindTextOrNull(10, w.platform);
  stmt.BindTextOrNull(11, w.workout_type).BindTextOrNull(12, w.timezone);
  stmt.Bind(13, w.created_at).Bind(14, w.start_time).Bind(15, w.end_time);
  stmt.Bind(16, w.total_work).Bind(17, int64_t{w.has_pedaling_metrics});
  stmt.Bind(18, int64_t{w.is_outdoor});
  stmt.BindTextOrNull(19, w.ride && !w.ride->id.empty() ? w.ride->id : "");
  stmt.Bind(20, int64_t{w.ftp_info.has_value()});
  if (w.ftp_info) {
    stmt.Bind(21, w.ftp_info->ftp).BindTextOrNull(22, w.ftp_info->ftp_source);
    stmt.BindTextOrNull(23, w.ftp_info->ftp_workout_id);
    stmt.Bind(24, bundle.resolved_ftp);
  }
  stmt.Bind(25, int64_t{bundle.every_n}).Bind(26, bundle.graph.duration);
  stmt.Bind(27, bundle.graph.total_effort_points).Bind(28, NowEpochSeconds());
  PELO_RETURN_IF_ERROR(stmt.Run());
  return db_.LastInsertRowid();
}

Status WorkoutInserts::InsertSummaries(const std::string& id, const model::PerformanceGraph& g) {
  Statement& stmt = Stmt(kSummary);
  for (const auto* list : {&g.summaries, &g.average_summaries}) {
    const char* kind = list == &g.summaries ? "summary" : "average";
    for (const model::SummaryValue& s : *list) {
      stmt.Bind(1, id).Bind(2, kind).Bind(3, s.slug).BindTextOrNull(4, s.display_name);
      PELO_RETURN_IF_ERROR(stmt.BindTextOrNull(5, s.display_unit).Bind(6, s.value).Run());
    }
  }
  return OkStatus();
}

Status WorkoutInserts::InsertMetrics(const std::string& id, const model::PerformanceGraph& g) {
  Statement& metric = Stmt(kMetric);
  Statement& zone = Stmt(kZone);
  auto insert = [&](const model::Metric& m, const std::string& parent) -> Status {
    metric.Bind(1, id).Bind(2, m.slug).BindTextOrNull(3, parent).BindTextOrNull(4, m.display_name);
    metric.BindTextOrNull(5, m.display_unit).Bind(6, m.max_value).Bind(7, m.average_value);
    PELO_RETURN_IF_ERROR(metric.Run());
    for (const model::HeartRateZone& z : m.zones) {
      zone.Bind(1, id).Bind(2, z.slug).Bind(3, z.min_value).Bind(4, z.max_value);
      PELO_RETURN_IF_ERROR(zone.Bind(5, z.duration).Run());
    }
    return OkStatus();
  };
  for (const model::Metric& m : g.metrics) {
    PELO_RETURN_IF_ERROR(insert(m, ""));
    for (const model::Metric& alternative : m.alternatives) {
      PELO_RETURN_IF_ERROR(insert(alternative, m.slug));
    }
  }
  return OkStatus();
}

Status WorkoutInserts::InsertSegments(const std::string& id, const model::PerformanceGraph& g) {
  Statement& stmt = Stmt(kSegment);
  for (size_t i = 0; i < g.segments.size(); ++i) {
    const model::Segment& s = g.segments[i];
    stmt.Bind(1, id).Bind(2, static_cast<int64_t>(i)).BindTextOrNull(3, s.id);
    stmt.BindTextOrNull(4, s.name).BindTextOrNull(5, s.icon_slug).BindTextOrNull(6, s.metrics_type);
    stmt.Bind(7, s.start_time_offset).Bind(8, s.length).Bind(9, s.intensity_in_mets);
    PELO_RETURN_IF_ERROR(stmt.Run());
  }
  return OkStatus();
}

// The hot path of sync and rebuild: one statement, every parameter bound for every row.
Status WorkoutInserts::InsertSamples(int64_t workout_key,
                                     const std::vector<model::SampleRow>& samples) {
  Statement& stmt = Stmt(kSample);
  for (const model::SampleRow& r : samples) {
    stmt.Bind(1, workout_key).Bind(2, r.t_s).Bind(3, r.output_w).Bind(4, r.cadence_rpm);
    stmt.Bind(5, r.resistance_pct).Bind(6, r.speed_kph).Bind(7, r.heart_rate_bpm);
    stmt.Bind(8, r.incline_pct).Bind(9, r.pace_min_per_km).Bind(10, r.altitude_m);
    stmt.Bind(11, r.stroke_rate_spm).Bind(12, r.split_pace_s_per_500m);
    PELO_RETURN_IF_ERROR(stmt.RunAllBound());
  }
  return OkStatus();
}

Status WorkoutInserts::InsertTrackedMovements(const std::string& id, const model::Workout& w) {
  Statement& movement_stmt = Stmt(kTrackedMovement);
  Statement& weight_stmt = Stmt(kMovementWeight);
  for (size_t i = 0; i < w.tracked_movements.size(); ++i) {
    const model::TrackedMovement& m = w.tracked_movements[i];
    const auto position = static_cast<int64_t>(i);
    movement_stmt.Bind(1, id).Bind(2, position).BindTextOrNull(3, m.movement_id);
    movement_stmt.BindTextOrNull(4, m.movement_name).Bind(5, int64_t{m.is_hold});
    movement_stmt.Bind(6, m.completed_number).Bind(7, m.offset_s).Bind(8, m.length_s);
    PELO_RETURN_IF_ERROR(movement_stmt.Run());
    for (size_t j = 0; j < m.weights.size(); ++j) {
      weight_stmt.Bind(1, id).Bind(2, position).Bind(3, static_cast<int64_t>(j));
      weight_stmt.Bind(4, m.weights[j].value).BindTextOrNull(5, m.weights[j].unit);
      PELO_RETURN_IF_ERROR(weight_stmt.Run());
    }
  }
  return OkStatus();
}

Status WorkoutInserts::InsertTargetBlocks(const std::string& id, const model::PerformanceGraph& g) {
  Statement& block_stmt = Stmt(kTargetBlock);
  Statement& metric_stmt = Stmt(kTargetMetric);
  for (size_t i = 0; i < g.target_blocks.size(); ++i) {
    const model::TargetBlock& block = g.target_blocks[i];
    const auto position = static_cast<int64_t>(i);
    block_stmt.Bind(1, id).Bind(2, position).Bind(3, block.start_s).Bind(4, block.end_s);
    PELO_RETURN_IF_ERROR(block_stmt.BindTextOrNull(5, block.segment_type).Run());
    for (size_t j = 0; j < block.metrics.size(); ++j) {
      const model::TargetMetric& metric = block.metrics[j];
      metric_stmt.Bind(1, id).Bind(2, position).Bind(3, static_cast<int64_t>(j));
      metric_stmt.BindTextOrNull(4, metric.name).Bind(5, metric.lower).Bind(6, metric.upper);
      PELO_RETURN_IF_ERROR(metric_stmt.Run());
    }
  }
  return OkStatus();
}

Status WorkoutInserts::InsertGps(const std::string& id, const model::PerformanceGraph& g) {
  Statement& stmt = Stmt(kGps);
  for (size_t i = 0; i < g.gps.size(); ++i) {
    const model::GpsPoint& p = g.gps[i];
    stmt.Bind(1, id).Bind(2, static_cast<int64_t>(i)).Bind(3, p.seconds_offset);
    stmt.Bind(4, p.latitude).Bind(5, p.longitude).Bind(6, p.accuracy);
    stmt.Bind(7, DistanceKm(p.distance, p.distance_unit)).BindTextOrNull(8, p.segment_id);
    PELO_RETURN_IF_ERROR(stmt.Bind(9, int64_t{p.is_gap}).RunAllBound());
  }
  return OkStatus();
}

}  // namespace pelo::store
