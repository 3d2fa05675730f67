#include "pelo/insights/drivers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "unit/insights/listings.h"

namespace pelo::insights {
namespace {

using testing::Ride;

// TV-26 through stored rides: TSS 100 on weekdays from day 1; on the test days the weekday's
// ride is an FTP test whose result is the model's performance. The fit must give back the
// model's parameters, with enough tests to count.
TEST(AnalyzeHistory, BanisterRecoversTv26FromFtpTests) {
  constexpr int64_t kFirst = 20'000;  // day 0 of the model: a rest day with no ride
  const std::vector<int> test_days = {10, 30, 50, 70, 90, 110, 119};
  std::vector<double> load(120, 0.0);
  for (int d = 1; d < 120; ++d) load[static_cast<size_t>(d)] = d % 7 == 5 || d % 7 == 6 ? 0 : 100;
  const auto responses = analytics::BanisterFeatures(load);
  std::vector<model::RideMetricsListing> rows;
  auto rest_day_zero = Ride("zero", kFirst, 0, 600);  // the history starts on day 0
  rows.push_back(rest_day_zero);
  for (int d = 1; d < 120; ++d) {
    if (load[static_cast<size_t>(d)] == 0) continue;
    auto r = Ride("d" + std::to_string(d), kFirst + d, 100);
    // Easy, threshold and hard days in turn, so the three load components all vary.
    (d % 3 == 0 ? r.metrics.pz2_s : d % 3 == 1 ? r.metrics.pz4_s : r.metrics.pz5_s) = 3600;
    if (std::find(test_days.begin(), test_days.end(), d) != test_days.end()) {
      const auto i = static_cast<size_t>(d);
      r.metrics.is_ftp_test = true;
      r.metrics.ftp_test_w = 250 + 0.1 * responses.fitness[i] - 0.2 * responses.fatigue[i];
    }
    rows.push_back(r);
  }
  ASSERT_EQ(
      std::count_if(rows.begin(), rows.end(), [](const auto& r) { return r.metrics.is_ftp_test; }),
      5);  // days 90 and 110 are weekend days (d % 7 is 6 and 5): no ride, no test
  const DriversAnalysis a = AnalyzeHistory(BuildRideHistory(rows));
  ASSERT_TRUE(a.banister.fit);
  EXPECT_EQ(a.banister.tests, 5);
  EXPECT_NEAR(a.banister.fit->p0, 250, 1e-6);
  EXPECT_NEAR(a.banister.fit->k1, 0.1, 1e-9);
  EXPECT_NEAR(a.banister.fit->k2, 0.2, 1e-9);
  EXPECT_TRUE(a.banister.fit->enough_tests);
  EXPECT_EQ(a.banister.note, "");
  ASSERT_TRUE(a.banister.components);
  EXPECT_EQ(a.banister.components->k1.size(), 3u);
}

// analytics.md §5.5 issue case through stored rides: 100 TSS every day for 400 days, ten FTP
// tests on days 300..390 (249 W on days divisible by 20, else 251 W). Enough tests, spread over
// 90 days, but fatigue is constant by then: no fit, and the note says why.
TEST(AnalyzeHistory, UniformLoadSaysInsufficientDataNotAFit) {
  std::vector<model::RideMetricsListing> rows;
  for (int d = 0; d < 400; ++d) {
    auto r = Ride("d" + std::to_string(d), 20'000 + d, 100);
    if (d >= 300 && d % 10 == 0) {
      r.metrics.is_ftp_test = true;
      r.metrics.ftp_test_w = d % 20 == 0 ? 249 : 251;
    }
    rows.push_back(r);
  }
  const DriversAnalysis a = AnalyzeHistory(BuildRideHistory(rows));
  EXPECT_EQ(a.banister.tests, 10);
  EXPECT_FALSE(a.banister.fit) << "a fit with R^2 " << a.banister.fit->r2;
  EXPECT_FALSE(a.banister.components);
  EXPECT_EQ(a.banister.note,
            "Insufficient data: the training load before the 10 FTP tests was too uniform to "
            "tell fitness from fatigue.");
}

TEST(AnalyzeHistory, FewTestsSayInsufficientData) {
  std::vector<model::RideMetricsListing> rows;
  for (int d = 0; d < 30; ++d) {
    auto r = Ride("d" + std::to_string(d), 20'000 + d, 80);
    if (d == 5 || d == 25) {
      r.metrics.is_ftp_test = true;
      r.metrics.ftp_test_w = 200 + d;
    }
    rows.push_back(r);
  }
  const DriversAnalysis a = AnalyzeHistory(BuildRideHistory(rows));
  EXPECT_EQ(a.banister.tests, 2);
  EXPECT_FALSE(a.banister.fit);
  EXPECT_NE(a.banister.note.find("Insufficient data: 2 FTP tests"), std::string::npos);
  EXPECT_EQ(TopDriver(a.findings), nullptr);  // 30 days: no block has an outcome change
  bool insufficient = false;
  for (const auto& p : a.findings.pitfalls) {
    insufficient = insufficient || p.kind == analytics::PitfallKind::kInsufficientData;
  }
  EXPECT_TRUE(insufficient);
}

TEST(TopDriver, IsTheFirstFactorWithANarrowEnoughInterval) {
  analytics::DriversFindings report;
  analytics::FactorResult wide;
  wide.feature = "hours";
  wide.rho = 0.9;
  wide.insufficient = true;
  analytics::FactorResult narrow;
  narrow.feature = "tss";
  narrow.rho = 0.6;
  narrow.insufficient = false;
  report.method_a.factors = {wide, narrow};
  ASSERT_NE(TopDriver(report), nullptr);
  EXPECT_EQ(TopDriver(report)->feature, "tss");
  EXPECT_EQ(FeaturePhrase("hours"), "time on the bike");
  EXPECT_EQ(FeaturePhrase("f_high"), "share of time in Z5-Z7");
  EXPECT_EQ(FeaturePhrase("no_such"), "no_such");
}

}  // namespace
}  // namespace pelo::insights
