// The bridge from a synced workout to its stored metrics: channels, every_n, FTP in effect
// (ftp_info, else the profile; cycling only) and max HR from /api/me.
#include "sync/ride_metrics_builder.h"

#include <gtest/gtest.h>

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
  EXPECT_DOUBLE_EQ(*row.if_, 0.8);
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
  EXPECT_FALSE(none.ftp || none.if_ || none.tss || none.pz1_s);
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
  EXPECT_FALSE(row.ftp || row.avg_power || row.kj || row.np || row.vi || row.if_ || row.tss ||
               row.mmp_1s || row.ef || row.pz1_s || row.moving_time_s);
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

}  // namespace
}  // namespace pelo::sync
