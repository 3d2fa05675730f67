// Test vectors TV-17 and TV-17b of ../shared/docs/analytics.md §3.4.
#include "pelo/analytics/critical_power.h"

#include <gtest/gtest.h>

namespace pelo::analytics {
namespace {

const std::vector<MmpPoint> kTv17 = {{180, 400}, {300, 340}, {720, 290}, {1200, 275}};

std::vector<MmpPoint> Hyperbola() {
  std::vector<MmpPoint> out;
  for (int t = 121; t <= 1200; ++t) out.push_back({t, 250 + 18000.0 / t});
  return out;
}

TEST(FitCriticalPower, Tv17WorkTime) {
  auto fit = FitCriticalPower(kTv17);
  ASSERT_TRUE(fit);
  EXPECT_NEAR(fit->cp_w, 253.1461, 1e-4);
  EXPECT_NEAR(fit->w_prime_j, 26312.36, 0.01);
  EXPECT_EQ(fit->points, 4);
  EXPECT_TRUE(fit->plausible);
  EXPECT_GT(fit->r2, 0.9);
}

TEST(FitCriticalPower, Tv17InverseTime) {
  auto fit = FitCriticalPower(kTv17, {.method = CpFitMethod::kInverseTime});
  ASSERT_TRUE(fit);
  EXPECT_NEAR(fit->cp_w, 252.9354, 1e-4);
  EXPECT_NEAR(fit->w_prime_j, 26393.26, 0.01);
}

TEST(FitCriticalPower, Tv17bExactHyperbolaBothOlsMethods) {
  for (auto method : {CpFitMethod::kWorkTime, CpFitMethod::kInverseTime}) {
    auto fit = FitCriticalPower(Hyperbola(), {.method = method});
    ASSERT_TRUE(fit);
    EXPECT_NEAR(fit->cp_w, 250.0, 1e-6);
    EXPECT_NEAR(fit->w_prime_j, 18000.0, 1e-4);
    EXPECT_NEAR(fit->rmse_w, 0.0, 1e-6);
    EXPECT_EQ(fit->points, 1080);
  }
}

// Not a TV: GC's envelope stops when tau moves less than 1e-4 min, so it lands near the exact
// hyperbola, not on it.
TEST(FitCriticalPower, EnvelopeNearlyRecoversTheExactHyperbola) {
  auto fit = FitCriticalPower(Hyperbola(), {.method = CpFitMethod::kEnvelope});
  ASSERT_TRUE(fit);
  EXPECT_NEAR(fit->cp_w, 250.0, 0.01);
  EXPECT_NEAR(fit->w_prime_j, 18000.0, 1.0);
}

TEST(FitCriticalPower, EnvelopeStaysOnOrAboveItsWindows) {
  auto curve = Hyperbola();
  for (auto& p : curve) p.watts -= (p.seconds % 7) * 0.5;  // submaximal dents
  auto fit = FitCriticalPower(curve, {.method = CpFitMethod::kEnvelope});
  ASSERT_TRUE(fit);
  for (const auto& p : curve) {
    const bool in_window = (p.seconds >= 120 && p.seconds <= 200) || p.seconds >= 720;
    if (!in_window) continue;
    EXPECT_GE(CriticalPowerModel(fit->cp_w, fit->w_prime_j, p.seconds), p.watts - 1e-6);
  }
  EXPECT_NEAR(fit->cp_w, 250.0, 0.5);
}

TEST(FitCriticalPower, NeedsThreeDurationsInTheWindow) {
  EXPECT_EQ(FitCriticalPower({{60, 500}, {180, 400}, {300, 340}, {1800, 260}}), std::nullopt);
  EXPECT_EQ(FitCriticalPower({{120, 450}, {180, 400}, {300, 340}}), std::nullopt);  // 120 out
}

TEST(FitCriticalPower, FlagsBeginnerAndImplausibleFits) {
  auto beginner = FitCriticalPower({{180, 160}, {300, 130}, {720, 100}, {1200, 90}});
  ASSERT_TRUE(beginner);
  EXPECT_FALSE(beginner->plausible);
  EXPECT_TRUE(beginner->beginner);
  auto flat = FitCriticalPower({{180, 250}, {300, 250}, {720, 250}});
  ASSERT_TRUE(flat);
  EXPECT_FALSE(flat->plausible);  // W' = 0
}

TEST(AggregateMmp, KeepsTheBestPerDuration) {
  auto agg = AggregateMmp({{{5, 800}, {60, 400}}, {{5, 900}, {1200, 250}}});
  ASSERT_EQ(agg.size(), 3u);
  EXPECT_EQ(agg[0].watts, 900);
  EXPECT_EQ(agg[1].watts, 400);
  EXPECT_EQ(agg[2].seconds, 1200);
}

}  // namespace
}  // namespace pelo::analytics
