// Rendering `pelo stats rides`: one row per workout's stored metrics, as CSV or a table (its
// JSON is app::RideStatsJson); and one ride's metrics as fields, for `pelo stats ride`.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pelo/model/ride_metrics_row.h"
#include "render.h"

namespace pelo::cli {

// RFC 4180 CSV with a header row of app::RideStatsColumns(); an empty cell is NA.
void WriteRideStatsCsv(const std::vector<model::RideMetricsListing>& rows, std::ostream& out);

// An aligned table of the main columns (date, discipline, title, ftp, min, avg W, NP, IF, TSS,
// avg HR, EF, TRIMP); --csv and --json have every column.
void PrintRideStatsTable(const std::vector<model::RideMetricsListing>& rows, std::ostream& out);

// One ride's metrics as "header  value" fields (`pelo stats ride`): the table's, with its
// headers and decimals, but the FTP and the minutes, then kJ, VI and the best 20 minutes; an
// unknown value is left out.
Fields RideStatsFields(const model::RideMetricsListing& ride);

}  // namespace pelo::cli
