// The columns of the results that are tables, in order: the CSV header and the JSON keys are
// the same names, so both encodings (and a report's table) read them from here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pelo/analytics/weekly_features.h"
#include "pelo/insights/fitness.h"
#include "pelo/model/ride_metrics_row.h"

namespace pelo::app {

// `stats rides`: workout_id, date, day, discipline, title, the key of every metric of
// model::kRideMetricFields, then distance_km, pace_min_per_km and split_s_per_500m.
const std::vector<std::string>& RideStatsColumns();

// A ride's start, UTC "YYYY-MM-DD HH:MM:SS" (the workouts CSV's date format); "" if unknown.
std::string RideStatsDate(const model::RideMetricsListing& ride);

// A ride's local day, "YYYY-MM-DD" in its own time zone (day_range.h: the day --since and
// --until select on, and the day of every per-day view); "" if unknown.
std::string RideStatsDay(const model::RideMetricsListing& ride);

// A ride's values for RideStatsColumns() after the five text columns: the metrics, then the
// distance, the pace of runs and walks (min/km) and the split of rows (s/500 m).
std::vector<std::optional<double>> RideStatsValues(const model::RideMetricsListing& ride);

// week|month, workouts, hours, tss, pz1_s..pz7_s, hrz1_s..hrz5_s.
std::vector<std::string> ZoneColumns(insights::ZonePeriod period);

// week, the §5.2 features of WeeklyFeatureCatalogue(), has_benchmark, eftp42, ftp_test, cp42,
// w_prime42, ef_median.
std::vector<std::string> WeeklyFeatureColumns();

// A week's values for WeeklyFeatureColumns() after "week" (has_benchmark as 1 or 0).
std::vector<std::optional<double>> WeeklyFeatureValues(const analytics::WeekFeatures& week);

}  // namespace pelo::app
