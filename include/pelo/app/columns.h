// The columns of the results that are tables, in order: the CSV header and the JSON keys are
// the same names, so both encodings (and a report's table) read them from here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pelo/analytics/weekly_features.h"
#include "pelo/insights/fitness.h"

namespace pelo::app {

// week|month, workouts, hours, tss, pz1_s..pz7_s, hrz1_s..hrz5_s.
std::vector<std::string> ZoneColumns(insights::ZonePeriod period);

// week, the §5.2 features of WeeklyFeatureCatalogue(), has_benchmark, eftp42, ftp_test, cp42,
// w_prime42, ef_median.
std::vector<std::string> WeeklyFeatureColumns();

// A week's values for WeeklyFeatureColumns() after "week" (has_benchmark as 1 or 0).
std::vector<std::optional<double>> WeeklyFeatureValues(const analytics::WeekFeatures& week);

}  // namespace pelo::app
