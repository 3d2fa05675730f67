// §1 preprocessing of ../shared/docs/analytics.md: TV-1b, TV-7 (hold), TV-10, TV-10b, ordering,
// duplicates, missing values and absent channels.
#include "pelo/analytics/series.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "pelo/analytics/power.h"
#include "rides.h"

namespace pelo::analytics {
namespace {

using testing::ToSamples;

std::vector<double> Values(const Samples& s) {
  std::vector<double> out;
  for (const auto& v : s) out.push_back(v.value_or(-1));
  return out;
}

void ExpectNear(const std::vector<double>& got, const std::vector<double>& want, double tol) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol) << i;
}

TEST(FixGaps, InterpolatesShortGapsWithCntPlusOneStepsTv10) {
  const auto spec = FixGaps({0, 1, 2, 5, 6}, ToSamples({100, 100, 100, 200, 200}), 1.0);
  ExpectNear(Values(spec), {100, 100, 100, 133.3333, 166.6667, 200, 200}, 1e-4);
  GapOptions gc;
  gc.gc_offbyone = true;
  const auto parity = FixGaps({0, 1, 2, 5, 6}, ToSamples({100, 100, 100, 200, 200}), 1.0, gc);
  ExpectNear(Values(parity), {100, 100, 100, 150, 200, 200, 200}, 1e-9);
}

TEST(FixGaps, ZeroFillsGapsLongerThanStopTv10b) {
  const auto out = FixGaps({0, 1, 200, 201}, ToSamples({100, 100, 200, 200}), 1.0);
  ASSERT_EQ(out.size(), 202u);
  const auto p = ToZeroFilled1Hz(out, 1);
  EXPECT_EQ(std::count(p.begin(), p.end(), 0.0), 198);
  EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0) / 202.0, 2.9703, 1e-4);
}

TEST(FixGaps, UsesEveryNAsTheSampleStep) {
  // dt = 5: t 0,5,10,20 -> gap 5 s -> one sample at t = 15, halfway.
  const auto out = FixGaps({0, 5, 10, 20}, ToSamples({100, 100, 100, 200}), 5.0);
  ExpectNear(Values(out), {100, 100, 100, 150, 200}, 1e-9);
  // Jitter under the tolerance, or under one step, inserts nothing.
  EXPECT_EQ(FixGaps({0, 1.5, 2.5}, ToSamples({1, 2, 3}), 1.0).size(), 3u);
  EXPECT_EQ(FixGaps({0, 5, 13}, ToSamples({1, 2, 3}), 5.0).size(), 3u);
}

TEST(FixGaps, SamplesNextToAMissingValueStayMissing) {
  const auto out = FixGaps({0, 3}, {std::nullopt, 200.0}, 1.0);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_FALSE(out[1].has_value());
  EXPECT_FALSE(out[2].has_value());
  EXPECT_EQ(out[3], 200.0);
}

TEST(SortedUniqueOrder, SortsAndKeepsTheFirstOfEqualTimestamps) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(SortedUniqueOrder({2, 0, 1, 1, nan, 3}), (std::vector<size_t>{1, 2, 0, 5}));
  EXPECT_TRUE(SortedUniqueOrder({}).empty());
}

TEST(PrepareSeries, DurationIsSamplesTimesEveryNTv1b) {
  RideInput in;
  in.every_n = 5;
  in.output_w = Samples(720, 150.0);
  const auto s = PrepareSeries(in);
  EXPECT_EQ(s.samples, 720u);
  EXPECT_EQ(s.seconds, 3600u);
  EXPECT_EQ(s.power_w.size(), 3600u);
}

TEST(PrepareSeries, HoldExpandedFiveSecondRideAIsRideATv7) {
  const auto a = testing::RideA();
  const auto a5 = testing::BlockMeans(a, 5);
  ASSERT_EQ(a5.size(), 720u);
  RideInput in;
  in.every_n = 5;
  in.output_w = ToSamples(a5);
  EXPECT_EQ(PrepareSeries(in).power_w, a);
}

TEST(PrepareSeries, SortsDropsDuplicatesAndRepairsEveryChannelAlike) {
  RideInput in;
  in.times_s = {0, 2, 1, 1, 4};
  in.output_w = ToSamples({100, 300, 200, 999, 500});
  in.heart_rate_bpm = ToSamples({120, 124, 122, 0, 128});
  const auto s = PrepareSeries(in);
  EXPECT_EQ(s.samples, 5u);  // 0, 1, 2, (3 interpolated), 4
  EXPECT_EQ(s.power_w, (std::vector<double>{100, 200, 300, 400, 500}));
  EXPECT_EQ(s.heart_rate_bpm, (std::vector<double>{120, 122, 124, 126, 128}));
  EXPECT_TRUE(s.cadence_rpm.empty());
}

TEST(PrepareSeries, MissingNegativeAndNanBecomeZeroAndAbsentChannelsStayEmpty) {
  RideInput in;
  in.output_w = {100.0, std::nullopt, -3.0, std::numeric_limits<double>::quiet_NaN()};
  in.heart_rate_bpm = {std::nullopt, std::nullopt};  // no present value: absent
  in.cadence_rpm = {80.0};                           // shorter: padded with missing
  const auto s = PrepareSeries(in);
  EXPECT_EQ(s.seconds, 4u);
  EXPECT_EQ(s.power_w, (std::vector<double>{100, 0, 0, 0}));
  EXPECT_TRUE(s.heart_rate_bpm.empty());
  EXPECT_EQ(s.cadence_rpm, (std::vector<double>{80, 0, 0, 0}));
}

TEST(PrepareSeries, LongGapsCountInTheDurationOfEveryChannel) {
  RideInput in;
  in.times_s = {0, 1, 200, 201};
  in.output_w = ToSamples({100, 100, 200, 200});
  in.heart_rate_bpm = ToSamples({120, 120, 130, 130});
  const auto s = PrepareSeries(in);
  EXPECT_EQ(s.seconds, 202u);
  EXPECT_EQ(s.heart_rate_bpm.size(), 202u);
  EXPECT_EQ(s.heart_rate_bpm[100], 0.0);  // zero-filled HR = missing (§1.3, §1.4)
}

}  // namespace
}  // namespace pelo::analytics
