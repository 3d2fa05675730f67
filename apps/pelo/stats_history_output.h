// Rendering `pelo stats fitness`, `stats ftp` and `stats zones`: a table for people, --csv and
// --json (every value) for programs.
#pragma once

#include <ostream>
#include <vector>

#include "pelo/insights/fitness.h"

namespace pelo::cli {

enum class StatsFormat { kTable, kCsv, kJson };

// Daily CTL/ATL/TSB/ramp. The table starts with today's form and shows the days given.
void PrintFitness(const std::vector<analytics::PmcDay>& days, StatsFormat format, bool pretty,
                  std::ostream& out);

void PrintFtpReport(const insights::FtpSummary& ftp, const insights::RideHistory& history,
                    StatsFormat format, bool pretty, std::ostream& out);

void PrintZones(const std::vector<insights::ZoneTotals>& periods, insights::ZonePeriod period,
                StatsFormat format, bool pretty, std::ostream& out);

}  // namespace pelo::cli
