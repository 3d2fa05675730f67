#include "store/workout_reader.h"

#include <string_view>

#include "store/units.h"

namespace pelo::store {
namespace {

using sqlite::Statement;

// A correlated lookup of one metric field; a top-level metric wins over an alternative.
std::string MetricField(const std::string& field, const std::string& slug) {
  return "(SELECT " + field + " FROM workout_metrics m WHERE m.workout_id = w.id AND m.slug = '" +
         slug + "' ORDER BY m.parent_slug IS NOT NULL LIMIT 1)";
}

// A correlated lookup of one summary field; summaries[] win over average_summaries[].
std::string SummaryField(const std::string& field, const std::string& slug) {
  return "(SELECT " + field + " FROM workout_summaries s WHERE s.workout_id = w.id AND s.slug = '" +
         slug + "' ORDER BY s.kind = 'average' LIMIT 1)";
}

// Newest first; workouts without a start time last.
constexpr const char* kWorkoutOrder = " ORDER BY w.start_time DESC, w.id";

// The columns of a WorkoutRow (ToWorkoutRow), then those of a StoredWorkoutRow, of the
// workouts that `filter` (a WHERE and/or ORDER BY clause) selects.
std::string WorkoutRowsSql(std::string_view filter) {
  return "SELECT w.id, w.peloton_id, w.end_time, w.graph_duration, " +
         SummaryField("value", "total_output") + ", " + MetricField("max_value", "output") + ", " +
         MetricField("average_value", "output") + ", " + MetricField("average_value", "cadence") +
         ", " + MetricField("max_value", "resistance") + ", " +
         MetricField("average_value", "resistance") + ", " +
         MetricField("average_value", "heart_rate") + ", " +
         MetricField("max_value", "heart_rate") + ", " +
         "w.fitness_discipline, r.title, w.title, w.name, i.name, w.start_time, " +
         SummaryField("value", "distance") + ", " + SummaryField("display_unit", "distance") +
         ", " + SummaryField("value", "calories") +
         // Stored as the writer resolved it; > 0 as databases written before a resolved FTP of
         // 0 W counted as none may hold 0.
         ", CASE WHEN w.resolved_ftp > 0 THEN w.resolved_ftp END, d.workout_id IS NOT NULL, "
         "w.timezone, w.key, w.is_outdoor, w.every_n " +
         "FROM workouts w LEFT JOIN rides r ON r.id = w.ride_id " +
         "LEFT JOIN workout_deletions d ON d.workout_id = w.id " +
         "LEFT JOIN instructors i ON i.id = r.instructor_id" + std::string(filter);
}

// After the WorkoutRow's columns.
constexpr int kKeyColumn = 24;
constexpr int kIsOutdoorColumn = 25;
constexpr int kEveryNColumn = 26;

std::string FirstNonEmptyText(std::initializer_list<std::string> candidates) {
  for (const std::string& candidate : candidates) {
    if (!candidate.empty()) return candidate;
  }
  return {};
}

model::WorkoutRow ToWorkoutRow(const Statement& q) {
  model::WorkoutRow row;
  row.workout_id = q.Text(0);
  row.peloton_id = q.Text(1);
  row.end_time = q.OptInt(2);
  row.duration = q.OptDouble(3);
  row.total_output = q.OptDouble(4);
  row.max_output = q.OptDouble(5);
  row.average_output = q.OptDouble(6);
  row.average_cadence = q.OptDouble(7);
  row.max_resistance = q.OptDouble(8);
  row.average_resistance = q.OptDouble(9);
  row.average_heart_rate = q.OptDouble(10);
  row.max_heart_rate = q.OptDouble(11);
  row.discipline = q.Text(12);
  row.title = FirstNonEmptyText({q.Text(13), q.Text(14), q.Text(15)});
  row.instructor = q.Text(16);
  row.start_time = q.OptInt(17);
  row.distance_km = DistanceKm(q.OptDouble(18), q.Text(19));
  row.calories_kcal = q.OptDouble(20);
  row.ftp = q.OptDouble(21);
  row.deleted = q.Int(22) != 0;
  row.timezone = q.Text(23);
  return row;
}

void ReadSampleColumns(const Statement& q, model::SampleRow& row) {
  row.t_s = q.Int(0);
  row.output_w = q.OptDouble(1);
  row.cadence_rpm = q.OptDouble(2);
  row.resistance_pct = q.OptDouble(3);
  row.speed_kph = q.OptDouble(4);
  row.heart_rate_bpm = q.OptDouble(5);
  row.incline_pct = q.OptDouble(6);
  row.pace_min_per_km = q.OptDouble(7);
  row.altitude_m = q.OptDouble(8);
  row.stroke_rate_spm = q.OptDouble(9);
  row.split_pace_s_per_500m = q.OptDouble(10);
}

model::SampleRow ToSampleRow(const std::string& workout_id, const Statement& q) {
  model::SampleRow row;
  row.workout_id = workout_id;
  ReadSampleColumns(q, row);
  return row;
}

constexpr const char* kSamplesOfWorkoutSql = R"sql(
    SELECT t_s, output_w, cadence_rpm, resistance_pct, speed_kph, heart_rate_bpm, incline_pct,
      pace_min_per_km, altitude_m, stroke_rate_spm, split_pace_s_per_500m
    FROM samples WHERE workout_key = ?1 ORDER BY t_s)sql";

}  // namespace

