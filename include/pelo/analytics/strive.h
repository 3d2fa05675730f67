// Strive Score reconstruction (analytics.md §2.15, optional): Peloton's effort points are the
// source of truth; this only weights HR-zone minutes and calibrates a per-user scale.
#pragma once

#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace pelo::analytics {

// Strive zone multipliers for HR Z1..Z5 (CTW).
inline constexpr std::array<double, 5> kStriveMultipliers = {1, 2, 4, 8, 8};

// §2.15 WM = Σ m_z · t_z / 60 from seconds in HR Z1..Z5 (ours, or the API's
// heart_rate_z{z}_duration).
double StriveWeightedMinutes(const std::array<double, 5>& hr_zone_seconds);

// A per-user Strive scale: Strive ≈ k · WM.
struct StriveCalibration {
  double k = 0;            // least squares through the origin: Σ WM·S / Σ WM²
  double residual_cv = 0;  // RMS of S - k·WM over mean S
  bool reliable = false;   // residual_cv <= 10 %
};

// §2.15 calibration from (WM, Strive) pairs; nullopt when Σ WM² or mean S is 0.
std::optional<StriveCalibration> CalibrateStrive(
    const std::vector<std::pair<double, double>>& wm_and_score);

}  // namespace pelo::analytics
