// Test rides of analytics.md (Ride A §2.4, Ride B §2.12) and small builders, as in Appendix A.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <utility>
#include <vector>

#include "pelo/analytics/ride_input.h"

namespace pelo::analytics::testing {

// Appendix A `seg`: (watts, seconds) parts concatenated.
inline std::vector<double> Seg(std::initializer_list<std::pair<double, int>> parts) {
  std::vector<double> out;
  for (auto [w, n] : parts) out.insert(out.end(), static_cast<size_t>(n), w);
  return out;
}

// Ride A (§2.4): 600 s @150 W, 1200 s @250, 300 s @320, 60 s @450, 5 s @900, 1435 s @120.
inline std::vector<double> RideA() {
  return Seg({{150, 600}, {250, 1200}, {320, 300}, {450, 60}, {900, 5}, {120, 1435}});
}

// Ride B (§2.12): 3600 s @200 W.
inline std::vector<double> RideBPower() { return Seg({{200, 3600}}); }
// Ride B HR: 140 bpm for the first 1800 s, 147 for the last 1800 s.
inline std::vector<double> RideBHeartRate() { return Seg({{140, 1800}, {147, 1800}}); }

// Appendix A's `[sum(x[i:i+n])/n for i in range(0, len(x), n)]`: n-second means, summed left
// to right as Python's sum() does (same doubles).
inline std::vector<double> BlockMeans(const std::vector<double>& x, int n) {
  std::vector<double> out;
  for (size_t i = 0; i < x.size(); i += static_cast<size_t>(n)) {
    double s = 0;
    for (size_t j = i; j < i + static_cast<size_t>(n) && j < x.size(); ++j) s += x[j];
    out.push_back(s / n);
  }
  return out;
}

// A stored channel: every value present.
inline Samples ToSamples(const std::vector<double>& x) { return Samples(x.begin(), x.end()); }

// Numerical recipes LCG, the generator of the random ride (random_ride_test.cc).
inline uint32_t Lcg(uint32_t state) { return state * 1664525u + 1013904223u; }

}  // namespace pelo::analytics::testing
