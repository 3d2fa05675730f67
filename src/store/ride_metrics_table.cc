#include "store/ride_metrics_table.h"

#include <initializer_list>
#include <optional>

namespace pelo::store {
namespace {

using sqlite::Statement;
using Member = std::optional<double> model::RideMetricsRow::*;

struct MetricColumn {
  const char* name;
  Member member;
};

// The REAL columns of ride_metrics in table order (after workout_id, metrics_version and
// ftp_source).
constexpr MetricColumn kMetricColumns[] = {
    {"ftp", &model::RideMetricsRow::ftp},
    {"duration_s", &model::RideMetricsRow::duration_s},
    {"moving_time_s", &model::RideMetricsRow::moving_time_s},
    {"avg_power", &model::RideMetricsRow::avg_power},
    {"nz_avg_power", &model::RideMetricsRow::nz_avg_power},
    {"kj", &model::RideMetricsRow::kj},
    {"mmp_1s", &model::RideMetricsRow::mmp_1s},
    {"mmp_5s", &model::RideMetricsRow::mmp_5s},
    {"mmp_30s", &model::RideMetricsRow::mmp_30s},
    {"mmp_60s", &model::RideMetricsRow::mmp_60s},
    {"mmp_300s", &model::RideMetricsRow::mmp_300s},
    {"mmp_1200s", &model::RideMetricsRow::mmp_1200s},
    {"mmp_3600s", &model::RideMetricsRow::mmp_3600s},
    {"np", &model::RideMetricsRow::np},
    {"vi", &model::RideMetricsRow::vi},
    {"intensity_factor", &model::RideMetricsRow::if_},
    {"tss", &model::RideMetricsRow::tss},
    {"tss_per_hour", &model::RideMetricsRow::tss_per_hour},
    {"avg_hr", &model::RideMetricsRow::avg_hr},
    {"ef", &model::RideMetricsRow::ef},
    {"decoupling", &model::RideMetricsRow::decoupling},
    {"trimp", &model::RideMetricsRow::trimp},
    {"pz1_s", &model::RideMetricsRow::pz1_s},
    {"pz2_s", &model::RideMetricsRow::pz2_s},
    {"pz3_s", &model::RideMetricsRow::pz3_s},
    {"pz4_s", &model::RideMetricsRow::pz4_s},
    {"pz5_s", &model::RideMetricsRow::pz5_s},
    {"pz6_s", &model::RideMetricsRow::pz6_s},
    {"pz7_s", &model::RideMetricsRow::pz7_s},
    {"hrz1_s", &model::RideMetricsRow::hrz1_s},
    {"hrz2_s", &model::RideMetricsRow::hrz2_s},
    {"hrz3_s", &model::RideMetricsRow::hrz3_s},
    {"hrz4_s", &model::RideMetricsRow::hrz4_s},
    {"hrz5_s", &model::RideMetricsRow::hrz5_s},
};

// The fixed columns before kMetricColumns, in both the insert and the listing.
constexpr int kFixedColumns = 3;  // workout_id, metrics_version, ftp_source

std::string MetricColumnList(const char* prefix) {
  std::string list;
  for (const MetricColumn& column : kMetricColumns)
    list += std::string(", ") + prefix + column.name;
  return list;
}

std::string FirstNonEmpty(std::initializer_list<std::string> candidates) {
  for (const std::string& candidate : candidates) {
    if (!candidate.empty()) return candidate;
  }
  return {};
}

}  // namespace

std::string RideMetricsInsertSql() {
  std::string values = "?1, ?2, ?3";
  for (size_t i = 0; i < std::size(kMetricColumns); ++i) {
    values += ", ?" + std::to_string(kFixedColumns + 1 + static_cast<int>(i));
  }
  return "INSERT INTO ride_metrics (workout_id, metrics_version, ftp_source" +
         MetricColumnList("") + ") VALUES (" + values + ")";
}

Status RunRideMetricsInsert(Statement& stmt, const std::string& workout_id,
                            const model::RideMetricsRow& row) {
  stmt.Bind(1, workout_id).Bind(2, int64_t{row.metrics_version});
  stmt.BindTextOrNull(3, row.ftp_source);
  int index = kFixedColumns + 1;
  for (const MetricColumn& column : kMetricColumns) stmt.Bind(index++, row.*column.member);
  return stmt.Run();
}

StatusOr<std::vector<model::RideMetricsListing>> ReadRideMetricsRows(const sqlite::Database& db) {
  // Listing columns: the fixed ones, the metrics, then the workout's.
  const std::string sql = "SELECT m.workout_id, m.metrics_version, m.ftp_source" +
                          MetricColumnList("m.") +
                          ", w.start_time, w.fitness_discipline, r.title, w.title, w.name "
                          "FROM ride_metrics m JOIN workouts w ON w.id = m.workout_id "
                          "LEFT JOIN rides r ON r.id = w.ride_id ORDER BY w.start_time DESC, w.id";
  PELO_ASSIGN_OR_RETURN(Statement q, db.Prepare(sql));
  std::vector<model::RideMetricsListing> rows;
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool has_row, q.Step());
    if (!has_row) break;
    model::RideMetricsListing& listing = rows.emplace_back();
    model::RideMetricsRow& m = listing.metrics;
    m.workout_id = q.Text(0);
    m.metrics_version = static_cast<int>(q.Int(1));
    m.ftp_source = q.Text(2);
    int index = kFixedColumns;
    for (const MetricColumn& column : kMetricColumns) m.*column.member = q.OptDouble(index++);
    listing.start_time = q.OptInt(index);
    listing.discipline = q.Text(index + 1);
    listing.title = FirstNonEmpty({q.Text(index + 2), q.Text(index + 3), q.Text(index + 4)});
  }
  return rows;
}

}  // namespace pelo::store
