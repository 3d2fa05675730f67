// What `pelo stats fitness`, `stats ftp` and `stats zones` compute from the ride history:
// the daily PMC (analytics.md §4), the FTP history with today's eFTP42 (§3), and time in zones
// per week or month (§2.10, §2.11).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "pelo/analytics/ftp.h"
#include "pelo/analytics/pmc.h"
#include "pelo/insights/ride_history.h"

namespace pelo::insights {

struct FitnessOptions {
  analytics::DayNumber today = 0;             // the last day when `until` is unset: form today
  std::optional<analytics::DayNumber> since;  // first day shown (the PMC starts at the 1st ride)
  std::optional<analytics::DayNumber> until;  // last day computed and shown
  analytics::PmcVariant variant = analytics::PmcVariant::kGoldenCheetah;
};

// Daily CTL/ATL/TSB/ramp from the first ride's day to `until` (else the later of the last ride
// and `today`), rest days included, restricted to [since, until]. Empty without rides.
std::vector<analytics::PmcDay> FitnessSeries(const RideHistory& history,
                                             const FitnessOptions& options);

// "fresh", "neutral", ... for a TSB value (TrainingPeaks' usual bands).
std::string FormWord(double tsb);

struct FtpSummary {
  std::vector<analytics::FtpChange> changes;  // oldest first (analytics::BuildFtpHistory)
  // The FTP Peloton uses now: the newest set or tested value.
  std::optional<analytics::FtpChange> current;
  // The first set or tested value, for "up N W since".
  std::optional<analytics::FtpChange> first;
  std::optional<analytics::Eftp> eftp_today;  // §3.3 on `today`
  // Theil–Sen slope of the weekly eFTP42 over the last `trend_weeks` weeks (§5.6), W/week;
  // nullopt with fewer than 4 weekly values.
  std::optional<double> eftp_trend_w_per_week;
  int trend_weeks = 0;
};

inline constexpr int kFtpTrendWeeks = 12;

FtpSummary BuildFtpSummary(const RideHistory& history, analytics::DayNumber today);

// The title of the ride that set a change ("" if not in the history).
std::string RideTitle(const RideHistory& history, const std::string& workout_id);

enum class ZonePeriod { kWeek, kMonth };

struct ZoneTotals {
  analytics::DayNumber start = 0;  // the Monday, or the 1st of the month
  int workouts = 0;
  double hours = 0;
  double tss = 0;
  std::array<double, 7> power_zone_s{};  // §2.10, workouts with an FTP
  std::array<double, 5> hr_zone_s{};     // §2.11, workouts with heart rate
};

// Every week (or month) from the first workout's to the last one's, empty ones included; every
// discipline counts (HR zones and hours), power zones come from rides with an FTP.
std::vector<ZoneTotals> ZonesByPeriod(const std::vector<model::RideMetricsListing>& rows,
                                      ZonePeriod period);

}  // namespace pelo::insights
