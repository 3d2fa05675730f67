// §2.12-2.14 of ../shared/docs/analytics.md: TV-14 (Ride B), TV-15.
#include "pelo/analytics/heart.h"

#include <gtest/gtest.h>

#include "pelo/analytics/ride_power.h"
#include "rides.h"

namespace pelo::analytics {
namespace {

using testing::RideBHeartRate;
using testing::RideBPower;
using testing::Seg;

TEST(Heart, RideBAverageHrEfAndDecouplingTv14) {
  const auto p = RideBPower();
  const auto h = RideBHeartRate();
  EXPECT_NEAR(*NormalizedPower(p), 200.0, 1e-4);
  EXPECT_NEAR(*AverageHeartRate(h), 143.5, 1e-4);
  EXPECT_NEAR(*NormalizedPower(p) / *AverageHeartRate(h), 1.39373, 1e-5);
  EXPECT_NEAR(*AerobicDecoupling(p, h), 4.7619, 1e-4);
  EXPECT_NEAR(*AerobicDecoupling(p, h, /*gc_quirk=*/true), 4.7594, 1e-4);
}

TEST(Heart, HrDropoutsAreLeftOutTv14) {
  const auto p = RideBPower();
  const auto h = Seg({{140, 1800}, {0, 10}, {147, 1790}});
  EXPECT_NEAR(*AverageHeartRate(h), 143.4903, 1e-4);
  EXPECT_NEAR(*AerobicDecoupling(p, h), 4.7619, 1e-4);
}

TEST(Heart, DecouplingNeedsTwentyMinutesAndHrInBothHalves) {
  EXPECT_FALSE(AerobicDecoupling(Seg({{200, 1199}}), Seg({{140, 1199}})).has_value());
  EXPECT_TRUE(AerobicDecoupling(Seg({{200, 1200}}), Seg({{140, 1200}})).has_value());
  EXPECT_FALSE(AerobicDecoupling(Seg({{200, 2000}}), Seg({{140, 1000}, {0, 1000}})).has_value());
  EXPECT_FALSE(AerobicDecoupling(Seg({{0, 2000}}), Seg({{140, 2000}})).has_value());
  EXPECT_FALSE(AverageHeartRate(Seg({{0, 10}})).has_value());
}

TEST(Trimp, MaleFemaleAndTrimp100Tv15) {
  EXPECT_NEAR(*Trimp(60, 150, 50, 190, Sex::kMale), 108.0954, 1e-4);
  EXPECT_NEAR(*Trimp(60, 150, 50, 190, Sex::kFemale), 90.4179, 1e-4);
  const double t = *Trimp(60, 150, 50, 190, Sex::kMale);
  EXPECT_NEAR(*Trimp100(t, 170, 50, 190, Sex::kMale), 63.3429, 1e-4);
}

TEST(Trimp, BelowRestIsZeroAndABadRangeIsNa) {
  EXPECT_EQ(*Trimp(60, 45, 50, 190, Sex::kMale), 0.0);
  EXPECT_FALSE(Trimp(60, 150, 190, 190, Sex::kMale).has_value());
  EXPECT_FALSE(Trimp100(50, 50, 50, 190, Sex::kMale).has_value());  // LTHR at rest: ref 0
}

}  // namespace
}  // namespace pelo::analytics
