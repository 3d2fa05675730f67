// Performance Management Chart: CTL, ATL, TSB and ramp rate from daily load (analytics.md §4).
#pragma once

#include <vector>

#include "pelo/analytics/days.h"

namespace pelo::analytics {

enum class PmcVariant {
  kGoldenCheetah,  // normative: gain 1 - e^{-1/days} (GC PMCData::calculateMetrics)
  kTrainingPeaks,  // gain 1/days
};

struct PmcOptions {
  int ctl_days = 42;
  int atl_days = 7;
  int ramp_days = 7;
  PmcVariant variant = PmcVariant::kGoldenCheetah;
};

struct PmcDay {
  DayNumber day = 0;
  double load = 0;
  double ctl = 0;
  double atl = 0;
  double tsb = 0;   // CTL - ATL of the day before: form going into the day
  double ramp = 0;  // CTL_d - CTL_{d-7}, CTL before the first day = 0
};

// The PMC over consecutive days starting at `first_day`, one load per day (rest days 0);
// CTL = ATL = 0 the day before `first_day` (TV-16, TV-16b).
std::vector<PmcDay> ComputePmc(const std::vector<double>& daily_load, DayNumber first_day = 0,
                               const PmcOptions& options = {});

// One ride's load on its date; several on a date are summed.
struct DatedLoad {
  DayNumber day = 0;
  double load = 0;
};

// Daily loads over [first_day, last_day]: rides outside the range are ignored, days without a
// ride are 0.
std::vector<double> DailyLoads(const std::vector<DatedLoad>& loads, DayNumber first_day,
                               DayNumber last_day);

// The PMC over [first_day, last_day] from ride loads (rest days 0).
std::vector<PmcDay> ComputePmc(const std::vector<DatedLoad>& loads, DayNumber first_day,
                               DayNumber last_day, const PmcOptions& options = {});

}  // namespace pelo::analytics
