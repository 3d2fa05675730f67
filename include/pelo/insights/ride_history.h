// The stored per-ride metrics as the across-ride analytics take them (analytics.md §3-§5). One
// conversion, so `pelo stats fitness|ftp|zones|drivers` and the demo's headline agree on what a
// ride is, which day it belongs to and which FTP it had.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/analytics/days.h"
#include "pelo/analytics/ftp.h"
#include "pelo/analytics/pmc.h"
#include "pelo/analytics/ride_day.h"
#include "pelo/analytics/weekly_features.h"
#include "pelo/model/ride_metrics_row.h"

namespace pelo::insights {

// The Peloton class type a title names ("30 min Power Zone Endurance Ride" -> "Power Zone"):
// FTP Test, Power Zone, HIIT, Tabata, Intervals, Climb, Endurance, Low Impact, Recovery, Warm Up,
// Cool Down, Scenic; "Other" for theme and music rides.
std::string ClassTypeOf(std::string_view title);

// One cycling workout of the history, in both forms the analytics take.
struct HistoryRide {
  std::string workout_id;
  std::string title;
  int64_t start_time = 0;  // epoch s
  analytics::RideSummary summary;
  analytics::FtpRideRecord ftp;
};

// The cycling workouts (discipline "cycling", or any workout that had an FTP) with a start time
// and a duration, oldest first; other disciplines are left out (§4: no power TSS).
struct RideHistory {
  std::vector<HistoryRide> rides;

  std::vector<analytics::RideSummary> Summaries() const;
  std::vector<analytics::FtpRideRecord> FtpRecords() const;
  std::vector<analytics::DatedLoad> Loads() const;  // TSS per ride; rides without TSS count 0
};

// Builds the history from `RideMetricsRows()` (any order). `curves` (optional, any order) adds
// each ride's stored MMP points in (120, 1200] s for the CP fits (§3.4); without them a ride
// has the 7 stored MMP durations only.
RideHistory BuildRideHistory(const std::vector<model::RideMetricsListing>& rows,
                             const std::vector<model::RideCurveListing>& curves = {});

// The efficiency factor of a steady aerobic ride (§2.12: >= 20 min, VI <= 1.05, IF <= 0.80, HR
// on >= 90 % of samples), else nullopt: EF of other rides is not comparable across rides.
std::optional<double> SteadyEfficiencyFactor(const model::RideMetricsRow& m);

}  // namespace pelo::insights
