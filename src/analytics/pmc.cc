// CTL / ATL / TSB / ramp rate (analytics.md §4, Appendix A `pmc`).
#include "pelo/analytics/pmc.h"

#include <cmath>

namespace pelo::analytics {
namespace {

double Gain(int days, PmcVariant variant) {
  return variant == PmcVariant::kTrainingPeaks ? 1.0 / days : 1.0 - std::exp(-1.0 / days);
}

}  // namespace

std::vector<PmcDay> ComputePmc(const std::vector<double>& daily_load, DayNumber first_day,
                               const PmcOptions& options) {
  const double lc = Gain(options.ctl_days, options.variant);
  const double la = Gain(options.atl_days, options.variant);
  std::vector<PmcDay> out;
  out.reserve(daily_load.size());
  double ctl = 0, atl = 0;
  for (size_t i = 0; i < daily_load.size(); ++i) {
    PmcDay d;
    d.day = first_day + static_cast<DayNumber>(i);
    d.load = daily_load[i];
    d.tsb = ctl - atl;  // yesterday's values: GC shows SB the next day
    ctl += (d.load - ctl) * lc;
    atl += (d.load - atl) * la;
    d.ctl = ctl;
    d.atl = atl;
    const auto back = static_cast<size_t>(options.ramp_days);
    d.ramp = ctl - (i >= back ? out[i - back].ctl : 0.0);
    out.push_back(d);
  }
  return out;
}

std::vector<double> DailyLoads(const std::vector<DatedLoad>& loads, DayNumber first_day,
                               DayNumber last_day) {
  if (last_day < first_day) return {};
  std::vector<double> out(static_cast<size_t>(last_day - first_day + 1), 0.0);
  for (const auto& l : loads) {
    if (l.day >= first_day && l.day <= last_day)
      out[static_cast<size_t>(l.day - first_day)] += l.load;
  }
  return out;
}

std::vector<PmcDay> ComputePmc(const std::vector<DatedLoad>& loads, DayNumber first_day,
                               DayNumber last_day, const PmcOptions& options) {
  return ComputePmc(DailyLoads(loads, first_day, last_day), first_day, options);
}

}  // namespace pelo::analytics
