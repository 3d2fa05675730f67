// Per-ride power metrics of analytics.md §2.2-2.9 over a repaired 1 Hz power series (§1):
// averages, work, Normalized Power and its GC variant, xPower, and the stress scores.
#pragma once

#include <optional>
#include <vector>

namespace pelo::analytics {

// §2.2 avgP = Σ P_i / N, zeros included; nullopt for an empty series.
std::optional<double> AveragePower(const std::vector<double>& power);

// §2.2 nzP = mean of the samples > 0; 0 when there are none (GC, Appendix A); nullopt if empty.
std::optional<double> NonZeroAveragePower(const std::vector<double>& power);

// §2.3 work in kJ: Σ max(P_i, 0) · dt / 1000.
double WorkKj(const std::vector<double>& power, double dt = 1.0);

// §2.5 Normalized Power (Allen & Coggan, normative): fourth-power mean of the 30 s rolling means
// over full windows only; nullopt if fewer than 30 samples (§1.5).
std::optional<double> NormalizedPower(const std::vector<double>& power_1hz);

// §2.5 GC variant (Coggan.cpp IsoPower; Appendix A `np_gc`): zero-initialised ring buffer of
// 30/dt samples, every sample counted. For parity checks only; nullopt if the series is empty or
// the window is not longer than one sample.
std::optional<double> NormalizedPowerGc(const std::vector<double>& power, int dt = 1);

// §2.9 xPower (Skiba; GC BikeScore.cpp; Appendix A `xpower_gc`): EWMA with 25 s time constant,
// then the fourth-power mean. dt = 1 is the spec's definition (§1.2(4)); dt > 1 reproduces GC's
// native-rate attenuation for parity checks only. nullopt for an empty series.
std::optional<double> XPower(const std::vector<double>& power, int dt = 1);

// §2.8 TSS = seconds/3600 · (normalized / threshold)² · 100; also BikeScore (§2.9) with xPower
// and CP. nullopt unless threshold > 0.
std::optional<double> StressScore(double normalized_w, double threshold_w, double seconds);

}  // namespace pelo::analytics
