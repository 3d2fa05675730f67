// Heart-rate metrics of analytics.md §2.12-2.14: average HR, aerobic decoupling and TRIMP.
// HR <= 0 means "sensor missing" and is left out everywhere (§1.4).
#pragma once

#include <optional>
#include <vector>

#include "pelo/analytics/ride_input.h"

namespace pelo::analytics {

// §2.12 mean of the samples > 0; nullopt when there are none.
std::optional<double> AverageHeartRate(const std::vector<double>& hr);

// §2.13 Pw:Hr decoupling in %: halves [0, N/2) and [N/2, N) by index (GC quirk: (N-1)/2),
// R = mean(P)/mean(H) over the samples with H > 0, Dec = 100·(R1 - R2)/R1. `power` and `hr` are
// the same length. nullopt if N < 1200 (§1.5), a half has no HR, or R1 is 0.
std::optional<double> AerobicDecoupling(const std::vector<double>& power,
                                        const std::vector<double>& hr, bool gc_quirk = false);

// §2.14 Banister TRIMP (GC form): minutes · x · 0.64 · e^{k·x}, x = (avg - rest)/(max - rest),
// k = 1.92 (male) or 1.67 (female); 0 if avg < rest. nullopt unless max > rest.
std::optional<double> Trimp(double minutes, double avg_hr, double resting_hr, double max_hr,
                            Sex sex);

// §2.14 TRIMP100 = 100 · trimp / TRIMP(60 min at LTHR); nullopt if that reference is not > 0.
std::optional<double> Trimp100(double trimp, double lthr, double resting_hr, double max_hr,
                               Sex sex);

}  // namespace pelo::analytics
