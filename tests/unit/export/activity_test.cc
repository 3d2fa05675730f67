// What the writers derive from an Activity: the distance covered per sample, integrated from
// speed (or a rower's split pace), paused seconds adding nothing, scaled to the stored total.
#include "pelo/export/activity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>

namespace pelo::exporter {
namespace {

// `n` samples every `every_n` s at `kph`, from t = `from`.
void ActivityAddSamples(Activity& a, int64_t from, int n, int64_t every_n, double kph) {
  for (int i = 0; i < n; ++i) {
    model::SampleRow s;
    s.t_s = from + i * every_n;
    s.speed_kph = kph;
    a.samples.push_back(s);
  }
}

TEST(ActivityDistance, IntegratesSpeedMonotonically) {
  Activity a;
  ActivityAddSamples(a, 0, 100, 1, 36.0);                              // 10 m/s
  a.samples[40].speed_kph = std::numeric_limits<double>::quiet_NaN();  // adds nothing
  a.samples[41].speed_kph = -3.0;                                      // nor this
  const std::vector<double> d = CumulativeDistanceM(a);
  ASSERT_EQ(d.size(), 100u);
  EXPECT_EQ(d[0], 0.0);
  for (size_t i = 1; i < d.size(); ++i) EXPECT_GE(d[i], d[i - 1]) << i;
  EXPECT_NEAR(d.back(), 10.0 * 97, 1e-9);  // 99 steps, 2 without speed
}

TEST(ActivityDistance, EndsExactlyAtTheStoredTotal) {
  Activity a;
  ActivityAddSamples(a, 0, 600, 1, 30.0);
  a.distance_km = 5.123;
  const std::vector<double> d = CumulativeDistanceM(a);
  EXPECT_EQ(d.back(), 5123.0);
  for (size_t i = 1; i < d.size(); ++i) EXPECT_GE(d[i], d[i - 1]) << i;
  EXPECT_NEAR(d[300], 5123.0 * 300 / 599, 1e-6);
  // Not positive or no integral: the integral as it is.
  a.distance_km = 0.0;
  EXPECT_NEAR(CumulativeDistanceM(a).back(), 30 / 3.6 * 599, 1e-6);
}

TEST(ActivityDistance, APauseAddsNothing) {
  Activity paused;
  ActivityAddSamples(paused, 0, 100, 1, 36.0);
  ActivityAddSamples(paused, 400, 100, 1, 36.0);  // 300 s later
  Activity straight;
  ActivityAddSamples(straight, 0, 200, 1, 36.0);
  EXPECT_DOUBLE_EQ(CumulativeDistanceM(paused).back(), CumulativeDistanceM(straight).back());
  EXPECT_DOUBLE_EQ(CumulativeDistanceM(paused).back(), 1990.0);
}

TEST(ActivityDistance, HoldsEachSampleForItsStep) {
  Activity a;
  ActivityAddSamples(a, 0, 120, 5, 18.0);  // every 5 s at 5 m/s
  EXPECT_EQ(SampleStepS(a.samples), 5);
  const std::vector<double> d = CumulativeDistanceM(a);
  EXPECT_DOUBLE_EQ(d[1], 25.0);
  EXPECT_DOUBLE_EQ(d.back(), 25.0 * 119);
}

TEST(ActivityDistance, RowsFromSplitPaceAndIsZeroWithoutSpeed) {
  Activity row;
  for (int t = 0; t < 60; ++t) {
    model::SampleRow s;
    s.t_s = t;
    s.split_pace_s_per_500m = 125.0;  // 4 m/s
    row.samples.push_back(s);
  }
  EXPECT_DOUBLE_EQ(CumulativeDistanceM(row).back(), 4.0 * 59);
  Activity yoga;
  for (int t = 0; t < 60; ++t) {
    model::SampleRow s;
    s.t_s = t;
    s.heart_rate_bpm = 90;
    yoga.samples.push_back(s);
  }
  yoga.distance_km = 1.0;  // nothing to scale: still 0
  for (double v : CumulativeDistanceM(yoga)) EXPECT_EQ(v, 0.0);
  EXPECT_TRUE(CumulativeDistanceM(Activity{}).empty());
}

TEST(ActivityRoute, EverySecondOfTheRouteGetsASample) {
  Activity a;
  ActivityAddSamples(a, 0, 10, 1, 10);
  a.samples.erase(a.samples.begin() + 4, a.samples.begin() + 7);  // seconds 4-6 missing
  for (int64_t t : {1, 5, 5, 6, 12, 3}) {                         // a repeat, one past the end
    model::GpsPoint p;
    p.seconds_offset = t;
    p.latitude = 51;
    p.longitude = -1;
    a.gps.push_back(p);
  }
  std::sort(a.gps.begin(), a.gps.end(), [](const model::GpsPoint& x, const model::GpsPoint& y) {
    return x.seconds_offset < y.seconds_offset;
  });
  AddRouteSeconds(a);
  std::vector<int64_t> seconds;
  for (const model::SampleRow& s : a.samples) seconds.push_back(s.t_s);
  EXPECT_EQ(seconds, (std::vector<int64_t>{0, 1, 2, 3, 5, 6, 7, 8, 9, 12}));
  EXPECT_TRUE(a.samples[4].speed_kph == std::nullopt) << "added seconds carry nothing but time";
  EXPECT_EQ(a.samples[3].speed_kph, 10);
  const std::vector<model::SampleRow> before = a.samples;
  AddRouteSeconds(a);
  EXPECT_EQ(a.samples, before);
}

}  // namespace
}  // namespace pelo::exporter