StatusOr<std::vector<model::WorkoutRow>> ReadWorkoutRows(const sqlite::Database& db) {
  PELO_ASSIGN_OR_RETURN(Statement q, db.Prepare(WorkoutRowsSql(kWorkoutOrder)));
  std::vector<model::WorkoutRow> rows;
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    rows.push_back(ToWorkoutRow(q));
  }
  return rows;
}

Status ReadSamples(const sqlite::Database& db,
                   const std::function<bool(const model::SampleRow&)>& fn) {
  // Workout by workout, so each sample query walks the (workout_key, t_s) primary key in order
  // instead of sorting every sample.
  PELO_ASSIGN_OR_RETURN(Statement workouts, db.Prepare(std::string("SELECT w.id, w.key FROM "
                                                                   "workouts w") +
                                                       kWorkoutOrder));
  std::vector<std::pair<std::string, int64_t>> ids;
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool has_row, workouts.Step());
    if (!has_row) break;
    ids.emplace_back(workouts.Text(0), workouts.Int(1));
  }
  PELO_ASSIGN_OR_RETURN(Statement q, db.Prepare(kSamplesOfWorkoutSql));
  for (const auto& [id, key] : ids) {
    q.Bind(1, key);
    while (true) {
      PELO_ASSIGN_OR_RETURN(bool has_row, q.Step());
      if (!has_row) break;
      if (!fn(ToSampleRow(id, q))) return OkStatus();
    }
    q.Reset();
  }
  return OkStatus();
}

StatusOr<std::optional<StoredWorkoutRow>> ReadWorkoutRow(const sqlite::Database& db,
                                                         const std::string& workout_id) {
  PELO_ASSIGN_OR_RETURN(Statement q, db.Prepare(WorkoutRowsSql(" WHERE w.id = ?1")));
  PELO_ASSIGN_OR_RETURN(bool found, q.Bind(1, workout_id).Step());
  if (!found) return std::optional<StoredWorkoutRow>();
  return std::optional<StoredWorkoutRow>(StoredWorkoutRow{ToWorkoutRow(q), q.Int(kKeyColumn),
                                                          q.Int(kIsOutdoorColumn) != 0,
                                                          static_cast<int>(q.Int(kEveryNColumn))});
}

StatusOr<std::vector<model::SampleRow>> ReadSamplesOf(const sqlite::Database& db,
                                                      const StoredWorkoutRow& workout) {
  PELO_ASSIGN_OR_RETURN(Statement q, db.Prepare(kSamplesOfWorkoutSql));
  q.Bind(1, workout.key);
  std::vector<model::SampleRow> rows;
  // One sample per every_n seconds of the graph: allocated once rather than grown a dozen times.
  if (workout.row.duration && *workout.row.duration > 0 && workout.every_n > 0) {
    rows.reserve(static_cast<size_t>(*workout.row.duration / workout.every_n) + 2);
  }
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) return rows;
    ReadSampleColumns(q, rows.emplace_back());
  }
}

StatusOr<std::vector<std::optional<double>>> ReadOutputSeries(const sqlite::Database& db,
                                                              const std::string& workout_id) {
  PELO_ASSIGN_OR_RETURN(Statement exists, db.Prepare("SELECT key FROM workouts WHERE id = ?1"));
  PELO_ASSIGN_OR_RETURN(bool found, exists.Bind(1, workout_id).Step());
  if (!found) return Status(ErrorCode::kNotFound, "no stored workout " + workout_id);
  PELO_ASSIGN_OR_RETURN(
      Statement q, db.Prepare("SELECT output_w FROM samples WHERE workout_key = ?1 ORDER BY t_s"));
  q.Bind(1, exists.Int(0));
  std::vector<std::optional<double>> series;
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    series.push_back(q.OptDouble(0));
  }
  return series;
}

}  // namespace pelo::store
