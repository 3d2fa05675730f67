// Test vectors TV-16 and TV-16b of ../shared/docs/analytics.md §4.
#include "pelo/analytics/pmc.h"

#include <gtest/gtest.h>

namespace pelo::analytics {
namespace {

std::vector<double> Tv16Load() {
  std::vector<double> load(14, 100.0);
  load.resize(21, 0.0);
  return load;
}

struct Row {
  int day;
  double ctl, atl, tsb, ramp;
};

TEST(ComputePmc, Tv16GoldenCheetahForm) {
  const auto pmc = ComputePmc(Tv16Load(), 1);
  ASSERT_EQ(pmc.size(), 21u);
  const Row rows[] = {
      {1, 2.3528, 13.3122, 0.0000, 2.3528},      {7, 15.3518, 63.2121, -44.2505, 15.3518},
      {8, 17.3435, 68.1093, -47.8602, 14.9906},  {14, 28.3469, 86.4665, -57.7678, 12.9950},
      {15, 27.6799, 74.9559, -58.1196, 10.3365}, {21, 23.9951, 31.8092, -12.1207, -4.3518}};
  for (const auto& r : rows) {
    const auto& d = pmc[static_cast<size_t>(r.day - 1)];
    EXPECT_EQ(d.day, r.day);
    EXPECT_NEAR(d.ctl, r.ctl, 1e-4) << "day " << r.day;
    EXPECT_NEAR(d.atl, r.atl, 1e-4) << "day " << r.day;
    EXPECT_NEAR(d.tsb, r.tsb, 1e-4) << "day " << r.day;
    EXPECT_NEAR(d.ramp, r.ramp, 1e-4) << "day " << r.day;
  }
}

TEST(ComputePmc, Tv16bTrainingPeaksForm) {
  const auto pmc = ComputePmc(Tv16Load(), 1, {.variant = PmcVariant::kTrainingPeaks});
  EXPECT_NEAR(pmc[0].ctl, 2.3810, 1e-4);
  EXPECT_NEAR(pmc[0].atl, 14.2857, 1e-4);
  EXPECT_NEAR(pmc[13].ctl, 28.6352, 1e-4);
  EXPECT_NEAR(pmc[13].atl, 88.4457, 1e-4);
  EXPECT_NEAR(pmc[20].ctl, 24.1904, 1e-4);
  EXPECT_NEAR(pmc[20].atl, 30.0642, 1e-4);
}

TEST(ComputePmc, RideLoadsOverADateRangeWithRestDays) {
  // TV-16 as two rides a day (50 + 50) on days 100..113, rest days 114..120.
  std::vector<DatedLoad> rides;
  for (DayNumber d = 113; d >= 100; --d) rides.push_back({d, 50}), rides.push_back({d, 50});
  rides.push_back({99, 500});  // before the range: ignored
  const auto pmc = ComputePmc(rides, 100, 120);
  ASSERT_EQ(pmc.size(), 21u);
  EXPECT_EQ(pmc.front().day, 100);
  EXPECT_EQ(pmc.back().day, 120);
  EXPECT_NEAR(pmc[13].ctl, 28.3469, 1e-4);
  EXPECT_NEAR(pmc[20].atl, 31.8092, 1e-4);
  EXPECT_EQ(pmc[20].load, 0.0);
  EXPECT_TRUE(ComputePmc(rides, 10, 9).empty());
}

}  // namespace
}  // namespace pelo::analytics
