#include "stats_output.h"

#include <optional>

#include "pelo/app/columns.h"
#include "pelo/export/csv.h"
#include "pelo/model/ride_metric_fields.h"
#include "render.h"

namespace pelo::cli {
namespace {

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

// `stats ride`'s metrics after the table's (its headline has the FTP and the duration).
const TableMetric kRideOnlyMetrics[] = {
    {{"kJ", 5, true}, model::RideMetric("kj")},
    {{"VI", 4, true}, model::RideMetric("vi"), 2},
    {{"best 20 min W", 5, true}, model::RideMetric("mmp_1200s")},
};

std::string MetricCell(const TableMetric& metric, const model::RideMetricsRow& row) {
  std::optional<double> value = model::RideMetricValue(metric.field, row);
  if (value) *value /= metric.per;
  return NumberCell(value, metric.decimals);
}

}  // namespace

void WriteRideStatsCsv(const std::vector<model::RideMetricsListing>& rows, std::ostream& out) {
  exporter::WriteCsvRecord(app::RideStatsColumns(), out);
  for (const model::RideMetricsListing& r : rows) {
    std::vector<std::string> cells = {r.metrics.workout_id, app::RideStatsDate(r),
                                      app::RideStatsDay(r), r.discipline, r.title};
    for (const std::optional<double>& value : app::RideStatsValues(r)) {
      cells.push_back(exporter::FormatNumber(value));
    }
    exporter::WriteCsvRecord(cells, out);
  }
}

void PrintRideStatsTable(const std::vector<model::RideMetricsListing>& rows, std::ostream& out) {
  std::vector<Column> columns = {{"date (UTC)", 16}, {"discipline", 10}, {"title", 32}};
  for (const TableMetric& metric : kTableMetrics) columns.push_back(metric.column);
  Table table(std::move(columns));
  for (const model::RideMetricsListing& r : rows) {
    std::vector<std::string> cells = {app::RideStatsDate(r).substr(0, 16), r.discipline, r.title};
    for (const TableMetric& metric : kTableMetrics) cells.push_back(MetricCell(metric, r.metrics));
    table.Add(std::move(cells));
  }
  table.Print(out);
}

Fields RideStatsFields(const model::RideMetricsListing& ride) {
  Fields fields;
  for (const TableMetric& metric : kTableMetrics) {
    const std::string_view name = metric.field.name;
    if (name == "ftp" || name == "duration_s") continue;
    fields.emplace_back(metric.column.header, MetricCell(metric, ride.metrics));
  }
  for (const TableMetric& metric : kRideOnlyMetrics) {
    fields.emplace_back(metric.column.header, MetricCell(metric, ride.metrics));
  }
  return fields;
}

}  // namespace pelo::cli
