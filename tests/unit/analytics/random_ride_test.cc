// A pseudo-random 4000 s ride (intervals, coasting zeros, a sprint, HR drift and dropouts) through
// ComputeRideMetrics, against the values `python3 tests/unit/analytics/random_ride.py` prints:
// the same ride through the Appendix A reference of ../shared/docs/analytics.md.
#include <gtest/gtest.h>

#include "pelo/analytics/ride_metrics.h"
#include "rides.h"

namespace pelo::analytics {
namespace {

constexpr size_t kSeconds = 4000;

struct RandomRide {
  std::vector<double> power, hr, cadence;
};

// random_ride.py's generator, step for step.
RandomRide MakeRandomRide() {
  RandomRide r;
  uint32_t x = 12345;
  for (size_t i = 0; i < kSeconds; ++i) {
    x = testing::Lcg(x);
    const int base = i % 600 < 120 ? 300 : 170;
    int p = base + static_cast<int>((x >> 16) % 81) - 40;
    if (i % 97 == 0) p = 0;
    if (i >= 3000 && i < 3008) p = 700;
    x = testing::Lcg(x);
    int h = 120 + static_cast<int>(30 * i / kSeconds) + static_cast<int>((x >> 8) % 7);
    if (i >= 2100 && i < 2110) h = 0;
    r.power.push_back(p);
    r.hr.push_back(h);
    r.cadence.push_back(p > 0 ? 85 : 0);
  }
  return r;
}

RideSettings Settings() {
  RideSettings s;
  s.max_hr_bpm = 185;
  s.resting_hr_bpm = 50;
  s.lthr_bpm = 165;
  return s;
}

TEST(RandomRide, MatchesAppendixAAtOneHz) {
  const auto r = MakeRandomRide();
  RideInput in;
  in.output_w = testing::ToSamples(r.power);
  in.heart_rate_bpm = testing::ToSamples(r.hr);
  in.cadence_rpm = testing::ToSamples(r.cadence);
  in.ftp_w = 240;
  const auto m = ComputeRideMetrics(in, Settings());
  EXPECT_NEAR(*m.avg_power_w, 195.70425, 1e-9);
  EXPECT_NEAR(*m.nonzero_avg_power_w, 197.7309926749, 1e-9);
  EXPECT_NEAR(*m.work_kj, 782.817, 1e-9);
  const double mmp[] = {700.0,          700.0,          410.4333333333, 351.75,
                        231.6466666667, 197.7766666667, 194.6836111111};
  for (size_t k = 0; k < 7; ++k) EXPECT_NEAR(*m.mmp_w[k], mmp[k], 1e-9) << kMmpDurationsS[k];
  EXPECT_NEAR(*m.np_w, 218.1120846580, 1e-9);
  EXPECT_NEAR(*m.np_gc_w, 217.9335471246, 1e-9);
  EXPECT_NEAR(*m.xpower_w, 212.8123351492, 1e-9);
  EXPECT_NEAR(*m.tss, 91.7686756826, 1e-9);
  EXPECT_EQ(*m.power_zone_s, (PowerZoneSeconds{113, 1906, 1149, 0, 282, 542, 8}));
  EXPECT_EQ(*m.hr_zone_s, (HrZoneSeconds{13, 2119, 1858, 0, 0}));
  EXPECT_NEAR(*m.avg_hr_bpm, 137.5092731830, 1e-9);
  EXPECT_NEAR(*m.decoupling_pct, 12.5692995727, 1e-9);
  EXPECT_EQ(m.moving_time_s, 3959.0);
  EXPECT_NEAR(*m.trimp, 95.0270321919, 1e-9);
  EXPECT_NEAR(*m.trimp100, 56.6029566471, 1e-9);
  EXPECT_EQ(m.seconds_at_or_above_105_pct, 832.0);
  const long starts[] = {1, 600, 1200, 1800, 2400, 3000, 3600};
  const long lengths[] = {119, 120, 120, 120, 120, 120, 120};
  const double means[] = {297.1092436975, 295.8750000000, 297.1166666667, 298.6166666667,
                          301.6250000000, 321.3666666667, 297.2083333333};
  ASSERT_EQ(m.hi_intervals->size(), 7u);
  for (size_t k = 0; k < 7; ++k) {
    EXPECT_EQ((*m.hi_intervals)[k].start_s, starts[k]);
    EXPECT_EQ((*m.hi_intervals)[k].length_s, lengths[k]);
    EXPECT_NEAR((*m.hi_intervals)[k].mean_power_w, means[k], 1e-9);
  }
  EXPECT_TRUE(m.threshold_intervals->empty());
  ASSERT_EQ(m.sprint_intervals->size(), 1u);
  EXPECT_EQ((*m.sprint_intervals)[0].start_s, 3000);
  EXPECT_EQ((*m.sprint_intervals)[0].length_s, 8);
}

TEST(RandomRide, MatchesAppendixAFromFiveSecondMeans) {
  RideInput in;
  in.every_n = 5;
  in.output_w = testing::ToSamples(testing::BlockMeans(MakeRandomRide().power, 5));
  in.ftp_w = 240;
  const auto m = ComputeRideMetrics(in, Settings());
  EXPECT_NEAR(*m.avg_power_w, 195.70425, 1e-9);
  EXPECT_NEAR(*m.work_kj, 782.817, 1e-9);
  EXPECT_NEAR(*m.np_w, 218.1076910712, 1e-9);
  EXPECT_NEAR(*m.xpower_w, 212.8081095071, 1e-9);
  const double mmp[] = {700.0,          700.0,          410.4333333333, 351.75,
                        231.3366666667, 197.7041666667, 194.6822222222};
  for (size_t k = 0; k < 7; ++k) EXPECT_NEAR(*m.mmp_w[k], mmp[k], 1e-9) << kMmpDurationsS[k];
  EXPECT_EQ(*m.power_zone_s, (PowerZoneSeconds{60, 2585, 515, 35, 115, 680, 10}));
}

}  // namespace
}  // namespace pelo::analytics
