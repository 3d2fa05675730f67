#include "stats_output.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "pelo/common/time.h"
#include "pelo/export/csv.h"
#include "pelo/model/ride_metric_fields.h"
#include "render.h"

namespace pelo::cli {
namespace {

using Listing = model::RideMetricsListing;

// Pace (min/km) of runs and walks, split (s/500 m) of rows: from the distance and the time.
std::optional<double> PerKm(const Listing& r, double seconds_per_km_to_unit) {
  if (!r.distance_km || *r.distance_km <= 0 || !r.metrics.duration_s) return std::nullopt;
  return *r.metrics.duration_s / *r.distance_km / seconds_per_km_to_unit;
}

bool IsRun(const Listing& r) { return r.discipline == "running" || r.discipline == "walking"; }
bool IsRow(const Listing& r) { return r.discipline == "caesar" || r.discipline == "rowing"; }

struct ListingColumn {
  const char* name;
  std::optional<double> (*value)(const Listing&);
};

// After the metrics: what the workout says of other disciplines.
const ListingColumn kListingColumns[] = {
    {"distance_km", [](const Listing& r) { return r.distance_km; }},
    {"pace_min_per_km", [](const Listing& r) { return IsRun(r) ? PerKm(r, 60) : std::nullopt; }},
    {"split_s_per_500m", [](const Listing& r) { return IsRow(r) ? PerKm(r, 2) : std::nullopt; }},
};

// The start time, UTC "YYYY-MM-DD HH:MM:SS" (the workouts CSV's date format); "" if unknown.
std::string Date(const model::RideMetricsListing& r) {
  return r.start_time ? FormatUtcDateTime(*r.start_time) : "";
}

struct TableMetric {
  Column column;
  const model::RideMetricField& field;
  int decimals = 0;
  double per = 1;  // shown in units of `per` of the field's unit (minutes: 60 s)
};

// The table's main metrics after date, discipline and title; --csv and --json have them all.
const TableMetric kTableMetrics[] = {
    {{"ftp", 4, true}, model::RideMetric("ftp")},
    {{"min", 4, true}, model::RideMetric("duration_s"), 0, 60},
    {{"avg W", 5, true}, model::RideMetric("avg_power")},
    {{"NP", 4, true}, model::RideMetric("np")},
    {{"IF", 4, true}, model::RideMetric("intensity_factor"), 2},
    {{"TSS", 4, true}, model::RideMetric("tss")},
    {{"avg HR", 6, true}, model::RideMetric("avg_hr")},
    {{"EF", 4, true}, model::RideMetric("ef"), 2},
    {{"TRIMP", 5, true}, model::RideMetric("trimp")},
};

nlohmann::ordered_json Number(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  if (std::floor(*v) == *v && std::fabs(*v) < 9e15) return static_cast<int64_t>(*v);
  return *v;
}

}  // namespace

const std::vector<std::string>& RideStatsColumns() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> columns = {"workout_id", "date", "discipline", "title"};
    for (const model::RideMetricField& field : model::kRideMetricFields) {
      columns.emplace_back(field.key);
    }
    for (const ListingColumn& column : kListingColumns) columns.emplace_back(column.name);
    return columns;
  }();
  return kColumns;
}

void WriteRideStatsCsv(const std::vector<model::RideMetricsListing>& rows, std::ostream& out) {
  exporter::WriteCsvRecord(RideStatsColumns(), out);
  for (const model::RideMetricsListing& r : rows) {
    std::vector<std::string> cells = {r.metrics.workout_id, Date(r), r.discipline, r.title};
    for (const model::RideMetricField& field : model::kRideMetricFields) {
      cells.push_back(exporter::FormatNumber(model::RideMetricValue(field, r.metrics)));
    }
    for (const ListingColumn& column : kListingColumns) {
      cells.push_back(exporter::FormatNumber(column.value(r)));
    }
    exporter::WriteCsvRecord(cells, out);
  }
}

std::string RideStatsJson(const std::vector<model::RideMetricsListing>& rows, bool pretty) {
  // Ordered: keys in column order, as in the CSV.
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const model::RideMetricsListing& r : rows) {
    nlohmann::ordered_json item = nlohmann::ordered_json::object();
    item["workout_id"] = r.metrics.workout_id;
    item["date"] = r.start_time ? nlohmann::ordered_json(Date(r)) : nlohmann::ordered_json(nullptr);
    item["discipline"] = r.discipline;
    item["title"] = r.title;
    for (const model::RideMetricField& field : model::kRideMetricFields) {
      item[std::string(field.key)] = Number(model::RideMetricValue(field, r.metrics));
    }
    for (const ListingColumn& column : kListingColumns) item[column.name] = Number(column.value(r));
    all.push_back(std::move(item));
  }
  return pretty ? all.dump(2) : all.dump();
}

void PrintRideStatsTable(const std::vector<model::RideMetricsListing>& rows, std::ostream& out) {
  std::vector<Column> columns = {{"date (UTC)", 16}, {"discipline", 10}, {"title", 32}};
  for (const TableMetric& metric : kTableMetrics) columns.push_back(metric.column);
  Table table(std::move(columns));
  for (const model::RideMetricsListing& r : rows) {
    std::vector<std::string> cells = {Date(r).substr(0, 16), r.discipline, r.title};
    for (const TableMetric& metric : kTableMetrics) {
      std::optional<double> value = model::RideMetricValue(metric.field, r.metrics);
      if (value) *value /= metric.per;
      cells.push_back(NumberCell(value, metric.decimals));
    }
    table.Add(std::move(cells));
  }
  table.Print(out);
}

}  // namespace pelo::cli
