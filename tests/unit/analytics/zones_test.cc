// §2.10-2.11 of ../shared/docs/analytics.md: TV-11, TV-12, TV-13.
#include "pelo/analytics/zones.h"

#include <gtest/gtest.h>

#include <limits>

#include "rides.h"

namespace pelo::analytics {
namespace {

TEST(PowerZone, IntegerPercentBoundsAreHalfOpenTv11) {
  const std::vector<double> p = {0, 109, 110, 150, 179.9, 180, 210, 239, 240, 299, 300, 1000};
  const std::vector<int> want = {1, 1, 2, 3, 3, 4, 5, 5, 6, 6, 7, 7};
  for (size_t i = 0; i < p.size(); ++i) EXPECT_EQ(PowerZone(p[i], 200), want[i]) << p[i];
  EXPECT_EQ(PowerZone(-1, 200), 0);
  EXPECT_EQ(PowerZone(std::numeric_limits<double>::quiet_NaN(), 200), 0);
  EXPECT_EQ(PowerZone(100, 0), 0);
}

TEST(HrZone, PercentOfMaxAndZeroSkippedTv12) {
  const std::vector<double> h = {100, 110.5, 127, 127.5, 150, 161.5, 175, 0};
  const std::vector<int> want = {1, 2, 2, 3, 4, 5, 5, 0};
  for (size_t i = 0; i < h.size(); ++i) EXPECT_EQ(HrZone(h[i], 170), want[i]) << h[i];
  EXPECT_EQ(TimeInHrZones(h, 170), (HrZoneSeconds{1, 2, 1, 1, 2}));
  // The same bounds given in bpm, as a workout's heart_rate.zones[] carries them.
  EXPECT_EQ(TimeInHrZonesBpm(h, {0, 110.5, 127.5, 144.5, 161.5}), (HrZoneSeconds{1, 2, 1, 1, 2}));
}

TEST(TimeInPowerZones, RideAAtFtp250Tv13) {
  const auto a = testing::RideA();
  EXPECT_EQ(TimeInPowerZones(a, 250), (PowerZoneSeconds{1435, 600, 0, 1200, 0, 300, 65}));
  // every_n = 5: native 5 s samples, 5 s each.
  EXPECT_EQ(TimeInPowerZones(testing::BlockMeans(a, 5), 250, 5),
            (PowerZoneSeconds{1435, 600, 0, 1200, 0, 300, 65}));
  EXPECT_EQ(TimeInPowerZones(a, 0), PowerZoneSeconds{});
}

TEST(ZoneOf, GcLthrSchemeIsAnAlternative) {
  EXPECT_EQ(ZoneOf(150, 170, kGcLthrZonePct), 3);  // 88 % of LTHR: [83, 94)
  EXPECT_EQ(ZoneOf(180, 170, kGcLthrZonePct), 5);  // 106 %
}

}  // namespace
}  // namespace pelo::analytics
