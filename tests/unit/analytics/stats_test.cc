// Test vectors TV-22..TV-25 of ../shared/docs/analytics.md §5.
#include "pelo/analytics/stats.h"

#include <gtest/gtest.h>

#include <cmath>

#include "pelo/analytics/regression.h"

namespace pelo::analytics {
namespace {

TEST(Spearman, Tv24WithMidRanksAndCi) {
  const std::vector<double> x = {3, 5, 4, 6, 8, 7}, y = {1, 4, 2, 3, 6, 5};
  const auto rho = Spearman(x, y);
  ASSERT_TRUE(rho);
  EXPECT_NEAR(*rho, 0.9429, 1e-4);
  const auto ci = SpearmanCi(*rho, 6);
  ASSERT_TRUE(ci);
  EXPECT_NEAR(ci->lo, 0.5357, 1e-4);
  EXPECT_NEAR(ci->hi, 0.9943, 1e-4);
  EXPECT_NEAR(*Spearman({1, 2, 2, 3}, {10, 20, 30, 40}), 0.9487, 1e-4);
}

TEST(Spearman, MidRanksAndDegenerateCases) {
  EXPECT_EQ(MidRanks({1, 2, 2, 3}), (std::vector<double>{1, 2.5, 2.5, 4}));
  EXPECT_EQ(Spearman({1, 1, 1}, {1, 2, 3}), std::nullopt);
  EXPECT_EQ(SpearmanCi(0.5, 3), std::nullopt);
  EXPECT_EQ(SpearmanCi(1.0, 10)->lo, 1.0);
}

TEST(TrendSlopes, Tv23OlsAndTheilSen) {
  const std::vector<double> x = {0, 1, 2, 3, 4}, y = {230, 232, 235, 236, 240};
  EXPECT_NEAR(OlsLine(x, y)->slope, 2.4, 1e-9);
  EXPECT_NEAR(*TheilSenSlope(x, y), 2.5, 1e-9);
  EXPECT_EQ(TheilSenSlope({1, 1}, {2, 3}), std::nullopt);
}

TEST(PolarizationIndex, Tv22) {
  EXPECT_NEAR(*PolarizationIndex(0.80, 0.05, 0.15), 2.3802, 1e-4);
  EXPECT_EQ(PolarizationIndex(0.8, 0.0, 0.2), std::nullopt);
  EXPECT_EQ(PolarizationIndex(0.8, 0.2, 0.0), std::nullopt);
}

TEST(SolveLeastSquares, Tv25RecoversTheCoefficients) {
  const std::vector<double> x1 = {1, 2, 3, 4, 5, 6}, x2 = {2, 1, 4, 3, 6, 5};
  std::vector<std::vector<double>> rows;
  std::vector<double> y;
  for (size_t i = 0; i < x1.size(); ++i) {
    rows.push_back({1, x1[i], x2[i]});
    y.push_back(2 + 0.5 * x1[i] - 0.3 * x2[i]);
  }
  const auto b = SolveLeastSquares(rows, y);
  ASSERT_TRUE(b);
  EXPECT_NEAR((*b)[0], 2.0, 1e-9);
  EXPECT_NEAR((*b)[1], 0.5, 1e-9);
  EXPECT_NEAR((*b)[2], -0.3, 1e-9);
  const auto fit = FitLinearModel(rows, y);
  ASSERT_TRUE(fit);
  EXPECT_NEAR(fit->r2, 1.0, 1e-12);
  EXPECT_EQ(fit->degrees_of_freedom, 3);
  EXPECT_NEAR(fit->intervals[1].Width(), 0.0, 1e-6);
}

TEST(FitLinearModel, RidgeShrinksAndCollinearOlsFails) {
  std::vector<std::vector<double>> rows;
  std::vector<double> y;
  for (int i = 0; i < 8; ++i) {
    rows.push_back({1, double(i), double(2 * i)});
    y.push_back(1 + i);
  }
  EXPECT_EQ(SolveLeastSquares(rows, y), std::nullopt);
  const auto ridge = FitLinearModel(rows, y, {.ridge_lambda = 1});
  ASSERT_TRUE(ridge);
  EXPECT_EQ(ridge->intervals.size(), 3u);
  EXPECT_NEAR(ridge->coefficients[1] + 2 * ridge->coefficients[2], 1.0, 0.05);
}

TEST(FitLinearModel, RankDeficientColumnsAreInsufficientData) {
  // A duplicated column, and a column that is a combination of two others (x3 = x1 + 2 x2):
  // rank 2 and 3 of 3 and 4 columns, whatever y is.
  std::vector<std::vector<double>> duplicate, combination;
  std::vector<double> y;
  for (int i = 0; i < 12; ++i) {
    const double x1 = i % 5, x2 = (i * 7) % 3;
    duplicate.push_back({1, x1, x1});
    combination.push_back({1, x1, x2, x1 + 2 * x2});
    y.push_back(3 + x1 - x2 + (i % 2 ? 0.25 : -0.25));
  }
  EXPECT_EQ(FitLinearModel(duplicate, y), std::nullopt);
  EXPECT_EQ(FitLinearModel(combination, y), std::nullopt);
  EXPECT_EQ(SolveLeastSquares(duplicate, y), std::nullopt);
  EXPECT_EQ(SolveLeastSquares(combination, y), std::nullopt);
  // Fewer rows than columns: no unique fit either.
  EXPECT_EQ(FitLinearModel({{1, 2, 3}, {1, 5, 4}}, {1, 2}), std::nullopt);
  // Ridge makes the penalized system full rank: the fit exists and splits the shared effect.
  const auto ridge = FitLinearModel(duplicate, y, {.ridge_lambda = 1});
  ASSERT_TRUE(ridge);
  EXPECT_NEAR(ridge->coefficients[1], ridge->coefficients[2], 1e-9);
}

TEST(FitLinearModel, NearlyCollinearColumnsAreInsufficientData) {
  // x2 = 1000 + x1 * 1e-11: collinear with the intercept to ~1e-14 relative, beyond what the
  // data can resolve; an exact-in-floating-point fit of it is noise, not an estimate.
  std::vector<std::vector<double>> rows;
  std::vector<double> y;
  for (int i = 0; i < 10; ++i) {
    rows.push_back({1, 1000 + i * 1e-11});
    y.push_back(i % 2 ? 249 : 251);
  }
  const auto fit = FitLinearModel(rows, y);
  EXPECT_FALSE(fit) << "a fit with R^2 " << fit->r2;
}

TEST(StudentTQuantile, MatchesTables) {
  EXPECT_NEAR(StudentTQuantile(0.975, 10), 2.228139, 1e-5);
  EXPECT_NEAR(StudentTQuantile(0.975, 3), 3.182446, 1e-5);
  EXPECT_NEAR(StudentTQuantile(0.975, 1000), 1.962339, 1e-5);
  EXPECT_NEAR(StudentTQuantile(0.5, 4), 0.0, 1e-6);
}

TEST(Quantiles, MedianAndInterpolation) {
  EXPECT_EQ(*Median({3, 1, 2}), 2);
  EXPECT_EQ(*Median({4, 1, 2, 3}), 2.5);
  EXPECT_EQ(Median({}), std::nullopt);
  EXPECT_NEAR(*Quantile({0, 10}, 0.25), 2.5, 1e-12);
}

TEST(BlockBootstrapSpearmanCi, IsDeterministicAndCoversTheEstimate) {
  std::vector<double> x, y;
  for (int i = 0; i < 40; ++i) {
    x.push_back(i % 9);
    y.push_back((i % 9) + (i % 4) * 0.7);
  }
  const auto a = BlockBootstrapSpearmanCi(x, y);
  const auto b = BlockBootstrapSpearmanCi(x, y);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->lo, b->lo);
  EXPECT_EQ(a->hi, b->hi);
  EXPECT_TRUE(a->Contains(*Spearman(x, y)));
  EXPECT_EQ(BlockBootstrapSpearmanCi({1, 2, 3}, {1, 2, 3}), std::nullopt);
}

// The interval as §5.3 step 6c defines it: each resample's blocks drawn in order, its
// Spearman by MidRanks; the library ranks resamples by counting and must give the same bits.
std::optional<Interval> ResampledSpearmanInterval(const std::vector<double>& x,
                                                  const std::vector<double>& y,
                                                  const BootstrapOptions& o) {
  const size_t n = x.size(), len = static_cast<size_t>(o.block_length);
  SplitMix64 rng(o.seed);
  std::vector<double> rhos;
  for (int r = 0; r < o.resamples; ++r) {
    std::vector<double> bx, by;
    while (bx.size() < n) {
      const size_t start = rng.Below(n - len + 1);
      for (size_t k = start; k < start + len && bx.size() < n; ++k) {
        bx.push_back(x[k]);
        by.push_back(y[k]);
      }
    }
    if (auto rho = Spearman(bx, by)) rhos.push_back(*rho);
  }
  const double tail = (1 - o.level) / 2;
  return Interval{*Quantile(rhos, tail), *Quantile(rhos, 1 - tail)};
}

TEST(BlockBootstrapSpearmanCi, EqualsSpearmanOfEveryResampleToTheBitWithTiesAndNegativeZero) {
  std::vector<double> x, y;
  for (int i = 0; i < 53; ++i) {
    x.push_back(i % 7 == 0 ? -0.0 : (i * 37) % 11);  // many ties, -0.0 equal to 0.0
    y.push_back(std::sin(i) * 5 + (i % 3));
  }
  for (const BootstrapOptions o :
       {BootstrapOptions{4, 500, 1, 0.95}, BootstrapOptions{1, 300, 7, 0.9},
        BootstrapOptions{9, 200, 42, 0.8}}) {
    const auto expected = ResampledSpearmanInterval(x, y, o);
    const auto got = BlockBootstrapSpearmanCi(x, y, o);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->lo, expected->lo) << o.block_length;
    EXPECT_EQ(got->hi, expected->hi) << o.block_length;
  }
}

TEST(BlockBootstrapSpearmanCi, NanInputGivesTheSameAnswerAsSpearmanOfEachResample) {
  std::vector<double> x, y;
  for (int i = 0; i < 30; ++i) {
    x.push_back(i == 5 ? std::nan("") : i % 6);
    y.push_back(i % 5);
  }
  const BootstrapOptions o{4, 200, 3, 0.95};
  const auto expected = ResampledSpearmanInterval(x, y, o);
  const auto got = BlockBootstrapSpearmanCi(x, y, o);
  ASSERT_EQ(got.has_value(), expected.has_value());
  if (got) {
    EXPECT_EQ(got->lo, expected->lo);
    EXPECT_EQ(got->hi, expected->hi);
  }
}

}  // namespace
}  // namespace pelo::analytics
