// Rendering `pelo stats rides`: one row per workout's stored metrics, as CSV or a table (its
// JSON is app::RideStatsJson).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pelo/model/ride_metrics_row.h"

namespace pelo::cli {

// RFC 4180 CSV with a header row of app::RideStatsColumns(); an empty cell is NA.
void WriteRideStatsCsv(const std::vector<model::RideMetricsListing>& rows, std::ostream& out);

// An aligned table of the main columns (date, discipline, title, ftp, min, avg W, NP, IF, TSS,
// avg HR, EF, TRIMP); --csv and --json have every column.
void PrintRideStatsTable(const std::vector<model::RideMetricsListing>& rows, std::ostream& out);

}  // namespace pelo::cli
