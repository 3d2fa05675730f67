#include "pelo/insights/ride_history.h"

#include <gtest/gtest.h>

#include "pelo/analytics/power_curve.h"
#include "unit/insights/listings.h"

namespace pelo::insights {
namespace {

using testing::Ride;

TEST(ClassTypeOf, NamesThePelotonClassType) {
  EXPECT_EQ(ClassTypeOf("30 min Power Zone Endurance Ride"), "Power Zone");
  EXPECT_EQ(ClassTypeOf("30 min HIIT & Hills Ride"), "HIIT");
  EXPECT_EQ(ClassTypeOf("20 min FTP Test Ride"), "FTP Test");
  EXPECT_EQ(ClassTypeOf("45 min Intervals & Arms Ride: Dancehall"), "Intervals");
  EXPECT_EQ(ClassTypeOf("30 min low impact ride"), "Low Impact");
  EXPECT_EQ(ClassTypeOf("30 min Climb Ride"), "Climb");
  EXPECT_EQ(ClassTypeOf("27 sec Just Ride"), "Scenic");
  EXPECT_EQ(ClassTypeOf("30 min 80s Ride"), "Other");
  EXPECT_EQ(ClassTypeOf(""), "Other");
}

TEST(RideDayLocal, IsTheCalendarDateInTheWorkoutsZone) {
  const int64_t noon = analytics::DayFromCivil(2026, 3, 1) * 86400 + 12 * 3600;
  EXPECT_EQ(analytics::RideDay(noon, ""), analytics::DayFromCivil(2026, 3, 1));
  EXPECT_EQ(analytics::RideDay(-1, ""), -1);
  // 03:00 UTC is the evening before in New York (UTC-5 in March before the switch).
  EXPECT_EQ(analytics::RideDay(noon - 9 * 3600, "America/New_York"),
            analytics::DayFromCivil(2026, 2, 28));
  EXPECT_EQ(analytics::RideDay(noon - 9 * 3600, "Nowhere/Nope"),
            analytics::DayFromCivil(2026, 3, 1));
}

TEST(BuildRideHistory, KeepsCyclingWithStartAndDurationOldestFirst) {
  auto late = Ride("late", 20'000, 50);
  auto early = Ride("early", 19'990, 60);
  auto yoga = Ride("yoga", 19'995, 0);
  yoga.discipline = "yoga";
  yoga.metrics.ftp_source = "";
  auto undated = Ride("undated", 19'996, 40);
  undated.start_time.reset();
  auto no_duration = Ride("no_duration", 19'997, 40);
  no_duration.metrics.duration_s.reset();
  auto pedaling_app = Ride("app", 19'998, 30);  // a bootcamp with pedaling metrics had an FTP
  pedaling_app.discipline = "bike_bootcamp";
  const RideHistory h = BuildRideHistory({late, yoga, early, undated, no_duration, pedaling_app});
  ASSERT_EQ(h.rides.size(), 3u);
  EXPECT_EQ(h.rides[0].workout_id, "early");
  EXPECT_EQ(h.rides[1].workout_id, "app");
  EXPECT_EQ(h.rides[2].workout_id, "late");
  EXPECT_EQ(h.rides[2].summary.day, 20'000);
  EXPECT_EQ(h.Loads()[0].load, 60);
}

TEST(BuildRideHistory, MapsTheStoredColumns) {
  auto r = Ride("a", 20'000, 80, 1800);
  auto& m = r.metrics;
  m.intensity_factor = 0.9;
  m.pz1_s = 100;
  m.pz7_s = 7;
  m.n_hi = 3;
  m.n_thr = 1;
  m.n_sprint = 2;
  m.t_hi_s = 250;
  m.mmp_5s = 600;
  m.mmp_1200s = 240;
  m.is_ftp_test = true;
  m.ftp_test_w = 228;
  m.every_n = 5;
  r.title = "20 min FTP Test Ride";
  r.ftp_info = model::FtpInfo{210, "ftp_workout_source", "t0"};
  const RideHistory h = BuildRideHistory({r});
  ASSERT_EQ(h.rides.size(), 1u);
  const analytics::RideSummary& s = h.rides[0].summary;
  EXPECT_EQ(s.duration_s, 1800);
  EXPECT_EQ(s.kj, 270);
  EXPECT_EQ(s.tss, 80);
  EXPECT_EQ(s.intensity_factor, 0.9);
  EXPECT_EQ(s.ftp, 200);
  EXPECT_EQ(s.time_in_zone_s[0], 100);
  EXPECT_EQ(s.time_in_zone_s[1], 0);
  EXPECT_EQ(s.time_in_zone_s[6], 7);
  EXPECT_EQ(s.n_hi, 3);
  EXPECT_EQ(s.n_thr, 1);
  EXPECT_EQ(s.n_sprint, 2);
  EXPECT_EQ(s.t_hi_s, 250);
  ASSERT_EQ(s.mmp.size(), 2u);
  EXPECT_EQ(s.mmp[0].seconds, 5);
  EXPECT_EQ(s.mmp[1].seconds, 1200);
  EXPECT_TRUE(s.is_ftp_test);
  EXPECT_EQ(s.ftp_test_result, 228);
  EXPECT_EQ(s.class_type, "FTP Test");
  EXPECT_EQ(s.device, "home_bike_v1");
  EXPECT_EQ(s.every_n, 5);
  const analytics::FtpRideRecord& f = h.rides[0].ftp;
  EXPECT_EQ(f.workout_id, "a");
  EXPECT_EQ(f.day, 20'000);
  ASSERT_TRUE(f.ftp_info);
  EXPECT_EQ(f.ftp_info->ftp, 210);
  EXPECT_TRUE(f.is_ftp_test);
  EXPECT_EQ(f.mmp20_watts, 240);
}

TEST(BuildRideHistory, ARideWithoutPowerHasNoDevice) {
  auto r = Ride("a", 20'000, 0);
  r.metrics.avg_power.reset();
  EXPECT_EQ(BuildRideHistory({r}).rides[0].summary.device, "");
}

TEST(BuildRideHistory, AddsTheStoredCurveInsideTheCpWindow) {
  auto r = Ride("a", 20'000, 80);
  r.metrics.mmp_300s = 300;
  const std::vector<int> grid = analytics::CurveGrid();
  model::RideCurveListing curve;
  curve.workout_id = "a";
  for (int d : grid) {
    if (d > 1800) break;
    curve.watts.push_back(250 + 18000.0 / d);
  }
  const RideHistory h = BuildRideHistory({r}, {curve});
  const auto& mmp = h.rides[0].summary.mmp;
  int in_window = 0;
  for (size_t i = 0; i < mmp.size(); ++i) {
    if (i > 0) {
      EXPECT_LT(mmp[i - 1].seconds, mmp[i].seconds);  // sorted, no duplicates
    }
    if (mmp[i].seconds > 120 && mmp[i].seconds <= 1200) ++in_window;
    if (mmp[i].seconds == 300) {
      EXPECT_EQ(mmp[i].watts, 300);  // the stored column wins
    }
  }
  EXPECT_EQ(in_window, 216);  // every 5 s from 125 to 1200
}

TEST(SteadyEfficiencyFactor, OnlySteadyAerobicRidesWithHeartRate) {
  model::RideMetricsRow m;
  m.ef = 1.4;
  m.duration_s = 3600;
  m.vi = 1.03;
  m.intensity_factor = 0.7;
  m.hrz1_s = 1000;
  m.hrz2_s = 2300;
  EXPECT_EQ(SteadyEfficiencyFactor(m), 1.4);
  auto short_ride = m;
  short_ride.duration_s = 1199;
  EXPECT_FALSE(SteadyEfficiencyFactor(short_ride));
  auto variable = m;
  variable.vi = 1.06;
  EXPECT_FALSE(SteadyEfficiencyFactor(variable));
  auto hard = m;
  hard.intensity_factor = 0.81;
  EXPECT_FALSE(SteadyEfficiencyFactor(hard));
  auto patchy_hr = m;
  patchy_hr.hrz2_s = 2000;  // 3000 of 3600 s with a heart rate: 83 %
  EXPECT_FALSE(SteadyEfficiencyFactor(patchy_hr));
}

}  // namespace
}  // namespace pelo::insights
