#include "store/ride_metrics_table.h"

#include <initializer_list>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "pelo/model/ride_metric_fields.h"
#include "store/ride_curves_table.h"
#include "store/units.h"

namespace pelo::store {
namespace {

using sqlite::Statement;

// The columns before the metrics, in both the insert and the listing: the row's identity and
// provenance rather than metrics of the ride.
constexpr int kFixedColumns = 3;  // workout_id, metrics_version, ftp_source

// ", m.ftp, m.duration_s, ..., m.every_n": a column per metric, in registry order. The insert
// names its columns, so this order need not be the table's (which the migrations fix).
std::string MetricColumnList(const char* prefix) {
  std::string list;
  for (const model::RideMetricField& field : model::kRideMetricFields) {
    list += std::string(", ") + prefix + std::string(field.column);
  }
  return list;
}

std::optional<int64_t> Wide(const std::optional<int>& v) {
  return v ? std::optional<int64_t>(*v) : std::nullopt;
}

std::optional<int> Narrow(const std::optional<int64_t>& v) {
  return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

// Binds the metric as its column's type: REAL for kReal, INTEGER for the others.
void BindMetric(Statement& stmt, int index, const model::RideMetricField& field,
                const model::RideMetricsRow& row) {
  std::visit(
      [&](auto member) {
        const auto& value = row.*member;
        using Value = std::remove_cvref_t<decltype(value)>;
        if constexpr (std::is_same_v<Value, std::optional<double>>) {
          stmt.Bind(index, value);
        } else if constexpr (std::is_same_v<Value, std::optional<int>>) {
          stmt.Bind(index, Wide(value));
        } else {
          stmt.Bind(index, int64_t{value});
        }
      },
      field.member);
}

// Reads the metric back; NULL in a column that is never NA (every_n and is_ftp_test of rows
// written before schema v5) leaves the row's default.
void ReadMetric(const Statement& q, int index, const model::RideMetricField& field,
                model::RideMetricsRow& row) {
  std::visit(
      [&](auto member) {
        auto& target = row.*member;
        using Value = std::remove_cvref_t<decltype(target)>;
        if constexpr (std::is_same_v<Value, std::optional<double>>) {
          target = q.OptDouble(index);
        } else if constexpr (std::is_same_v<Value, std::optional<int>>) {
          target = Narrow(q.OptInt(index));
        } else if (const std::optional<int64_t> stored = q.OptInt(index)) {
          target = static_cast<Value>(*stored);
        }
      },
      field.member);
}

std::string FirstNonEmpty(std::initializer_list<std::string> candidates) {
  for (const std::string& candidate : candidates) {
    if (!candidate.empty()) return candidate;
  }
  return {};
}

// The listing of the metrics rows that `filter` (a WHERE and/or ORDER BY clause) selects:
// the fixed columns, the metrics, then the workout's (ReadListing).
std::string RideMetricsListingSql(std::string_view filter) {
  return "SELECT m.workout_id, m.metrics_version, m.ftp_source" + MetricColumnList("m.") +
         ", w.start_time, w.fitness_discipline, r.title, w.title, w.name, w.timezone, "
         "w.device_type, w.has_ftp_info, w.ftp, w.ftp_source, w.ftp_workout_id, "
         "(SELECT s.value FROM workout_summaries s WHERE s.workout_id = w.id AND "
         "s.slug = 'distance' ORDER BY s.kind = 'average' LIMIT 1), "
         "(SELECT s.display_unit FROM workout_summaries s WHERE s.workout_id = w.id AND "
         "s.slug = 'distance' ORDER BY s.kind = 'average' LIMIT 1) "
         "FROM ride_metrics m JOIN workouts w ON w.id = m.workout_id "
         "LEFT JOIN rides r ON r.id = w.ride_id" +
         std::string(filter);
}

void ReadListing(const Statement& q, model::RideMetricsListing& listing) {
  model::RideMetricsRow& m = listing.metrics;
  m.workout_id = q.Text(0);
  m.metrics_version = static_cast<int>(q.Int(1));
  m.ftp_source = q.Text(2);
  int index = kFixedColumns;
  for (const model::RideMetricField& field : model::kRideMetricFields) {
    ReadMetric(q, index++, field, m);
  }
  listing.start_time = q.OptInt(index);
  listing.discipline = q.Text(index + 1);
  listing.title = FirstNonEmpty({q.Text(index + 2), q.Text(index + 3), q.Text(index + 4)});
  listing.timezone = q.Text(index + 5);
  listing.device_type = q.Text(index + 6);
  if (q.Int(index + 7) != 0) {
    listing.ftp_info =
        model::FtpInfo{q.OptDouble(index + 8), q.Text(index + 9), q.Text(index + 10)};
  }
  listing.distance_km = DistanceKm(q.OptDouble(index + 11), q.Text(index + 12));
}

}  // namespace

std::string RideMetricsInsertSql() {
  std::string values = "?1";
  for (size_t i = 2; i <= kFixedColumns + model::kRideMetricFields.size(); ++i) {
    values += ", ?" + std::to_string(i);
  }
  return "INSERT INTO ride_metrics (workout_id, metrics_version, ftp_source" +
         MetricColumnList("") + ") VALUES (" + values + ")";
}

Status RunRideMetricsInsert(Statement& stmt, const std::string& workout_id,
                            const model::RideMetricsRow& row) {
  stmt.Bind(1, workout_id).Bind(2, int64_t{row.metrics_version});
  stmt.BindTextOrNull(3, row.ftp_source);
  int index = kFixedColumns + 1;
  for (const model::RideMetricField& field : model::kRideMetricFields) {
    BindMetric(stmt, index++, field, row);
  }
  return stmt.Run();
}

StatusOr<std::vector<model::RideMetricsListing>> ReadRideMetricsRows(const sqlite::Database& db) {
  PELO_ASSIGN_OR_RETURN(Statement q,
                        db.Prepare(RideMetricsListingSql(" ORDER BY w.start_time DESC, w.id")));
  std::vector<model::RideMetricsListing> rows;
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    ReadListing(q, rows.emplace_back());
  }
  return rows;
}

StatusOr<std::optional<model::RideMetricsListing>> ReadRideMetricsListing(
    const sqlite::Database& db, const std::string& workout_id) {
  PELO_ASSIGN_OR_RETURN(Statement q, db.Prepare(RideMetricsListingSql(" WHERE m.workout_id = ?1")));
  PELO_ASSIGN_OR_RETURN(bool found, q.Bind(1, workout_id).Step());
  if (!found) return std::optional<model::RideMetricsListing>();
  std::optional<model::RideMetricsListing> listing(std::in_place);
  ReadListing(q, *listing);
  return listing;
}

StatusOr<std::vector<RideMetricsState>> ReadRideMetricsStates(const sqlite::Database& db) {
  PELO_ASSIGN_OR_RETURN(Statement q, db.Prepare(R"sql(
    SELECT w.id, w.start_time, w.timezone, w.fitness_discipline, w.has_pedaling_metrics,
      w.has_ftp_info, w.ftp, w.ftp_source, w.ftp_workout_id,
      m.metrics_version, m.avg_power IS NOT NULL, m.ftp, m.ftp_source, m.is_ftp_test,
      m.ftp_test_w, m.mmp_1200s, c.metrics_version
    FROM workouts w
    LEFT JOIN ride_metrics m ON m.workout_id = w.id
    LEFT JOIN ride_curves c ON c.workout_id = w.id
    ORDER BY w.start_time, w.id)sql"));
  std::vector<RideMetricsState> states;
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) return states;
    RideMetricsState& s = states.emplace_back();
    s.workout_id = q.Text(0);
    s.start_time = q.OptInt(1);
    s.timezone = q.Text(2);
    s.discipline = q.Text(3);
    s.has_pedaling_metrics = q.Int(4) != 0;
    if (q.Int(5) != 0) s.ftp_info = model::FtpInfo{q.OptDouble(6), q.Text(7), q.Text(8)};
    s.metrics_version = Narrow(q.OptInt(9));
    s.has_power = q.Int(10) != 0;
    s.ftp = q.OptDouble(11);
    s.ftp_source = q.Text(12);
    s.is_ftp_test = q.Int(13) != 0;
    s.ftp_test_w = q.OptDouble(14);
    s.mmp_1200s = q.OptDouble(15);
    s.curve_version = Narrow(q.OptInt(16));
  }
}

