// The weekly feature table of ../shared/docs/analytics.md §5.2 and the outcomes of §5.1.
#include "pelo/analytics/weekly_features.h"

#include <gtest/gtest.h>

#include <cmath>

#include "pelo/analytics/pmc.h"

namespace pelo::analytics {
namespace {

const DayNumber kMonday = DayFromCivil(2024, 1, 1);

RideSummary Ride(DayNumber day, double hours, double tss, double ftp = 250) {
  RideSummary r;
  r.day = day;
  r.duration_s = hours * 3600;
  r.kj = 700 * hours;
  r.tss = tss;
  r.intensity_factor = std::sqrt(tss / 100 / hours);
  r.ftp = ftp;
  return r;
}

TEST(Days, IsoWeeksStartOnMonday) {
  EXPECT_EQ(DayFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(IsoWeekStart(kMonday), kMonday);
  EXPECT_EQ(IsoWeekStart(kMonday + 6), kMonday);
  EXPECT_EQ(IsoWeekStart(kMonday + 7), kMonday + 7);
  EXPECT_EQ(IsoWeekStart(0), -3);  // Thursday 1970-01-01
}

TEST(BuildWeeklyFeatures, SumsAWeekAndKeepsRestWeeks) {
  auto a = Ride(kMonday + 1, 1.0, 64);  // IF 0.8
  a.time_in_zone_s = {1800, 1080, 180, 180, 360, 0, 0};
  a.mmp = {{5, 900}, {60, 450}, {300, 320}, {1200, 280}};
  a.n_hi = 2;
  a.t_hi_s = 360;
  a.class_type = "Power Zone";
  a.device = "Bike+";
  auto b = Ride(kMonday + 3, 0.5, 45);  // IF ~0.95: a 30-min benchmark
  b.mmp = {{5, 700}, {60, 500}, {1200, 260}};
  b.efficiency_factor = 1.4;
  b.class_type = "HIIT";
  auto c = Ride(kMonday + 16, 1.0, 50);  // the third week; the second is rest
  c.ftp.reset();
  const auto weeks = BuildWeeklyFeatures({c, a, b});
  ASSERT_EQ(weeks.size(), 3u);
  const auto& w = weeks[0];
  EXPECT_EQ(w.week_start, kMonday);
  EXPECT_DOUBLE_EQ(w.hours, 1.5);
  EXPECT_EQ(w.rides, 2);
  EXPECT_DOUBLE_EQ(w.kj, 1050);
  EXPECT_DOUBLE_EQ(w.tss, 109);
  EXPECT_NEAR(*w.f_low, 0.8, 1e-12);
  EXPECT_NEAR(*w.f_mid, 0.1, 1e-12);
  EXPECT_NEAR(*w.f_high, 0.1, 1e-12);
  EXPECT_NEAR(*w.polarization_index, std::log10(80), 1e-12);
  EXPECT_EQ(w.n_hi, 2);
  EXPECT_EQ(w.t_hi_s, 360);
  EXPECT_NEAR(*w.mmp5_rel, 3.6, 1e-12);
  EXPECT_NEAR(*w.mmp60_rel, 2.0, 1e-12);
  EXPECT_NEAR(*w.mmp300_rel, 1.28, 1e-12);
  EXPECT_NEAR(*w.if_max, std::sqrt(0.9), 1e-12);
  EXPECT_EQ(w.n_hard, 1);
  EXPECT_EQ(w.class_types.at("HIIT"), 1);
  EXPECT_EQ(w.devices, std::vector<std::string>{"Bike+"});
  EXPECT_TRUE(w.has_benchmark);
  EXPECT_NEAR(*w.eftp42, 0.95 * 280, 1e-12);
  EXPECT_NEAR(*w.ef_median, 1.4, 1e-12);
  EXPECT_EQ(*w.mmp5_42, 900);
  // The PMC starts the day before the first ride and runs through rest days.
  const auto pmc = ComputePmc({{kMonday + 1, 64}, {kMonday + 3, 45}, {kMonday + 16, 50}},
                              kMonday + 1, kMonday + 20);
  EXPECT_EQ(w.ctl_start, 0);
  EXPECT_NEAR(w.ctl_end, pmc[5].ctl, 1e-12);
  EXPECT_NEAR(weeks[1].ctl_start, pmc[5].ctl, 1e-12);
  EXPECT_NEAR(weeks[2].ramp, pmc[19].ramp, 1e-12);
  EXPECT_EQ(weeks[1].rides, 0);
  EXPECT_FALSE(weeks[1].f_low);
  EXPECT_NEAR(*weeks[1].eftp42, 0.95 * 280, 1e-12);  // still in the 42-day window
  EXPECT_FALSE(weeks[1].ef_median);
  EXPECT_FALSE(weeks[2].f_low);  // no FTP: volume only
  EXPECT_DOUBLE_EQ(weeks[2].hours, 1.0);
}

TEST(BuildWeeklyFeatures, CoversUpToTheLastDayAndFitsCp42) {
  auto r = Ride(kMonday, 1, 70);
  for (int t = 121; t <= 1200; t += 30) r.mmp.push_back({t, 250 + 18000.0 / t});
  const auto weeks = BuildWeeklyFeatures({r}, {.last_day = kMonday + 60});
  ASSERT_EQ(weeks.size(), 9u);
  EXPECT_NEAR(*weeks[0].cp42, 250, 1e-6);
  EXPECT_NEAR(*weeks[0].w_prime42, 18000, 1e-3);
  EXPECT_FALSE(weeks[6].cp42);  // the ride left the 42-day window
  EXPECT_TRUE(BuildWeeklyFeatures({}).empty());
}

TEST(WeeklyFeatureCatalogue, NamesAreUniqueAndFindable) {
  for (const auto& f : WeeklyFeatureCatalogue()) EXPECT_EQ(FindFeature(f.name), &f);
  EXPECT_EQ(FindFeature("nope"), nullptr);
  EXPECT_EQ(FindFeature("CTL_start")->aggregate, BlockAggregate::kFirst);
}

}  // namespace
}  // namespace pelo::analytics
