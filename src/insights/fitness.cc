#include "pelo/insights/fitness.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "pelo/analytics/stats.h"
#include "pelo/analytics/weekly_features.h"

namespace pelo::insights {
namespace {

using analytics::DayNumber;
using analytics::FtpChangeKind;

DayNumber MonthStart(DayNumber day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  const std::chrono::year_month_day first{ymd.year(), ymd.month(), std::chrono::day{1}};
  return std::chrono::sys_days{first}.time_since_epoch().count();
}

DayNumber NextPeriod(DayNumber start, ZonePeriod period) {
  if (period == ZonePeriod::kWeek) return start + 7;
  return MonthStart(start + 31);
}

DayNumber PeriodStart(DayNumber day, ZonePeriod period) {
  return period == ZonePeriod::kWeek ? analytics::IsoWeekStart(day) : MonthStart(day);
}

}  // namespace

std::vector<analytics::PmcDay> FitnessSeries(const RideHistory& history,
                                             const FitnessOptions& options) {
  if (history.rides.empty()) return {};
  const DayNumber first = history.rides.front().summary.day;
  const DayNumber last =
      options.until.value_or(std::max(history.rides.back().summary.day, options.today));
  if (last < first) return {};
  analytics::PmcOptions pmc;
  pmc.variant = options.variant;
  std::vector<analytics::PmcDay> days = analytics::ComputePmc(history.Loads(), first, last, pmc);
  if (options.since) {
    std::erase_if(days, [&](const analytics::PmcDay& d) { return d.day < *options.since; });
  }
  return days;
}

std::string FormWord(double tsb) {
  if (tsb > 25) return "very fresh (losing fitness)";
  if (tsb > 5) return "fresh";
  if (tsb >= -10) return "neutral";
  if (tsb >= -30) return "training hard (productive fatigue)";
  return "very fatigued";
}

FtpSummary BuildFtpSummary(const RideHistory& history, DayNumber today) {
  FtpSummary report;
  report.changes = analytics::BuildFtpHistory(history.FtpRecords());
  for (const analytics::FtpChange& c : report.changes) {
    if (c.kind == FtpChangeKind::kEstimated) continue;
    if (!report.first) report.first = c;
    report.current = c;
  }
  std::vector<analytics::DatedMmp20> mmp20s;
  for (const HistoryRide& r : history.rides) {
    if (r.ftp.mmp20_watts) mmp20s.push_back({r.summary.day, *r.ftp.mmp20_watts});
  }
  report.eftp_today = analytics::Eftp42(mmp20s, today);

  analytics::WeeklyOptions weekly;
  weekly.last_day =
      std::max(today, history.rides.empty() ? today : history.rides.back().summary.day);
  const auto weeks = analytics::BuildWeeklyFeatures(history.Summaries(), weekly);
  std::vector<double> x, y;
  const size_t from = weeks.size() > kFtpTrendWeeks ? weeks.size() - kFtpTrendWeeks : 0;
  for (size_t i = from; i < weeks.size(); ++i) {
    if (!weeks[i].eftp42) continue;
    x.push_back(static_cast<double>(i));
    y.push_back(*weeks[i].eftp42);
  }
  report.trend_weeks = static_cast<int>(weeks.size() - from);
  constexpr size_t kMinTrendPoints = 4;
  if (x.size() >= kMinTrendPoints) report.eftp_trend_w_per_week = analytics::TheilSenSlope(x, y);
  return report;
}

std::string RideTitle(const RideHistory& history, const std::string& workout_id) {
  for (const HistoryRide& r : history.rides) {
    if (r.workout_id == workout_id) return r.title;
  }
  return "";
}

std::vector<ZoneTotals> ZonesByPeriod(const std::vector<model::RideMetricsListing>& rows,
                                      ZonePeriod period) {
  using Row = model::RideMetricsRow;
  static constexpr std::optional<double> Row::*kPower[] = {
      &Row::pz1_s, &Row::pz2_s, &Row::pz3_s, &Row::pz4_s, &Row::pz5_s, &Row::pz6_s, &Row::pz7_s};
  static constexpr std::optional<double> Row::*kHr[] = {&Row::hrz1_s, &Row::hrz2_s, &Row::hrz3_s,
                                                        &Row::hrz4_s, &Row::hrz5_s};
  std::map<DayNumber, ZoneTotals> by_start;
  for (const model::RideMetricsListing& r : rows) {
    if (!r.start_time) continue;
    const DayNumber start = PeriodStart(analytics::RideDay(*r.start_time, r.timezone), period);
    ZoneTotals& t = by_start[start];
    t.start = start;
    ++t.workouts;
    t.hours += r.metrics.duration_s.value_or(0) / 3600.0;
    t.tss += r.metrics.tss.value_or(0);
    for (size_t z = 0; z < t.power_zone_s.size(); ++z)
      t.power_zone_s[z] += (r.metrics.*kPower[z]).value_or(0);
    for (size_t z = 0; z < t.hr_zone_s.size(); ++z)
      t.hr_zone_s[z] += (r.metrics.*kHr[z]).value_or(0);
  }
  std::vector<ZoneTotals> out;
  if (by_start.empty()) return out;
  for (DayNumber s = by_start.begin()->first; s <= by_start.rbegin()->first;
       s = NextPeriod(s, period)) {
    auto it = by_start.find(s);
    if (it != by_start.end()) {
      out.push_back(it->second);
    } else {
      ZoneTotals empty;
      empty.start = s;
      out.push_back(empty);
    }
  }
  return out;
}

}  // namespace pelo::insights
