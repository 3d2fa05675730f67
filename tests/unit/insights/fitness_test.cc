#include "pelo/insights/fitness.h"

#include <gtest/gtest.h>

#include <cmath>

#include "unit/insights/listings.h"

namespace pelo::insights {
namespace {

using testing::Ride;

// TV-16 through the stored rows: TSS 100 on days 1-14, then rest to day 21.
TEST(FitnessSeries, ReproducesTv16FromStoredRides) {
  constexpr int64_t kDay1 = 20'000;
  std::vector<model::RideMetricsListing> rows;
  for (int d = 0; d < 14; ++d) rows.push_back(Ride("r" + std::to_string(d), kDay1 + d, 100));
  FitnessOptions options;
  options.today = kDay1 + 20;
  const auto days = FitnessSeries(BuildRideHistory(rows), options);
  ASSERT_EQ(days.size(), 21u);
  auto at = [&](int day) { return days[static_cast<size_t>(day - 1)]; };
  EXPECT_EQ(at(1).day, kDay1);
  EXPECT_NEAR(at(1).ctl, 2.3528, 1e-4);
  EXPECT_NEAR(at(1).atl, 13.3122, 1e-4);
  EXPECT_NEAR(at(7).tsb, -44.2505, 1e-4);
  EXPECT_NEAR(at(14).ctl, 28.3469, 1e-4);
  EXPECT_NEAR(at(14).atl, 86.4665, 1e-4);
  EXPECT_NEAR(at(15).tsb, -58.1196, 1e-4);
  EXPECT_NEAR(at(21).ctl, 23.9951, 1e-4);
  EXPECT_NEAR(at(21).ramp, -4.3518, 1e-4);
  EXPECT_EQ(at(21).load, 0);

  options.variant = analytics::PmcVariant::kTrainingPeaks;  // TV-16b
  const auto tp = FitnessSeries(BuildRideHistory(rows), options);
  EXPECT_NEAR(tp[0].ctl, 2.3810, 1e-4);
  EXPECT_NEAR(tp[13].atl, 88.4457, 1e-4);
  EXPECT_NEAR(tp[20].ctl, 24.1904, 1e-4);
}

TEST(FitnessSeries, SeveralRidesOnADayAddUpAndRangesCut) {
  const std::vector<model::RideMetricsListing> rows = {Ride("a", 100, 40), Ride("b", 100, 60),
                                                       Ride("c", 110, 50)};
  FitnessOptions options;
  options.today = 90;  // before the last ride: the series still reaches it
  auto days = FitnessSeries(BuildRideHistory(rows), options);
  ASSERT_EQ(days.size(), 11u);
  EXPECT_EQ(days.front().load, 100);
  options.since = 105;
  options.until = 108;
  days = FitnessSeries(BuildRideHistory(rows), options);
  ASSERT_EQ(days.size(), 4u);
  EXPECT_EQ(days.front().day, 105);
  EXPECT_EQ(days.back().day, 108);
  EXPECT_TRUE(FitnessSeries(BuildRideHistory({}), options).empty());
}

TEST(FormWord, UsesTheUsualBands) {
  EXPECT_EQ(FormWord(30), "very fresh (losing fitness)");
  EXPECT_EQ(FormWord(10), "fresh");
  EXPECT_EQ(FormWord(0), "neutral");
  EXPECT_EQ(FormWord(-20), "training hard (productive fatigue)");
  EXPECT_EQ(FormWord(-31), "very fatigued");
}

TEST(BuildFtpSummary, CurrentIsTheNewestTestAndEftpIsToday) {
  std::vector<model::RideMetricsListing> rows;
  auto test = [&](const std::string& id, int64_t day, double mmp20) {
    auto r = Ride(id, day, 60, 1200);
    r.title = "20 min FTP Test Ride";
    r.metrics.is_ftp_test = true;
    r.metrics.mmp_1200s = mmp20;
    r.metrics.ftp_test_w = std::round(0.95 * mmp20);
    rows.push_back(r);
  };
  test("t1", 1000, 200);
  test("t2", 1060, 220);
  auto hard = Ride("hard", 1070, 90);
  hard.metrics.mmp_1200s = 230;
  rows.push_back(hard);
  const FtpSummary report = BuildFtpSummary(BuildRideHistory(rows), 1080);
  ASSERT_TRUE(report.current);
  EXPECT_EQ(report.current->workout_id, "t2");
  EXPECT_EQ(report.current->ftp, 209);
  EXPECT_EQ(report.current->kind, analytics::FtpChangeKind::kTested);
  ASSERT_TRUE(report.first);
  EXPECT_EQ(report.first->ftp, 190);
  ASSERT_TRUE(report.eftp_today);
  EXPECT_NEAR(report.eftp_today->watts, 0.95 * 230, 1e-9);
  EXPECT_EQ(report.eftp_today->age_days, 10);
  EXPECT_FALSE(report.eftp_today->stale);
  EXPECT_EQ(RideTitle(BuildRideHistory(rows), "t1"), "20 min FTP Test Ride");
  EXPECT_EQ(RideTitle(BuildRideHistory(rows), "nope"), "");
}

TEST(BuildFtpSummary, TrendIsTheSlopeOfWeeklyEftp) {
  // One 20-minute effort a week, 2 W better each week: eFTP42 rises 0.95 x 2 W a week.
  std::vector<model::RideMetricsListing> rows;
  const int64_t monday = analytics::IsoWeekStart(20'000);
  for (int w = 0; w < 20; ++w) {
    auto r = Ride("w" + std::to_string(w), monday + 7 * w + 2, 70);
    r.metrics.mmp_1200s = 200 + 2 * w;
    rows.push_back(r);
  }
  const FtpSummary report = BuildFtpSummary(BuildRideHistory(rows), monday + 7 * 19 + 6);
  ASSERT_TRUE(report.eftp_trend_w_per_week);
  EXPECT_NEAR(*report.eftp_trend_w_per_week, 1.9, 1e-9);
  EXPECT_EQ(report.trend_weeks, kFtpTrendWeeks);
}

TEST(ZonesByPeriod, SumsEveryDisciplineAndKeepsEmptyPeriods) {
  const int64_t monday = analytics::IsoWeekStart(analytics::DayFromCivil(2026, 1, 28));
  auto a = Ride("a", monday, 50, 1800);
  a.metrics.pz2_s = 1000;
  a.metrics.hrz3_s = 900;
  auto b = Ride("b", monday + 6, 30, 1200);  // Sunday: the same ISO week
  b.metrics.pz2_s = 500;
  auto run = Ride("run", monday + 21, 0, 3600);
  run.discipline = "running";
  run.metrics.hrz4_s = 3000;
  const auto weeks = ZonesByPeriod({run, a, b}, ZonePeriod::kWeek);
  ASSERT_EQ(weeks.size(), 4u);
  EXPECT_EQ(weeks[0].start, monday);
  EXPECT_EQ(weeks[0].workouts, 2);
  EXPECT_DOUBLE_EQ(weeks[0].hours, 0.8333333333333334);
  EXPECT_EQ(weeks[0].tss, 80);
  EXPECT_EQ(weeks[0].power_zone_s[1], 1500);
  EXPECT_EQ(weeks[0].hr_zone_s[2], 900);
  EXPECT_EQ(weeks[1].workouts, 0);
  EXPECT_EQ(weeks[2].start, monday + 14);
  EXPECT_EQ(weeks[3].hr_zone_s[3], 3000);

  const auto months = ZonesByPeriod({run, a, b}, ZonePeriod::kMonth);
  ASSERT_EQ(months.size(), 2u);  // 2026-01-26 .. 2026-02-16
  EXPECT_EQ(analytics::FormatDay(months[0].start), "2026-01-01");
  EXPECT_EQ(analytics::FormatDay(months[1].start), "2026-02-01");
  EXPECT_EQ(months[0].workouts + months[1].workouts, 3);
}

}  // namespace
}  // namespace pelo::insights
