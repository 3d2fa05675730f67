// Test vectors from ../shared/docs/analytics.md (TV-2, TV-2b, TV-9) and MMP properties.
#include "pelo/analytics/power.h"

#include <gtest/gtest.h>

#include <numeric>

#include "rides.h"

namespace pelo::analytics {
namespace {

using testing::RideA;

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
  EXPECT_NEAR(*MeanMaximalPower({10, 0, 10}, 1), 10.0, 1e-9);
  EXPECT_NEAR(*MeanMaximalPower({10, 0, 10}, 2), 5.0, 1e-9);
  EXPECT_NEAR(*MeanMaximalPower({10, 0, 10}, 3), 6.6667, 1e-4);
  std::vector<double> ramp(101);
  std::iota(ramp.begin(), ramp.end(), 0.0);
  EXPECT_NEAR(*MeanMaximalPower(ramp, 1), 100.0, 1e-9);
  EXPECT_NEAR(*MeanMaximalPower(ramp, 50), 75.5, 1e-9);
  EXPECT_NEAR(*MeanMaximalPower(ramp, 100), 50.5, 1e-9);
  EXPECT_NEAR(*MeanMaximalPower(ramp, 101), 50.0, 1e-9);
  EXPECT_FALSE(MeanMaximalPower(ramp, 102).has_value());
  EXPECT_FALSE(MeanMaximalPower(ramp, 0).has_value());
}

TEST(MeanMaximalPowerFromPrefix, MatchesTv2AndTv2b) {
  const auto prefix = PrefixSums(RideA());
  ASSERT_EQ(prefix.size(), 3601u);
  const int durations[] = {1, 5, 30, 60, 300, 1200, 3600};
  const double expected[] = {900.0, 900.0, 525.0, 487.5, 355.6667, 280.2083, 191.5833};
  for (size_t k = 0; k < 7; ++k) {
    EXPECT_NEAR(*MeanMaximalPowerFromPrefix(prefix, durations[k]), expected[k], 1e-4)
        << durations[k];
  }
  EXPECT_FALSE(MeanMaximalPowerFromPrefix(prefix, 3601).has_value());
  EXPECT_FALSE(MeanMaximalPowerFromPrefix(prefix, 0).has_value());
  const auto tv2b = PrefixSums({10, 0, 10});
  EXPECT_NEAR(*MeanMaximalPowerFromPrefix(tv2b, 1), 10.0, 1e-9);
  EXPECT_NEAR(*MeanMaximalPowerFromPrefix(tv2b, 2), 5.0, 1e-9);
  EXPECT_NEAR(*MeanMaximalPowerFromPrefix(tv2b, 3), 6.6667, 1e-4);
  EXPECT_FALSE(MeanMaximalPowerFromPrefix({}, 1).has_value());
  EXPECT_FALSE(MeanMaximalPowerFromPrefix(PrefixSums({}), 1).has_value());
}

TEST(MeanMaximalPowerFromPrefix, BestWorkNeverDecreasesWithDuration) {
  // Property: d·MMP(d) is the best work over d seconds, and a longer window holds a shorter one.
  std::vector<double> p(2000);
  uint32_t x = 7;
  for (double& v : p) {
    x = testing::Lcg(x);
    v = (x >> 16) % 500;
  }
  const auto prefix = PrefixSums(p);
  double previous = 0;
  for (int d = 1; d <= 2000; ++d) {
    const double work = d * *MeanMaximalPowerFromPrefix(prefix, d);
    EXPECT_GE(work, previous - 1e-6) << d;
    EXPECT_NEAR(*MeanMaximalPowerFromPrefix(prefix, d), *MeanMaximalPower(p, d), 1e-9) << d;
    previous = work;
  }
}

TEST(ExpandEveryN, HoldsFiveSecondMeansSoASpikeIsResolutionLimited) {
  // TV-9: a 1000 W one-second spike seen through 5 s means becomes 200 W.
  const std::vector<double> spike = {0, 0, 0, 0, 1000, 0, 0, 0, 0, 0};
  const auto five_s = testing::BlockMeans(spike, 5);
  EXPECT_EQ(five_s, (std::vector<double>{200, 0}));
  EXPECT_NEAR(*MeanMaximalPower(spike, 1), 1000.0, 1e-9);
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
