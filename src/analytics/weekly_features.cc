// Weekly feature table and outcomes (analytics.md §5.1, §5.2).
#include "pelo/analytics/weekly_features.h"

#include <algorithm>

#include "pelo/analytics/ftp.h"
#include "pelo/analytics/pmc.h"
#include "pelo/analytics/stats.h"

namespace pelo::analytics {
namespace {

constexpr double kHardIf = 0.85;
constexpr double kBenchmarkIf = 0.90;
constexpr double kBenchmarkSeconds = 1200;

std::optional<double> MmpAt(const RideSummary& r, int seconds) {
  std::optional<double> best;
  for (const auto& p : r.mmp) {
    if (p.seconds == seconds) best = std::max(best.value_or(p.watts), p.watts);
  }
  return best;
}

void KeepMax(std::optional<double>& slot, std::optional<double> v) {
  if (v && (!slot || *v > *slot)) slot = v;
}

// Adds one ride's volume, load, distribution, intervals and peaks to its week.
void AddRide(const RideSummary& r, WeekFeatures& w, std::array<double, 7>& tiz) {
  w.hours += r.duration_s / 3600;
  w.rides += 1;
  w.kj += r.kj;
  w.tss += r.tss.value_or(0);
  w.n_hi += r.n_hi;
  w.n_thr += r.n_thr;
  w.n_sprint += r.n_sprint;
  w.t_hi_s += r.t_hi_s;
  if (r.ftp && *r.ftp > 0) {
    for (size_t z = 0; z < tiz.size(); ++z) tiz[z] += r.time_in_zone_s[z];
    for (auto [d, slot] : {std::pair{5, &w.mmp5_rel}, {60, &w.mmp60_rel}, {300, &w.mmp300_rel}}) {
      if (auto p = MmpAt(r, d)) KeepMax(*slot, *p / *r.ftp);
    }
  }
  KeepMax(w.if_max, r.intensity_factor);
  if (r.intensity_factor && *r.intensity_factor >= kHardIf) w.n_hard += 1;
  if (!r.class_type.empty()) ++w.class_types[r.class_type];
  if (!r.device.empty() &&
      std::find(w.devices.begin(), w.devices.end(), r.device) == w.devices.end()) {
    w.devices.push_back(r.device);
  }
  const bool hard_20 = r.duration_s >= kBenchmarkSeconds && r.intensity_factor &&
                       *r.intensity_factor >= kBenchmarkIf;
  w.has_benchmark = w.has_benchmark || r.is_ftp_test || hard_20;
  w.resolution_limited = w.resolution_limited || r.every_n > 5;
  KeepMax(w.ftp_test, r.ftp_test_result);
}

void SetDistribution(const std::array<double, 7>& tiz, WeekFeatures& w) {
  const double low = tiz[0] + tiz[1], mid = tiz[2] + tiz[3], high = tiz[4] + tiz[5] + tiz[6];
  const double total = low + mid + high;
  if (total <= 0) return;
  w.f_low = low / total;
  w.f_mid = mid / total;
  w.f_high = high / total;
  w.polarization_index = PolarizationIndex(*w.f_low, *w.f_mid, *w.f_high);
}

// eFTP42, CP42/W'42 and 42-day peaks at `sunday` from the rides before it.
void SetOutcomes(const std::vector<RideSummary>& rides, DayNumber sunday, WeekFeatures& w) {
  std::vector<DatedMmp20> mmp20s;
  std::vector<std::vector<MmpPoint>> curves;
  std::vector<double> efs;
  for (const auto& r : rides) {
    if (r.day > sunday || r.day <= sunday - kEftpWindowDays) continue;
    if (auto p = MmpAt(r, 1200)) mmp20s.push_back({r.day, *p});
    curves.push_back(r.mmp);
    KeepMax(w.mmp5_42, MmpAt(r, 5));
    KeepMax(w.mmp60_42, MmpAt(r, 60));
    if (r.efficiency_factor && r.day > sunday - 7) efs.push_back(*r.efficiency_factor);
  }
  if (auto e = Eftp42(mmp20s, sunday)) w.eftp42 = e->watts;
  if (auto cp = FitCriticalPower(AggregateMmp(curves)); cp && (cp->plausible || cp->beginner)) {
    w.cp42 = cp->cp_w;
    w.w_prime42 = cp->w_prime_j;
  }
  w.ef_median = Median(efs);
}

}  // namespace

std::vector<WeekFeatures> BuildWeeklyFeatures(const std::vector<RideSummary>& rides,
                                              const WeeklyOptions& options) {
  if (rides.empty()) return {};
  DayNumber first = rides[0].day, last = rides[0].day;
  std::vector<DatedLoad> loads;
  for (const auto& r : rides) {
    first = std::min(first, r.day);
    last = std::max(last, r.day);
    loads.push_back({r.day, r.tss.value_or(0)});
  }
  last = std::max(last, options.last_day.value_or(last));
  const DayNumber monday0 = IsoWeekStart(first);
  const DayNumber sunday_n = IsoWeekStart(last) + 6;
  const auto pmc = ComputePmc(loads, first, sunday_n);
  auto ctl_on = [&](DayNumber d) {
    return d < first ? 0.0 : pmc[static_cast<size_t>(d - first)].ctl;
  };
  std::vector<WeekFeatures> weeks;
  for (DayNumber monday = monday0; monday <= sunday_n; monday += 7) {
    WeekFeatures w;
    w.week_start = monday;
    std::array<double, 7> tiz{};
    for (const auto& r : rides) {
      if (r.day >= monday && r.day < monday + 7) AddRide(r, w, tiz);
    }
    SetDistribution(tiz, w);
    w.ctl_start = ctl_on(monday - 1);
    w.ctl_end = ctl_on(monday + 6);
    w.ramp = pmc[static_cast<size_t>(monday + 6 - first)].ramp;
    SetOutcomes(rides, monday + 6, w);
    weeks.push_back(std::move(w));
  }
  return weeks;
}

const std::vector<FeatureDef>& WeeklyFeatureCatalogue() {
  using W = const WeekFeatures&;
  using G = FeatureGroup;
  constexpr auto kMean = BlockAggregate::kMean;
  static const std::vector<FeatureDef> catalogue = {
      {"hours", "time on the bike", G::kVolume, kMean, [](W w) { return std::optional(w.hours); }},
      {"rides", "rides", G::kVolume, kMean, [](W w) { return std::optional(w.rides); }},
      {"kJ", "work (kJ)", G::kVolume, kMean, [](W w) { return std::optional(w.kj); }},
      {"TSS", "training load (TSS)", G::kLoad, kMean, [](W w) { return std::optional(w.tss); }},
      {"CTL_start", "fitness (CTL) at their start", G::kLoad, BlockAggregate::kFirst,
       [](W w) { return std::optional(w.ctl_start); }},
      {"ramp", "CTL ramp", G::kLoad, kMean, [](W w) { return std::optional(w.ramp); }},
      {"f_low", "of their time in Z1-Z2", G::kIntensity, kMean, [](W w) { return w.f_low; }},
      {"f_mid", "of their time in Z3-Z4", G::kIntensity, kMean, [](W w) { return w.f_mid; }},
      {"f_high", "of their time in Z5-Z7", G::kIntensity, kMean, [](W w) { return w.f_high; }},
      {"PI", "polarization (PI)", G::kIntensity, kMean, [](W w) { return w.polarization_index; }},
      {"n_hi", "VO2max/anaerobic intervals", G::kIntervals, kMean,
       [](W w) { return std::optional(w.n_hi); }},
      {"n_thr", "threshold intervals", G::kIntervals, kMean,
       [](W w) { return std::optional(w.n_thr); }},
      {"n_sprint", "sprints", G::kIntervals, kMean, [](W w) { return std::optional(w.n_sprint); }},
      {"t_hi", "time above 105 % FTP", G::kIntervals, kMean,
       [](W w) { return std::optional(w.t_hi_s); }},
      {"mmp5_rel", "5 s peak power (relative to FTP)", G::kPeak, kMean,
       [](W w) { return w.mmp5_rel; }},
      {"mmp60_rel", "1 min peak power (relative to FTP)", G::kPeak, kMean,
       [](W w) { return w.mmp60_rel; }},
      {"mmp300_rel", "5 min peak power (relative to FTP)", G::kPeak, kMean,
       [](W w) { return w.mmp300_rel; }},
      {"IF_max", "intensity in their hardest ride (IF)", G::kPeak, kMean,
       [](W w) { return w.if_max; }},
      {"n_hard", "hard rides (IF >= 0.85)", G::kPeak, kMean,
       [](W w) { return std::optional(w.n_hard); }},
  };
  return catalogue;
}

const FeatureDef* FindFeature(std::string_view name) {
  for (const auto& f : WeeklyFeatureCatalogue()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::optional<double> OutcomeValue(const WeekFeatures& week, OutcomeKind kind) {
  switch (kind) {
    case OutcomeKind::kEftp42:
      return week.eftp42;
    case OutcomeKind::kCp42:
      return week.cp42;
    case OutcomeKind::kWPrime42:
      return week.w_prime42;
    case OutcomeKind::kMmp5:
      return week.mmp5_42;
    case OutcomeKind::kMmp60:
      return week.mmp60_42;
    case OutcomeKind::kEfMedian:
      return week.ef_median;
  }
  return std::nullopt;
}

std::string_view FeatureGroupName(FeatureGroup group) {
  switch (group) {
    case FeatureGroup::kVolume:
      return "volume";
    case FeatureGroup::kLoad:
      return "load";
    case FeatureGroup::kIntensity:
      return "intensity";
    case FeatureGroup::kIntervals:
      return "intervals";
    case FeatureGroup::kPeak:
      return "peak";
  }
  return "";
}

std::string_view OutcomeName(OutcomeKind kind) {
  switch (kind) {
    case OutcomeKind::kEftp42:
      return "eFTP42";
    case OutcomeKind::kCp42:
      return "CP42";
    case OutcomeKind::kWPrime42:
      return "W'42";
    case OutcomeKind::kMmp5:
      return "best 5 s power";
    case OutcomeKind::kMmp60:
      return "best 1 min power";
    case OutcomeKind::kEfMedian:
      return "efficiency factor";
  }
  return "outcome";
}

}  // namespace pelo::analytics
