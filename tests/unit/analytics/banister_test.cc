// Test vector TV-26 of ../shared/docs/analytics.md §5.5.
#include "pelo/analytics/banister.h"

#include <gtest/gtest.h>

namespace pelo::analytics {
namespace {

// Load 0 on day 0, then 100 on weekdays and 0 on weekends (d mod 7 in {5, 6}), days 1..119.
std::vector<double> Tv26Load() {
  std::vector<double> load = {0};
  for (int d = 1; d < 120; ++d) load.push_back(d % 7 == 5 || d % 7 == 6 ? 0 : 100);
  return load;
}

TEST(Banister, Tv26Responses) {
  const auto r = BanisterFeatures(Tv26Load());
  const BanisterFit truth{.p0 = 250, .k1 = 0.1, .k2 = 0.2};
  const auto perf = BanisterPredict(truth, r);
  EXPECT_NEAR(r.fitness[10], 732.6445, 1e-4);
  EXPECT_NEAR(r.fatigue[10], 554.1404, 1e-4);
  EXPECT_NEAR(perf[10], 212.4364, 1e-4);
  EXPECT_NEAR(r.fitness[50], 2282.5711, 1e-4);
  EXPECT_NEAR(r.fatigue[50], 803.6746, 1e-4);
  EXPECT_NEAR(perf[50], 317.5222, 1e-4);
  EXPECT_NEAR(r.fitness[119], 3234.5431, 1e-4);
  EXPECT_NEAR(r.fatigue[119], 779.6919, 1e-4);
  EXPECT_NEAR(perf[119], 417.5159, 1e-4);
}

TEST(Banister, Tv26FitRecoversTheParameters) {
  const auto load = Tv26Load();
  const auto perf = BanisterPredict({.p0 = 250, .k1 = 0.1, .k2 = 0.2}, BanisterFeatures(load));
  std::vector<PerformanceTest> tests;
  for (int d : {10, 30, 50, 70, 90, 110, 119}) tests.push_back({d, perf[static_cast<size_t>(d)]});
  const auto fit = FitBanister(load, tests);
  ASSERT_TRUE(fit);
  EXPECT_NEAR(fit->p0, 250.0, 1e-6);
  EXPECT_NEAR(fit->k1, 0.1, 1e-9);
  EXPECT_NEAR(fit->k2, 0.2, 1e-9);
  EXPECT_EQ(fit->tests, 7);
  EXPECT_TRUE(fit->enough_tests);
  tests.resize(4);
  EXPECT_FALSE(FitBanister(load, tests)->enough_tests);
  tests.resize(2);
  EXPECT_EQ(FitBanister(load, tests), std::nullopt);
}

// A constant load makes the fatigue response constant by day 300 (e^{-300/11} ~ 1e-12), so the
// -h column is the intercept column times a constant: p0 and k2 cannot be told apart. The old
// normal-equations solve inverted a Gram matrix with condition number ~1e23 and answered a fit
// with R^2 of -557 or worse, marked as enough tests.
TEST(Banister, ConstantLoadCannotSeparateFatigueFromTheBaseline) {
  const std::vector<double> load(400, 100.0);
  std::vector<PerformanceTest> tests;
  for (int d = 300; d <= 390; d += 10) tests.push_back({d, d % 20 == 0 ? 249.0 : 251.0});
  const auto fit = FitBanister(load, tests, 50, 11);
  EXPECT_FALSE(fit) << "a fit with R^2 " << fit->r2 << " over " << fit->tests << " tests";
}

TEST(Banister, PowerIndexOfTheTypicalAthleteIs100) {
  const double typical_5min = 15500 / (300 - 15500 / (261.0 - 1100)) + 261;
  EXPECT_NEAR(*PowerIndex(typical_5min, 300), 100.0, 1e-9);
  EXPECT_NEAR(*PowerIndex(typical_5min * 1.1, 300), 110.0, 1e-9);
  EXPECT_EQ(PowerIndex(0, 300), std::nullopt);
}

TEST(Banister, ComponentFitFindsTheComponentThatDrivesPerformance) {
  // Two load components over 200 days; only the "high" one raises performance.
  std::vector<double> low, high;
  for (int d = 0; d < 200; ++d) {
    low.push_back(40 + (d * 37 % 11) * 5.0);
    high.push_back((d / 14) % 2 == 0 ? (d * 13 % 7) * 10.0 : 0.0);
  }
  const auto r_low = BanisterFeatures(low), r_high = BanisterFeatures(high);
  std::vector<double> total(low.size());
  for (size_t d = 0; d < low.size(); ++d) total[d] = low[d] + high[d];
  const auto r_total = BanisterFeatures(total);
  std::vector<PerformanceTest> tests;
  for (int d = 20; d < 200; d += 9) {
    const auto i = static_cast<size_t>(d);
    tests.push_back(
        {d, 250 + 0.0 * r_low.fitness[i] + 0.2 * r_high.fitness[i] - 0.05 * r_total.fatigue[i]});
  }
  const auto fit = FitBanisterComponents({low, high}, tests, 1e-6, {.resamples = 200});
  ASSERT_TRUE(fit);
  ASSERT_EQ(fit->k1.size(), 2u);
  EXPECT_NEAR(fit->k1[0], 0.0, 1e-3);
  EXPECT_NEAR(fit->k1[1], 0.2, 1e-3);
  EXPECT_NEAR(fit->k2, 0.05, 1e-3);
  ASSERT_EQ(fit->k1_intervals.size(), 2u);
  EXPECT_GT(fit->k1_intervals[1].lo, fit->k1_intervals[0].hi);
}

TEST(Banister, ComponentFitOfAConstantLoadIsInsufficientData) {
  // Ridge copes with components that move together (both g columns here are proportional), not
  // with a fatigue column constant to ~1e-12: standardizing it would blow rounding up to unit
  // variance and give k2 from noise.
  const std::vector<double> low(400, 60.0), high(400, 40.0);
  std::vector<PerformanceTest> tests;
  for (int d = 300; d <= 390; d += 10) tests.push_back({d, d % 20 == 0 ? 249.0 : 251.0});
  const auto fit = FitBanisterComponents({low, high}, tests, 1.0, {.resamples = 50});
  EXPECT_FALSE(fit) << "a fit with k2 " << fit->k2;
}

}  // namespace
}  // namespace pelo::analytics
