// ComputeRideMetrics against the §2 test vectors of ../shared/docs/analytics.md (Ride A, Ride B,
// TV-1, TV-10b, TV-15) and the §1.2(1) every_n invariants; rides without power or HR.
#include "pelo/analytics/ride_metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "rides.h"

namespace pelo::analytics {
namespace {

using testing::BlockMeans;
using testing::RideA;
using testing::Seg;
using testing::ToSamples;

RideInput RideAInput(int every_n) {
  RideInput in;
  in.every_n = every_n;
  in.output_w = ToSamples(every_n == 1 ? RideA() : BlockMeans(RideA(), every_n));
  in.ftp_w = 250;
  return in;
}

void ExpectRideAPowerMetrics(const RideMetrics& m) {
  EXPECT_EQ(m.duration_s, 3600.0);
  EXPECT_NEAR(*m.avg_power_w, 191.5833, 1e-4);
  EXPECT_NEAR(*m.nonzero_avg_power_w, 191.5833, 1e-4);
  EXPECT_NEAR(*m.work_kj, 689.7, 1e-6);
  const double mmp[] = {900.0, 900.0, 525.0, 487.5, 355.6667, 280.2083, 191.5833};
  for (size_t k = 0; k < 7; ++k) EXPECT_NEAR(*m.mmp_w[k], mmp[k], 1e-4) << kMmpDurationsS[k];
  EXPECT_NEAR(*m.np_w, 236.4816, 1e-4);
  EXPECT_NEAR(*m.np_gc_w, 236.0187, 1e-4);
  EXPECT_NEAR(*m.variability_index, 1.2344, 1e-4);
  EXPECT_NEAR(*m.intensity_factor, 0.9459, 1e-4);
  EXPECT_NEAR(*m.tss, 89.478, 1e-3);
  EXPECT_NEAR(*m.tss_per_hour, 89.478, 1e-3);
  EXPECT_NEAR(*m.xpower_w, 233.0826, 1e-4);
  EXPECT_NEAR(*m.relative_intensity, 233.0826 / 250, 1e-4);
  EXPECT_NEAR(*m.bike_score, 86.924, 1e-3);
  EXPECT_EQ(*m.power_zone_s, (PowerZoneSeconds{1435, 600, 0, 1200, 0, 300, 65}));
  ASSERT_EQ(m.hi_intervals->size(), 1u);
  EXPECT_EQ((*m.hi_intervals)[0].start_s, 1800);
  EXPECT_EQ((*m.hi_intervals)[0].length_s, 365);
  EXPECT_NEAR((*m.hi_intervals)[0].mean_power_w, 349.315, 1e-3);
}

TEST(ComputeRideMetrics, RideAAtFtp250Tv2To5Tv13Tv20) {
  const auto m = ComputeRideMetrics(RideAInput(1));
  ExpectRideAPowerMetrics(m);
  EXPECT_EQ(m.mmp_resolution_limited, (std::array<bool, 7>{}));
  EXPECT_FALSE(m.moving_time_s.has_value());  // no cadence or speed channel
  EXPECT_FALSE(m.avg_hr_bpm.has_value());
  EXPECT_FALSE(m.hr_zone_s.has_value());
  EXPECT_FALSE(m.trimp.has_value());
  EXPECT_FALSE(m.decoupling_pct.has_value());
}

TEST(ComputeRideMetrics, RideAFromFiveSecondSamplesIsTheSameTv7Tv13) {
  const auto m = ComputeRideMetrics(RideAInput(5));
  ExpectRideAPowerMetrics(m);
  EXPECT_TRUE(m.mmp_resolution_limited[0]);  // 1 s < every_n
  EXPECT_FALSE(m.mmp_resolution_limited[1]);
}

TEST(ComputeRideMetrics, RideBHeartRateEfDecouplingTv14) {
  RideInput in;
  in.output_w = ToSamples(testing::RideBPower());
  in.heart_rate_bpm = ToSamples(testing::RideBHeartRate());
  in.cadence_rpm = Samples(3600, 90.0);
  in.ftp_w = 250;
  const auto m = ComputeRideMetrics(in);
  EXPECT_NEAR(*m.np_w, 200.0, 1e-4);
  EXPECT_NEAR(*m.avg_hr_bpm, 143.5, 1e-4);
  EXPECT_NEAR(*m.efficiency_factor, 1.39373, 1e-5);
  EXPECT_TRUE(m.ef_steady);  // VI 1, IF 0.80
  EXPECT_NEAR(*m.decoupling_pct, 4.7619, 1e-4);
  EXPECT_TRUE(m.decoupling_valid);
  EXPECT_EQ(m.moving_time_s, 3600.0);
  EXPECT_NEAR(*m.tss, 64.0, 1e-9);  // TV-4c: NP 200 at FTP 250 for an hour
  EXPECT_NEAR(*m.intensity_factor, 0.8, 1e-12);
  // HR zones at the default max HR 190: 140 bpm is 73.7 % (Z2), 147 bpm is 77.4 % (Z3).
  EXPECT_EQ(*m.hr_zone_s, (HrZoneSeconds{0, 1800, 1800, 0, 0}));
  EXPECT_NEAR(*m.strive_weighted_minutes, 30 * 2 + 30 * 4, 1e-9);
}

TEST(ComputeRideMetrics, RideBWithHrDropoutsTv14) {
  RideInput in;
  in.output_w = ToSamples(testing::RideBPower());
  in.heart_rate_bpm = ToSamples(Seg({{140, 1800}, {0, 10}, {147, 1790}}));
  const auto m = ComputeRideMetrics(in);
  EXPECT_NEAR(*m.avg_hr_bpm, 143.4903, 1e-4);
  EXPECT_NEAR(*m.decoupling_pct, 4.7619, 1e-4);
  EXPECT_FALSE(m.ef_steady);  // no FTP: IF unknown
}

TEST(ComputeRideMetrics, TrimpOverMovingTimeTv15) {
  RideInput in;
  in.heart_rate_bpm = Samples(3600, 150.0);
  in.cadence_rpm = Samples(3600, 80.0);
  RideSettings s;
  s.resting_hr_bpm = 50;
  s.max_hr_bpm = 190;
  s.lthr_bpm = 170;
  auto m = ComputeRideMetrics(in, s);
  EXPECT_NEAR(*m.trimp, 108.0954, 1e-4);
  EXPECT_NEAR(*m.trimp100, 63.3429, 1e-4);
  s.sex = Sex::kFemale;
  EXPECT_NEAR(*ComputeRideMetrics(in, s).trimp, 90.4179, 1e-4);
  // Half the hour stopped: TRIMP counts moving minutes only.
  in.cadence_rpm = ToSamples(Seg({{80, 1800}, {0, 1800}}));
  EXPECT_NEAR(*ComputeRideMetrics(in, s).trimp, 90.4179 / 2, 1e-4);
}

TEST(ComputeRideMetrics, BasicsAtEveryNOneAndFiveTv1) {
  RideInput in;
  in.output_w = ToSamples({100, 200, 300, 0, 400});
  auto m = ComputeRideMetrics(in);
  EXPECT_NEAR(*m.avg_power_w, 200.0, 1e-9);
  EXPECT_NEAR(*m.nonzero_avg_power_w, 250.0, 1e-9);
  EXPECT_NEAR(*m.work_kj, 1.0, 1e-9);
  EXPECT_EQ(m.duration_s, 5.0);
  in.every_n = 5;
  m = ComputeRideMetrics(in);
  EXPECT_NEAR(*m.work_kj, 5.0, 1e-9);
  EXPECT_EQ(m.duration_s, 25.0);
  EXPECT_NEAR(*m.avg_power_w, 200.0, 1e-9);
  EXPECT_NEAR(*m.nonzero_avg_power_w, 250.0, 1e-9);
}

TEST(ComputeRideMetrics, RepairsGapsFirstTv10b) {
  RideInput in;
  in.times_s = {0, 1, 200, 201};
  in.output_w = ToSamples({100, 100, 200, 200});
  const auto m = ComputeRideMetrics(in);
  EXPECT_EQ(m.duration_s, 202.0);
  EXPECT_NEAR(*m.avg_power_w, 2.9703, 1e-4);
}

TEST(ComputeRideMetrics, ShortRidesGetNaNotGarbage) {
  RideInput in;
  in.output_w = Samples(29, 200.0);
  in.heart_rate_bpm = Samples(29, 140.0);
  in.ftp_w = 250;
  const auto m = ComputeRideMetrics(in);
  EXPECT_NEAR(*m.avg_power_w, 200.0, 1e-9);
  EXPECT_NEAR(*m.mmp_w[2 - 1], 200.0, 1e-9);  // 5 s
  EXPECT_FALSE(m.mmp_w[2].has_value());       // 30 s > 29 s
  EXPECT_FALSE(m.np_w.has_value());
  EXPECT_FALSE(m.variability_index.has_value());
  EXPECT_FALSE(m.intensity_factor.has_value());
  EXPECT_FALSE(m.tss.has_value());
  EXPECT_FALSE(m.tss_per_hour.has_value());
  EXPECT_FALSE(m.efficiency_factor.has_value());
  EXPECT_FALSE(m.decoupling_pct.has_value());
  EXPECT_FALSE(m.trimp.has_value());  // < 60 s
  EXPECT_NEAR(*m.avg_hr_bpm, 140.0, 1e-9);
}

TEST(ComputeRideMetrics, WorkoutWithoutPowerGetsDurationAndHeartMetricsOnly) {
  RideInput yoga;
  yoga.every_n = 5;
  yoga.heart_rate_bpm = Samples(360, 110.0);  // 30 min
  yoga.output_w = Samples(360, std::nullopt);
  const auto m = ComputeRideMetrics(yoga);
  EXPECT_EQ(m.duration_s, 1800.0);
  EXPECT_NEAR(*m.avg_hr_bpm, 110.0, 1e-9);
  EXPECT_EQ(*m.hr_zone_s, (HrZoneSeconds{1800, 0, 0, 0, 0}));
  EXPECT_NEAR(*m.trimp, 30 * (60.0 / 140) * 0.64 * std::exp(1.92 * 60.0 / 140), 1e-9);
  EXPECT_TRUE(m.trimp100.has_value());
  EXPECT_FALSE(m.moving_time_s.has_value());
  EXPECT_FALSE(m.avg_power_w.has_value());
  EXPECT_FALSE(m.nonzero_avg_power_w.has_value());
  EXPECT_FALSE(m.work_kj.has_value());
  for (const auto& v : m.mmp_w) EXPECT_FALSE(v.has_value());
  EXPECT_FALSE(m.np_w.has_value());
  EXPECT_FALSE(m.np_gc_w.has_value());
  EXPECT_FALSE(m.xpower_w.has_value());
  EXPECT_FALSE(m.tss.has_value());
  EXPECT_FALSE(m.power_zone_s.has_value());
  EXPECT_FALSE(m.efficiency_factor.has_value());
  EXPECT_FALSE(m.decoupling_pct.has_value());
  EXPECT_FALSE(m.hi_intervals.has_value());
  EXPECT_FALSE(m.seconds_at_or_above_105_pct.has_value());
}

TEST(ComputeRideMetrics, OutputWithoutFtpHasNoFtpRelativeMetrics) {
  RideInput run;  // a tread run: output, no cycling FTP
  run.output_w = Samples(600, 180.0);
  const auto m = ComputeRideMetrics(run);
  EXPECT_NEAR(*m.avg_power_w, 180.0, 1e-9);
  EXPECT_NEAR(*m.np_w, 180.0, 1e-9);
  EXPECT_FALSE(m.intensity_factor.has_value());
  EXPECT_FALSE(m.tss.has_value());
  EXPECT_FALSE(m.bike_score.has_value());
  EXPECT_FALSE(m.power_zone_s.has_value());
  EXPECT_FALSE(m.hi_intervals.has_value());
}

TEST(ComputeRideMetrics, EmptyWorkoutIsAllNa) {
  const auto m = ComputeRideMetrics(RideInput{});
  EXPECT_FALSE(m.duration_s.has_value());
  EXPECT_FALSE(m.avg_power_w.has_value());
  EXPECT_FALSE(m.avg_hr_bpm.has_value());
}

TEST(ComputeRideMetrics, WorkoutZonesAndCpOverrideSettings) {
  RideInput in;
  in.output_w = ToSamples(RideA());
  in.heart_rate_bpm = Samples(3600, 150.0);
  in.hr_zone_lower_bpm = std::array<double, 5>{0, 100, 120, 140, 160};
  in.ftp_w = 250;
  RideSettings s;
  s.cp_w = 200;
  const auto m = ComputeRideMetrics(in, s);
  EXPECT_EQ(*m.hr_zone_s, (HrZoneSeconds{0, 0, 0, 3600, 0}));
  EXPECT_NEAR(*m.relative_intensity, 233.0826 / 200, 1e-4);
  EXPECT_NEAR(*m.bike_score, 100 * (233.0826 / 200) * (233.0826 / 200), 1e-2);
}

// 5 s blocks of integer watts, as 1 Hz samples and as every_n = 5 samples.
struct BlockRide {
  std::vector<double> one_hz;
  std::vector<double> blocks;
};

BlockRide MakeBlockRide(size_t blocks, uint32_t seed) {
  BlockRide r;
  for (size_t b = 0; b < blocks; ++b) {
    seed = testing::Lcg(seed);
    const double w = (seed >> 16) % 600;
    r.blocks.push_back(w);
    r.one_hz.insert(r.one_hz.end(), 5, w);
  }
  return r;
}

TEST(ComputeRideMetrics, EveryNFiveMatchesOneHzOnBlockDataExactly) {
  // §1.2(1): on data constant over 5 s blocks, every_n = 5 gives the 1 Hz results.
  const auto r = MakeBlockRide(900, 42);
  RideInput one_hz;
  one_hz.output_w = ToSamples(r.one_hz);
  one_hz.ftp_w = 230;
  RideInput five = one_hz;
  five.every_n = 5;
  five.output_w = ToSamples(r.blocks);
  const auto a = ComputeRideMetrics(one_hz);
  const auto b = ComputeRideMetrics(five);
  EXPECT_EQ(a.duration_s, b.duration_s);
  EXPECT_EQ(*a.avg_power_w, *b.avg_power_w);
  EXPECT_EQ(*a.work_kj, *b.work_kj);
  EXPECT_EQ(*a.power_zone_s, *b.power_zone_s);
  for (size_t k = 1; k < 7; ++k) EXPECT_EQ(a.mmp_w[k], b.mmp_w[k]) << kMmpDurationsS[k];
  EXPECT_NEAR(*a.np_w, *b.np_w, 1e-9);
  // Native zone time at dt = 5 is the same too.
  EXPECT_EQ(*a.power_zone_s, TimeInPowerZones(r.blocks, 230, 5));
}

TEST(ComputeRideMetrics, ZoneSecondsAddUpToTheDuration) {
  for (int every_n : {1, 2, 5, 10}) {
    const auto r = MakeBlockRide(333, static_cast<uint32_t>(every_n));
    RideInput in;
    in.every_n = every_n;
    in.output_w = ToSamples(r.blocks);
    in.heart_rate_bpm = ToSamples(r.blocks);  // any positive values will do
    in.ftp_w = 200;
    const auto m = ComputeRideMetrics(in);
    const auto& z = *m.power_zone_s;
    EXPECT_EQ(std::accumulate(z.begin(), z.end(), 0.0), 333.0 * every_n) << every_n;
    const auto& h = *m.hr_zone_s;
    const auto with_hr =
        std::count_if(r.blocks.begin(), r.blocks.end(), [](double v) { return v > 0; });
    EXPECT_EQ(std::accumulate(h.begin(), h.end(), 0.0), static_cast<double>(with_hr) * every_n);
  }
}

}  // namespace
}  // namespace pelo::analytics
