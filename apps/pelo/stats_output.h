// Rendering `pelo stats rides`: one row per workout's stored metrics, as CSV, JSON or a table.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pelo/model/ride_metrics_row.h"

namespace pelo::cli {

// The CSV header and JSON keys, in order: workout_id, date, discipline, title, the key of every
// metric of model::kRideMetricFields, then distance_km, pace_min_per_km and split_s_per_500m.
const std::vector<std::string>& RideStatsColumns();

// RFC 4180 CSV with a header row; an empty cell is NA.
void WriteRideStatsCsv(const std::vector<model::RideMetricsListing>& rows, std::ostream& out);

// One JSON array of objects keyed by RideStatsColumns (null is NA); pretty when `pretty`.
std::string RideStatsJson(const std::vector<model::RideMetricsListing>& rows, bool pretty);

// An aligned table of the main columns (date, discipline, title, ftp, min, avg W, NP, IF, TSS,
// avg HR, EF, TRIMP); --csv and --json have every column.
void PrintRideStatsTable(const std::vector<model::RideMetricsListing>& rows, std::ostream& out);

}  // namespace pelo::cli
