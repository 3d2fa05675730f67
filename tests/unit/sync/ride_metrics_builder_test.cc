// The bridge from a synced workout to its stored metrics: channels, every_n, FTP in effect
// (ftp_info, else the profile; cycling only) and max HR from /api/me.
#include "sync/ride_metrics_builder.h"

#include <gtest/gtest.h>

#include "pelo/analytics/power_curve.h"
#include "pelo/model/ride_metric_fields.h"

namespace pelo::sync {
namespace {

model::Metric Channel(const std::string& slug, size_t n, double value) {
  model::Metric m;
  m.slug = slug;
  m.values.assign(n, value);
  return m;
}

// `seconds` of samples at `every_n`: output 200 W, cadence 80, HR 140 (when asked).
store::WorkoutBundle Bundle(const std::string& discipline, int seconds, int every_n,
                            bool power = true) {
  store::WorkoutBundle b;
  b.workout.id = "w1";
  b.workout.fitness_discipline = discipline;
  b.every_n = every_n;
  const size_t n = static_cast<size_t>(seconds / every_n);
  for (size_t i = 0; i < n; ++i) {
    b.graph.seconds_since_pedaling_start.push_back(static_cast<int64_t>(i) * every_n);
  }
  if (power) {
    b.graph.metrics.push_back(Channel("output", n, 200));
    b.graph.metrics.push_back(Channel("cadence", n, 80));
  }
  b.graph.metrics.push_back(Channel("heart_rate", n, 140));
  return b;
}

model::User Profile(double workout_ftp) {
  model::User u;
  u.id = "u1";
  u.cycling_ftp_source = "ftp_workout_source";
  u.cycling_workout_ftp = workout_ftp;
  return u;
}

double Sum(const std::initializer_list<std::optional<double>>& values) {
  double sum = 0;
  for (const auto& v : values) sum += v.value_or(0);
  return sum;
}

TEST(RideMetricsBuilderTest, ACyclingRideUsesItsOwnFtpInfoAndFillsEveryPowerColumn) {
  store::WorkoutBundle b = Bundle("cycling", 3600, 1);
  b.workout.ftp_info = model::FtpInfo{250.0, "ftp_workout_source", "t1"};
  const model::RideMetricsRow row = BuildRideMetrics(b, Profile(300));
  EXPECT_EQ(row.workout_id, "w1");
  EXPECT_EQ(row.metrics_version, kRideMetricsVersion);
  EXPECT_EQ(row.ftp, 250.0);
  EXPECT_EQ(row.ftp_source, kFtpFromWorkout);
  EXPECT_EQ(row.duration_s, 3600.0);
  EXPECT_EQ(row.moving_time_s, 3600.0);
  EXPECT_DOUBLE_EQ(*row.np, 200.0);
  EXPECT_DOUBLE_EQ(*row.intensity_factor, 0.8);
  EXPECT_NEAR(*row.tss, 64.0, 1e-9);  // TV-4c
  EXPECT_DOUBLE_EQ(*row.kj, 720.0);
  EXPECT_EQ(row.mmp_3600s, 200.0);
  EXPECT_EQ(row.pz3_s, 3600.0);  // 200 W = 80 % of 250: tempo
  EXPECT_EQ(Sum({row.pz1_s, row.pz2_s, row.pz3_s, row.pz4_s, row.pz5_s, row.pz6_s, row.pz7_s}),
            3600.0);
  EXPECT_EQ(row.avg_hr, 140.0);
  EXPECT_TRUE(row.ef && row.trimp && row.decoupling);
}

TEST(RideMetricsBuilderTest, ARideWithoutFtpInfoFallsBackToTheProfileFtp) {
  store::WorkoutBundle b = Bundle("cycling", 600, 5);
  const model::RideMetricsRow row = BuildRideMetrics(b, Profile(200));
  EXPECT_EQ(row.ftp, 200.0);
  EXPECT_EQ(row.ftp_source, kFtpFromProfile);
  EXPECT_EQ(row.duration_s, 600.0);  // 120 samples held 5 s each
  EXPECT_EQ(row.pz4_s, 600.0);       // 100 % of FTP: threshold
  EXPECT_FALSE(row.mmp_1200s);       // longer than the ride
  // A manual ftp_info is a 20-minute average: x0.95.
  b.workout.ftp_info = model::FtpInfo{200.0, "ftp_manual_source", ""};
  EXPECT_EQ(BuildRideMetrics(b, Profile(300)).ftp, 190.0);
  // Neither: no FTP, no FTP-relative metric; the rest stays.
  b.workout.ftp_info.reset();
  const model::RideMetricsRow none = BuildRideMetrics(b, std::nullopt);
  EXPECT_FALSE(none.ftp || none.intensity_factor || none.tss || none.pz1_s);
  EXPECT_EQ(none.ftp_source, "");
  EXPECT_DOUBLE_EQ(*none.np, 200.0);
}

TEST(RideMetricsBuilderTest, OnlyCyclingAndPedalingWorkoutsGetAnFtp) {
  store::WorkoutBundle run = Bundle("running", 1200, 1);
  EXPECT_FALSE(BuildRideMetrics(run, Profile(250)).ftp);
  run.workout.has_pedaling_metrics = true;  // e.g. a bike bootcamp
  EXPECT_EQ(BuildRideMetrics(run, Profile(250)).ftp, 250.0);
}

TEST(RideMetricsBuilderTest, AWorkoutWithoutPowerGetsDurationAndHeartRateOnly) {
  const model::RideMetricsRow row =
      BuildRideMetrics(Bundle("yoga", 1800, 1, /*power=*/false), Profile(250));
  EXPECT_EQ(row.duration_s, 1800.0);
  EXPECT_EQ(row.avg_hr, 140.0);
  EXPECT_TRUE(row.trimp);
  EXPECT_TRUE(row.hrz1_s);
  EXPECT_FALSE(row.ftp || row.avg_power || row.kj || row.np || row.vi || row.intensity_factor ||
               row.tss || row.mmp_1s || row.ef || row.pz1_s || row.moving_time_s);
}

TEST(RideMetricsBuilderTest, MaxHeartRateComesFromTheProfile) {
  EXPECT_EQ(RideSettingsFor(std::nullopt).max_hr_bpm, analytics::RideSettings().max_hr_bpm);
  model::User u;
  u.default_max_heart_rate = 176;
  EXPECT_EQ(RideSettingsFor(u).max_hr_bpm, 176);
  u.customized_max_heart_rate = 181;
  EXPECT_EQ(RideSettingsFor(u).max_hr_bpm, 181);
  u.customized_max_heart_rate = 0;  // not set
  EXPECT_EQ(RideSettingsFor(u).max_hr_bpm, 176);
  // 140 bpm is 77.8 % of 180: zone 3; of 220 (63.6 %): zone 1.
  store::WorkoutBundle b = Bundle("yoga", 600, 1, false);
  u.default_max_heart_rate = 180;
  EXPECT_EQ(BuildRideMetrics(b, u).hrz3_s, 600.0);
  u.default_max_heart_rate = 220;
  EXPECT_EQ(BuildRideMetrics(b, u).hrz1_s, 600.0);
}

TEST(RideMetricsBuilderTest, TheWorkoutsOwnHeartRateZonesWin) {
  store::WorkoutBundle b = Bundle("yoga", 600, 1, false);
  const double lower[] = {0, 100, 130, 150, 170};
  for (int z = 0; z < 5; ++z) {
    b.graph.metrics.back().zones.push_back(
        {"zone" + std::to_string(z + 1), lower[z], std::nullopt, std::nullopt});
  }
  model::User u;
  u.default_max_heart_rate = 220;  // would say zone 1
  EXPECT_EQ(BuildRideMetrics(b, u).hrz3_s, 600.0);
}

// `values` as a 1 Hz output channel of a cycling workout.
store::WorkoutBundle PowerBundle(const std::vector<double>& values, int every_n = 1) {
  store::WorkoutBundle b;
  b.workout.id = "w1";
  b.workout.fitness_discipline = "cycling";
  b.every_n = every_n;
  model::Metric output;
  output.slug = "output";
  for (size_t i = 0; i < values.size(); ++i) {
    b.graph.seconds_since_pedaling_start.push_back(static_cast<int64_t>(i) * every_n);
    output.values.push_back(values[i]);
  }
  b.graph.metrics.push_back(output);
  return b;
}

TEST(RideMetricsBuilderTest, TheCurveIsRideCurveOnTheGridUpToTheRidesLength) {
  std::vector<double> power;
  for (int i = 0; i < 700; ++i) power.push_back(100 + (i * 37) % 211);
  const RideRows rows = ComputeRideRows(PowerBundle(power), {});
  ASSERT_TRUE(rows.curve_w.has_value());
  const std::vector<int> grid = analytics::CurveGrid();
  const std::vector<std::optional<double>> expected = analytics::RideCurve(power, grid);
  // 1..120 s, then every 5 s to 700 s: 120 + 116 points; none past the ride.
  ASSERT_EQ(rows.curve_w->size(), 236u);
  for (size_t i = 0; i < grid.size(); ++i) {
    if (i < rows.curve_w->size()) {
      EXPECT_EQ((*rows.curve_w)[i], expected[i]) << grid[i];  // bit for bit
    } else {
      EXPECT_FALSE(expected[i].has_value()) << grid[i];
    }
  }
  // The stored MMP columns are the same numbers.
  EXPECT_EQ(rows.metrics.mmp_1s, (*rows.curve_w)[0]);
  EXPECT_EQ(rows.metrics.mmp_300s, (*rows.curve_w)[120 + (300 - 125) / 5]);
  // No power, no curve.
  EXPECT_FALSE(ComputeRideRows(Bundle("yoga", 600, 1, false), {}).curve_w.has_value());
}

TEST(RideMetricsBuilderTest, AHeldGraphsCurveRunsOnTheExpandedSeries) {
  const RideRows rows = ComputeRideRows(PowerBundle({100, 300, 200}, 5), {});
  ASSERT_TRUE(rows.curve_w.has_value());
  ASSERT_EQ(rows.curve_w->size(), 15u);  // 3 samples x 5 s
  EXPECT_EQ(rows.curve_w->front(), 300);
  EXPECT_EQ((*rows.curve_w)[4], 300);  // 5 s: one held sample
  EXPECT_EQ(rows.metrics.every_n, 5);
}

TEST(RideMetricsBuilderTest, AnFtpTestIsToldByItsTitleAndGivesNinetyFivePercentOfMmp20) {
  store::WorkoutBundle b = PowerBundle(std::vector<double>(1500, 210.4));
  b.workout.ftp_info = model::FtpInfo{180.0, "ftp_workout_source", "earlier-test"};
  EXPECT_FALSE(ComputeRideRows(b, {}).metrics.is_ftp_test);  // ftp_workout_id is not this ride
  b.workout.ride = model::Ride{};
  b.workout.ride->title = "20 min FTP Test Ride";
  const model::RideMetricsRow row = ComputeRideRows(b, {}).metrics;
  EXPECT_TRUE(row.is_ftp_test);
  EXPECT_EQ(row.ftp_test_w, 200);  // TV-18: round(0.95 x 210.4)
  EXPECT_EQ(row.ftp, 180);         // the FTP it was ridden at stays the one going in
  // Shorter than 20 minutes: a test without a result.
  store::WorkoutBundle short_test = PowerBundle(std::vector<double>(1100, 210.4));
  short_test.workout.ride = b.workout.ride;
  const model::RideMetricsRow partial = ComputeRideRows(short_test, {}).metrics;
  EXPECT_TRUE(partial.is_ftp_test);
  EXPECT_FALSE(partial.ftp_test_w);
}

TEST(RideMetricsBuilderTest, IntervalsAndTimeAboveThresholdNeedAnFtp) {
  // TV-20 at FTP 250: five 60 s intervals, 317 s at >= 105 %.
  std::vector<double> p(300, 100);
  auto add = [&p](int seconds, double watts) { p.insert(p.end(), seconds, watts); };
  add(30, 300);
  add(3, 200);
  add(27, 300);
  add(60, 100);
  for (int i = 0; i < 4; ++i) {
    add(60, 300);
    add(60, 100);
  }
  add(20, 400);
  add(120, 100);
  store::WorkoutBundle b = PowerBundle(p);
  b.workout.ftp_info = model::FtpInfo{250.0, "ftp_workout_source", ""};
  const model::RideMetricsRow row = ComputeRideRows(b, {}).metrics;
  EXPECT_EQ(row.n_hi, 5);
  EXPECT_EQ(row.t_hi_s, 317);
  EXPECT_TRUE(row.n_thr && row.n_sprint);
  b.workout.ftp_info.reset();
  const model::RideMetricsRow none = ComputeRideRows(b, {}).metrics;
  EXPECT_FALSE(none.n_hi || none.n_thr || none.n_sprint || none.t_hi_s);
}

TEST(RideMetricsBuilderTest, AnFtpFromTheHistoryIsUsedOnlyWithoutAnFtpInfoFtp) {
  store::WorkoutBundle b = Bundle("cycling", 600, 1);
  RideMetricsContext context;
  context.user = Profile(300);
  context.ftp = FtpInEffect{250, kFtpFromTest};
  model::RideMetricsRow row = ComputeRideRows(b, context).metrics;
  EXPECT_EQ(row.ftp, 250);
  EXPECT_EQ(row.ftp_source, "ftp_test");
  EXPECT_DOUBLE_EQ(*row.intensity_factor, 0.8);
  b.workout.ftp_info = model::FtpInfo{200.0, "ftp_workout_source", ""};
  row = ComputeRideRows(b, context).metrics;
  EXPECT_EQ(row.ftp, 200);
  EXPECT_EQ(row.ftp_source, "workout_ftp_info");
  // Not a ride: no FTP whatever the history says.
  EXPECT_FALSE(ComputeRideRows(Bundle("running", 600, 1), context).metrics.ftp);
}

TEST(RideMetricsBuilderTest, TheAthletesOwnSettingsWinOverTheProfile) {
  model::User u;
  u.customized_max_heart_rate = 181;
  analytics::AthleteSettings own;
  EXPECT_EQ(RideSettingsFor(u, own).max_hr_bpm, 181);
  own.max_hr_bpm = 172;
  own.resting_hr_bpm = 48;
  own.lthr_bpm = 160;
  own.sex = analytics::Sex::kFemale;
  const analytics::RideSettings s = RideSettingsFor(u, own);
  EXPECT_EQ(s.max_hr_bpm, 172);
  EXPECT_EQ(s.resting_hr_bpm, 48);
  EXPECT_EQ(s.lthr_bpm, 160);
  EXPECT_EQ(s.sex, analytics::Sex::kFemale);
  own.max_hr_bpm = 0;  // not set
  EXPECT_EQ(RideSettingsFor(u, own).max_hr_bpm, 181);
  // TRIMP follows them.
  store::WorkoutBundle b = Bundle("yoga", 1800, 1, false);
  RideMetricsContext context;
  context.user = u;
  const auto profile_trimp = ComputeRideRows(b, context).metrics.trimp;
  context.athlete.max_hr_bpm = 160;
  const auto own_trimp = ComputeRideRows(b, context).metrics.trimp;
  ASSERT_TRUE(profile_trimp && own_trimp);
  EXPECT_GT(*own_trimp, *profile_trimp);  // the same 140 bpm is a larger share of a lower max
}

TEST(RideMetricsBuilderTest, AnHourLongFtpTestWithPowerAndHeartRateFillsEveryMetricOfTheRegistry) {
  store::WorkoutBundle b = Bundle("cycling", 3600, 1);
  b.workout.ftp_info = model::FtpInfo{250.0, "ftp_workout_source", ""};
  b.workout.ride = model::Ride{};
  b.workout.ride->title = "60 min FTP Test Ride";
  const model::RideMetricsRow row = ComputeRideRows(b, {}).metrics;
  for (const model::RideMetricField& field : model::kRideMetricFields) {
    EXPECT_TRUE(model::RideMetricValue(field, row)) << field.name << " is NA";
  }
  EXPECT_TRUE(row.is_ftp_test);
  EXPECT_EQ(row.ftp_test_w, 190);  // 0.95 x 200 W
}

}  // namespace
}  // namespace pelo::sync
