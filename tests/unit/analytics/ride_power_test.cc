// §2.2-2.9 of ../shared/docs/analytics.md: TV-1, TV-3, TV-3b, TV-4, TV-4c, TV-5, TV-6, TV-7,
// TV-8 (Appendix B values).
#include "pelo/analytics/ride_power.h"

#include <gtest/gtest.h>

#include "pelo/analytics/power.h"
#include "rides.h"

namespace pelo::analytics {
namespace {

using testing::BlockMeans;
using testing::RideA;
using testing::Seg;

TEST(RidePower, AveragesAndWorkTv1) {
  const std::vector<double> p = {100, 200, 300, 0, 400};
  EXPECT_NEAR(*AveragePower(p), 200.0, 1e-9);
  EXPECT_NEAR(*NonZeroAveragePower(p), 250.0, 1e-9);
  EXPECT_NEAR(WorkKj(p), 1.0, 1e-9);
  EXPECT_NEAR(WorkKj(p, 5), 5.0, 1e-9);
  EXPECT_FALSE(AveragePower({}).has_value());
  EXPECT_EQ(*NonZeroAveragePower({0, 0}), 0.0);
  EXPECT_NEAR(WorkKj({-50, 100}), 0.1, 1e-12);
}

TEST(RidePower, RideAAverageNpAndGcVariantTv3) {
  const auto a = RideA();
  EXPECT_NEAR(*AveragePower(a), 191.5833, 1e-4);
  EXPECT_NEAR(*NormalizedPower(a), 236.4816, 1e-4);
  EXPECT_NEAR(*NormalizedPowerGc(a), 236.0187, 1e-4);
}

TEST(RidePower, NpCountsFullWindowsOnlyTv3b) {
  const auto t = Seg({{300, 30}, {100, 30}});
  EXPECT_NEAR(*NormalizedPower(t), 223.0695, 1e-4);
  EXPECT_NEAR(*NormalizedPowerGc(t), 212.0874, 1e-4);
}

TEST(RidePower, VariabilityIntensityAndStressOfRideATv4) {
  const auto a = RideA();
  const double np = *NormalizedPower(a);
  EXPECT_NEAR(np / *AveragePower(a), 1.2344, 1e-4);
  EXPECT_NEAR(np / 250, 0.9459, 1e-4);
  EXPECT_NEAR(*StressScore(np, 250, 3600), 89.478, 1e-3);
  EXPECT_NEAR(*NormalizedPowerGc(a) / 250, 0.9441, 1e-4);
  EXPECT_NEAR(*StressScore(*NormalizedPowerGc(a), 250, 3600), 89.128, 1e-3);
}

TEST(RidePower, StressOfAnHourAtNp200Tv4c) {
  EXPECT_NEAR(200.0 / 250, 0.8, 1e-12);
  EXPECT_NEAR(*StressScore(200, 250, 3600), 64.0, 1e-9);
  EXPECT_NEAR(*NormalizedPower(Seg({{200, 3600}})), 200.0, 1e-9);
  EXPECT_FALSE(StressScore(200, 0, 3600).has_value());
}

TEST(RidePower, WorkXPowerAndBikeScoreOfRideATv5) {
  const auto a = RideA();
  EXPECT_NEAR(WorkKj(a), 689.7, 1e-6);
  EXPECT_NEAR(*XPower(a), 233.0826, 1e-4);
  EXPECT_NEAR(*StressScore(*XPower(a), 250, 3600), 86.924, 1e-3);
}

TEST(RidePower, ConstantRidesAndTheShortRideRuleTv6) {
  const auto hour = Seg({{200, 3600}});
  EXPECT_NEAR(*NormalizedPower(hour), 200.0, 1e-4);
  EXPECT_NEAR(*NormalizedPowerGc(hour), 199.6730, 1e-4);
  EXPECT_NEAR(*XPower(hour), 199.2652, 1e-4);
  const auto minute = Seg({{200, 60}});
  EXPECT_NEAR(*NormalizedPower(minute), 200.0, 1e-4);
  EXPECT_NEAR(*NormalizedPowerGc(minute), 176.6438, 1e-4);
  EXPECT_FALSE(NormalizedPower(Seg({{200, 29}})).has_value());
  EXPECT_TRUE(NormalizedPower(Seg({{200, 30}})).has_value());
}

TEST(RidePower, EveryNFiveRideATv7) {
  const auto a5 = BlockMeans(RideA(), 5);
  EXPECT_NEAR(*NormalizedPower(ExpandEveryN(a5, 5)), 236.4816, 1e-4);
  EXPECT_NEAR(*NormalizedPowerGc(ExpandEveryN(a5, 5)), 236.0187, 1e-4);
  // GC's native dt = 5 windows, and its dimensionally wrong xPower attenuation (§1.2(3), (4)).
  EXPECT_NEAR(*NormalizedPowerGc(a5, 5), 236.1445, 1e-4);
  EXPECT_NEAR(*XPower(a5, 5), 239.3142, 1e-4);
  EXPECT_NEAR(*XPower(ExpandEveryN(a5, 5)), 233.0826, 1e-4);
}

TEST(RidePower, SquareWaveThroughFiveSecondMeansTv8) {
  std::vector<double> q;
  for (int k = 0; k < 50; ++k) {
    const auto part = Seg({{400, 12}, {100, 12}});
    q.insert(q.end(), part.begin(), part.end());
  }
  const auto held = ExpandEveryN(BlockMeans(q, 5), 5);
  ASSERT_EQ(held.size(), q.size());
  EXPECT_NEAR(*MeanMaximalPower(q, 1), 400.0, 1e-9);
  EXPECT_NEAR(*MeanMaximalPower(q, 30), 280.0, 1e-9);
  EXPECT_NEAR(*MeanMaximalPower(held, 1), 400.0, 1e-9);
  EXPECT_NEAR(*MeanMaximalPower(held, 30), 280.0, 1e-9);
  EXPECT_NEAR(*NormalizedPower(q), 253.5904, 1e-4);
  EXPECT_NEAR(*NormalizedPower(held), 252.7420, 1e-4);
  EXPECT_NEAR(*AveragePower(q), 250.0, 1e-9);
  EXPECT_NEAR(*AveragePower(held), 250.0, 1e-9);
}

TEST(RidePower, GcVariantsNeedAWindowOfMoreThanOneSample) {
  EXPECT_FALSE(NormalizedPowerGc({}).has_value());
  EXPECT_FALSE(NormalizedPowerGc({100, 100}, 30).has_value());
  EXPECT_FALSE(XPower({}).has_value());
}

}  // namespace
}  // namespace pelo::analytics
