// Rendering `pelo stats drivers`: what went with later gains, in words first and numbers after
// (table), every number (--json), the ranked factors (--csv), or the weekly feature table of
// analytics.md §5.2 (--weeks).
#pragma once

#include <ostream>
#include <vector>

#include "pelo/insights/drivers.h"
#include "stats_history_output.h"

namespace pelo::cli {

void PrintDrivers(const insights::DriversAnalysis& analysis,
                  const analytics::DriversOptions& options, StatsFormat format, bool pretty,
                  std::ostream& out);

// The weekly feature table (one row per ISO week, §5.2 names).
void PrintWeeklyFeatures(const std::vector<analytics::WeekFeatures>& weeks, StatsFormat format,
                         bool pretty, std::ostream& out);

}  // namespace pelo::cli