Status ReplaceRideRows(sqlite::Database& db, const std::string& workout_id,
                       const std::optional<model::RideMetricsRow>& metrics,
                       const std::optional<std::vector<double>>& curve_w) {
  PELO_ASSIGN_OR_RETURN(Statement stored, db.Prepare("SELECT 1 FROM workouts WHERE id = ?1"));
  PELO_ASSIGN_OR_RETURN(bool found, stored.Bind(1, workout_id).Step());
  if (!found) {
    return Status(ErrorCode::kStorage, db.path() + ": no stored workout " + workout_id);
  }
  for (const char* table : {"ride_metrics", "ride_curves"}) {
    PELO_ASSIGN_OR_RETURN(Statement erase, db.Prepare(std::string("DELETE FROM ") + table +
                                                      " WHERE workout_id = ?1"));
    PELO_RETURN_IF_ERROR(erase.Bind(1, workout_id).Run());
  }
  if (metrics) {
    PELO_ASSIGN_OR_RETURN(Statement insert, db.Prepare(RideMetricsInsertSql()));
    PELO_RETURN_IF_ERROR(RunRideMetricsInsert(insert, workout_id, *metrics));
  }
  if (curve_w) {
    PELO_ASSIGN_OR_RETURN(Statement insert, db.Prepare(kRideCurveInsertSql));
    PELO_RETURN_IF_ERROR(
        RunRideCurveInsert(insert, workout_id, metrics ? metrics->metrics_version : 0, *curve_w));
  }
  return OkStatus();
}

}  // namespace pelo::store
