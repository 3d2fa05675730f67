// §2.15-2.16 of ../shared/docs/analytics.md: TV-20 (intervals), TV-21 (Strive).
#include "pelo/analytics/intervals.h"

#include <gtest/gtest.h>

#include "pelo/analytics/strive.h"
#include "rides.h"

namespace pelo::analytics {
namespace {

using testing::Seg;

std::vector<double> Tv20Series() {
  auto p = Seg({{100, 300}, {300, 30}, {200, 3}, {300, 27}, {100, 60}});
  for (int k = 0; k < 4; ++k) {
    const auto part = Seg({{300, 60}, {100, 60}});
    p.insert(p.end(), part.begin(), part.end());
  }
  const auto tail = Seg({{400, 20}, {100, 120}});
  p.insert(p.end(), tail.begin(), tail.end());
  return p;
}

TEST(DetectIntervals, MergesDipsAndDropsShortBurstsTv20) {
  const auto p = Tv20Series();
  const auto iv = DetectIntervals(p, 250);
  ASSERT_EQ(iv.size(), 5u);
  const long starts[] = {300, 420, 540, 660, 780};
  const double means[] = {295.0, 300, 300, 300, 300};
  for (size_t k = 0; k < 5; ++k) {
    EXPECT_EQ(iv[k].start_s, starts[k]);
    EXPECT_EQ(iv[k].end_s, starts[k] + 59);
    EXPECT_EQ(iv[k].length_s, 60);
    EXPECT_NEAR(iv[k].mean_power_w, means[k], 1e-9);
  }
  EXPECT_EQ(SecondsAtOrAbove(p, 250, 105), 317.0);
}

TEST(DetectIntervals, RideAHasOneHiInterval) {
  const auto iv = DetectIntervals(testing::RideA(), 250, kHiIntervals);
  ASSERT_EQ(iv.size(), 1u);
  EXPECT_EQ(iv[0].start_s, 1800);
  EXPECT_EQ(iv[0].end_s, 2164);
  EXPECT_EQ(iv[0].length_s, 365);
  EXPECT_NEAR(iv[0].mean_power_w, 349.315, 1e-3);
}

TEST(DetectIntervals, OtherParameterSetsAndNoFtp) {
  const auto a = testing::RideA();
  // thr (90 % = 225 W, >= 180 s): the 1200 s at 250 W through the 900 W burst.
  const auto thr = DetectIntervals(a, 250, kThresholdIntervals);
  ASSERT_EQ(thr.size(), 1u);
  EXPECT_EQ(thr[0].start_s, 600);
  EXPECT_EQ(thr[0].end_s, 2164);
  // sprint (150 % = 375 W, >= 5 s): 450 W and 900 W back to back.
  const auto sprint = DetectIntervals(a, 250, kSprintIntervals);
  ASSERT_EQ(sprint.size(), 1u);
  EXPECT_EQ(sprint[0].length_s, 65);
  EXPECT_TRUE(DetectIntervals(a, 0).empty());
  EXPECT_EQ(SecondsAtOrAbove(a, 0, 105), 0.0);
}

TEST(Strive, WeightedMinutesAndCalibrationTv21) {
  EXPECT_NEAR(StriveWeightedMinutes({300, 600, 900, 300, 60}), 133.0, 1e-9);
  const auto c = CalibrateStrive({{133, 13.3}, {80, 8.1}, {200, 19.9}});
  ASSERT_TRUE(c.has_value());
  EXPECT_NEAR(c->k, 0.09981, 1e-5);
  EXPECT_TRUE(c->reliable);
  EXPECT_FALSE(CalibrateStrive({}).has_value());
  EXPECT_FALSE(CalibrateStrive({{0, 5}}).has_value());
}

}  // namespace
}  // namespace pelo::analytics
