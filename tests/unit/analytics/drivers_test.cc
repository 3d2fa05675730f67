// The drivers analysis of ../shared/docs/analytics.md §5.3-§5.7 on synthetic histories.
#include "pelo/analytics/drivers.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace pelo::analytics {
namespace {

const DayNumber kFirstMonday = DayFromCivil(2024, 1, 1);
// The training level of each 4-week block, shuffled so that it does not trend with time.
const std::vector<double> kLevels = {3,   7,   1,   5,   8,   2,   6,   4,  9,
                                     2.5, 7.5, 1.5, 5.5, 3.5, 8.5, 6.5, 4.5};

// Four rides a week; a block's training level sets every ride's duration, kJ and TSS, and
// raises the best 20-min power of the rides in the following block.
std::vector<RideSummary> RisingLoadHistory() {
  std::vector<RideSummary> rides;
  double mmp20 = 200;
  for (size_t b = 0; b < kLevels.size(); ++b) {
    const double hours = 0.5 + 0.1 * kLevels[b];
    for (int w = 0; w < 4; ++w) {
      for (int d : {0, 2, 4, 5}) {
        RideSummary r;
        r.day = kFirstMonday + static_cast<DayNumber>(28 * b) + 7 * w + d;
        r.duration_s = hours * 3600;
        r.kj = 700 * hours;
        r.tss = 85 * hours;
        r.intensity_factor = 0.92;
        r.ftp = 250;
        r.time_in_zone_s = {hours * 1800, hours * 900, hours * 900, 0, 0, 0, 0};
        r.mmp = {{5, 800}, {60, 400}, {300, 300}, {1200, mmp20}};
        r.device = "Bike+";
        rides.push_back(r);
      }
    }
    mmp20 += 2 * kLevels[b];
  }
  return rides;
}

TEST(AnalyzeDrivers, LoadThatRisesBeforeFtpIsTheTopDriver) {
  const auto report = AnalyzeDrivers(RisingLoadHistory());
  ASSERT_EQ(report.weeks.size(), 68u);
  const auto& a = report.method_a;
  EXPECT_EQ(a.blocks, 16);
  EXPECT_EQ(a.valid_blocks, 16);
  ASSERT_FALSE(a.factors.empty());
  const auto& top = a.factors.front();
  EXPECT_TRUE(top.feature == "hours" || top.feature == "kJ" || top.feature == "TSS") << top.feature;
  EXPECT_NEAR(*top.rho, 1.0, 1e-12);
  EXPECT_FALSE(top.insufficient);
  EXPECT_NE(top.sentence.find("larger eFTP42 gains"), std::string::npos) << top.sentence;
  const auto tss = std::find_if(a.factors.begin(), a.factors.end(),
                                [](const FactorResult& f) { return f.feature == "TSS"; });
  ASSERT_NE(tss, a.factors.end());
  EXPECT_NEAR(*tss->rho, 1.0, 1e-12);
  EXPECT_NEAR(*tss->rho_valid_only, 1.0, 1e-12);
  ASSERT_TRUE(tss->bootstrap_ci);
  EXPECT_TRUE(tss->bootstrap_ci->Contains(*tss->rho_weekly_steps));
  EXPECT_GT(tss->bootstrap_ci->lo, 0.0);
  // Features that did not vary have no estimate and rank last.
  EXPECT_FALSE(a.factors.back().rho);
  // Method B: more hours, larger gain, with the other predictors held fixed.
  ASSERT_EQ(report.method_b.effects.size(), 4u);
  EXPECT_EQ(report.method_b.effects[0].feature, "hours");
  EXPECT_GT(*report.method_b.effects[0].beta, 0);
  EXPECT_FALSE(report.method_b.effects[1].beta);  // f_high never varied
  EXPECT_NE(report.method_b.effects[1].sentence.find("no estimate"), std::string::npos);
  EXPECT_TRUE(report.method_b.ridge);  // 16 blocks < 10 per predictor
  EXPECT_FALSE(report.method_b.insufficient);
  EXPECT_GT(*report.trend.theil_sen_per_week, 0);
  EXPECT_FALSE(report.trend.insufficient);
  EXPECT_TRUE(report.pitfalls.empty()) << report.pitfalls.front().message;
}

TEST(AnalyzeDrivers, SurfacesInsufficientDataAndOtherPitfalls) {
  auto rides = RisingLoadHistory();
  rides.resize(16 * 6);  // 6 blocks: 5 with an outcome change
  rides[3].device = "Bike";
  rides[4].ftp.reset();
  rides[5].every_n = 10;
  for (auto& r : rides) r.intensity_factor = 0.7;  // no benchmark efforts
  const auto report = AnalyzeDrivers(rides);
  EXPECT_EQ(report.method_a.blocks, 5);
  for (const auto& f : report.method_a.factors) {
    EXPECT_TRUE(f.insufficient) << f.feature;
    if (!f.rho) continue;
    EXPECT_NE(f.sentence.find("insufficient data"), std::string::npos) << f.sentence;
  }
  EXPECT_TRUE(report.method_b.insufficient);
  std::vector<PitfallKind> kinds;
  for (const auto& p : report.pitfalls) kinds.push_back(p.kind);
  for (auto k :
       {PitfallKind::kDeviceChange, PitfallKind::kMissingFtp, PitfallKind::kResolutionLimited,
        PitfallKind::kInsufficientData, PitfallKind::kFewBenchmarks}) {
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), k), kinds.end()) << static_cast<int>(k);
  }
}

TEST(FitPartialEffects, CollinearPredictorsWithoutRidgeAreInsufficientData) {
  // kJ is 700 x hours in every ride (§5.4: collinear by construction). Without ridge the two
  // effects cannot be told apart: no betas, insufficient data. Ridge splits them.
  const auto weeks = BuildWeeklyFeatures(RisingLoadHistory());
  DriversOptions options;
  options.partial_predictors = {"hours", "kJ"};
  options.ridge_lambda = 0;
  const auto ols = FitPartialEffects(weeks, options);
  EXPECT_EQ(ols.blocks, 16);
  EXPECT_TRUE(ols.insufficient);
  EXPECT_TRUE(ols.effects.empty());
  options.ridge_lambda = 1;
  const auto ridge = FitPartialEffects(weeks, options);
  EXPECT_FALSE(ridge.insufficient);
  ASSERT_EQ(ridge.effects.size(), 2u);
  EXPECT_NEAR(*ridge.effects[0].beta, *ridge.effects[1].beta, 1e-6);
}

TEST(RankDriversByBlocks, RelativeChangeUsesPercentOfTheBlockEnd) {
  const auto weeks = BuildWeeklyFeatures(RisingLoadHistory());
  const auto abs = RankDriversByBlocks(weeks);
  const auto rel = RankDriversByBlocks(weeks, {.relative_change = true});
  EXPECT_EQ(abs.blocks, rel.blocks);
  EXPECT_GT(*rel.factors.front().rho, 0.9);
}

TEST(RankDriversByBlocks, NoWeeksNoBlocks) {
  const auto a = RankDriversByBlocks({});
  EXPECT_EQ(a.blocks, 0);
  for (const auto& f : a.factors) EXPECT_FALSE(f.rho);
}

}  // namespace
}  // namespace pelo::analytics
