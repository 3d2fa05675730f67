// Power series basics used by every power metric (analytics.md §1.2, §2.4): the every_n hold
// expansion and the mean-maximal power (MMP). Pure functions over 1 Hz series.
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

// Prefix sums of a 1 Hz series: C[0] = 0, C[i+1] = C[i] + p[i] (N + 1 values). Computed once,
// it serves any number of MMP durations.
std::vector<double> PrefixSums(const std::vector<double>& power_1hz);

// MMP(seconds) = max_s (C[s+d] - C[s]) / d over prefix sums `prefix` (§2.4): one O(N) pass,
// no allocation. nullopt if `seconds` < 1 or longer than the series.
std::optional<double> MeanMaximalPowerFromPrefix(const std::vector<double>& prefix, int seconds);

}  // namespace pelo::analytics
