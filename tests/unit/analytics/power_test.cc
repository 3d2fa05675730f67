// Test vectors from ../shared/docs/analytics.md (TV-2, TV-2b, TV-9).
#include "pelo/analytics/power.h"

#include <gtest/gtest.h>

#include <numeric>

namespace pelo::analytics {
namespace {

std::vector<double> Seg(std::initializer_list<std::pair<double, int>> parts) {
  std::vector<double> out;
  for (auto [w, n] : parts) out.insert(out.end(), static_cast<size_t>(n), w);
  return out;
}

// Ride A of analytics.md §2.4.
std::vector<double> RideA() {
  return Seg({{150, 600}, {250, 1200}, {320, 300}, {450, 60}, {900, 5}, {120, 1435}});
}

TEST(MeanMaximalPower, RideAMatchesTv2) {
  const auto a = RideA();
  ASSERT_EQ(a.size(), 3600u);
  EXPECT_NEAR(*MeanMaximalPower(a, 1), 900.0, 1e-4);
  EXPECT_NEAR(*MeanMaximalPower(a, 5), 900.0, 1e-4);
  EXPECT_NEAR(*MeanMaximalPower(a, 30), 525.0, 1e-4);
  EXPECT_NEAR(*MeanMaximalPower(a, 60), 487.5, 1e-4);
  EXPECT_NEAR(*MeanMaximalPower(a, 300), 355.6667, 1e-4);
  EXPECT_NEAR(*MeanMaximalPower(a, 1200), 280.2083, 1e-4);
  EXPECT_NEAR(*MeanMaximalPower(a, 3600), 191.5833, 1e-4);
}

TEST(MeanMaximalPower, IsNotMonotoneAndStopsAtRideLength) {
  EXPECT_NEAR(*MeanMaximalPower({10, 0, 10}, 2), 5.0, 1e-9);
  EXPECT_NEAR(*MeanMaximalPower({10, 0, 10}, 3), 6.6667, 1e-4);
  std::vector<double> ramp(101);
  std::iota(ramp.begin(), ramp.end(), 0.0);
  EXPECT_NEAR(*MeanMaximalPower(ramp, 50), 75.5, 1e-9);
  EXPECT_NEAR(*MeanMaximalPower(ramp, 101), 50.0, 1e-9);
  EXPECT_FALSE(MeanMaximalPower(ramp, 102).has_value());
  EXPECT_FALSE(MeanMaximalPower(ramp, 0).has_value());
}

TEST(ExpandEveryN, HoldsFiveSecondMeansSoASpikeIsResolutionLimited) {
  // TV-9: a 1000 W one-second spike seen through 5 s means becomes 200 W.
  const std::vector<double> five_s = {200, 0};
  EXPECT_NEAR(*MeanMaximalPower(ExpandEveryN(five_s, 5), 1), 200.0, 1e-9);
  EXPECT_EQ(ExpandEveryN(five_s, 5).size(), 10u);
}

TEST(ToPower1Hz, MissingAndNegativeSamplesCountAsZero) {
  const std::vector<std::optional<double>> s = {100.0, std::nullopt, -5.0, 300.0};
  EXPECT_EQ(ToPower1Hz(s, 1), (std::vector<double>{100, 0, 0, 300}));
  EXPECT_EQ(ToPower1Hz(s, 2).size(), 8u);
}

}  // namespace
}  // namespace pelo::analytics
