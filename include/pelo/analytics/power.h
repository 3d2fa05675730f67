// Power analytics used so far (analytics.md §1.2, §2.4); the full set comes with the analytics
// issue. Pure functions over 1 Hz series.
#pragma once

#include <optional>
#include <vector>

namespace pelo::analytics {

// Zero-order hold: each every_n sample stands for `n` seconds (analytics.md §1.2).
std::vector<double> ExpandEveryN(const std::vector<double>& values, int n);

// Best mean over `seconds` consecutive 1 Hz samples (MMP, §2.4); nullopt if the series is
// shorter than `seconds` or `seconds` < 1.
std::optional<double> MeanMaximalPower(const std::vector<double>& power_1hz, int seconds);

// A stored output series (one value per sample, nullopt = missing) as 1 Hz power: missing
// samples count as 0 W (§1.4) and every_n samples are held for n seconds.
std::vector<double> ToPower1Hz(const std::vector<std::optional<double>>& series, int every_n);

}  // namespace pelo::analytics
