#include "store/workout_detail_reader.h"

#include <utility>
#include <vector>

#include "store/ride_curves_table.h"
#include "store/ride_metrics_table.h"
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
  return detail;
}

}  // namespace pelo::store
