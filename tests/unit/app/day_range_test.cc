// The one day rule of the date-range views: the rider's local day.
#include "pelo/app/day_range.h"

#include <gtest/gtest.h>

#include "app_fixture.h"
#include "pelo/analytics/ride_day.h"
#include "pelo/common/time.h"

namespace pelo::app {
namespace {

using testing::Day;

// 2026-03-02 03:30 UTC is 22:30 on March 1 in New York (EST, UTC-5).
constexpr int64_t kLateEveningInNewYork = 1772422200;

TEST(DayRangeTest, AWorkoutCountsOnItsRidersLocalDayNotTheUtcOne) {
  ASSERT_EQ(FormatUtcDate(kLateEveningInNewYork), "2026-03-02");
  const DayRange march_1{Day("2026-03-01"), Day("2026-03-01")};
  const DayRange march_2{Day("2026-03-02"), Day("2026-03-02")};
  EXPECT_TRUE(march_1.Contains(kLateEveningInNewYork, "America/New_York"));
  EXPECT_FALSE(march_2.Contains(kLateEveningInNewYork, "America/New_York"));
  // The same instant in Berlin is already March 2 (04:30 CET).
  EXPECT_FALSE(march_1.Contains(kLateEveningInNewYork, "Europe/Berlin"));
  EXPECT_TRUE(march_2.Contains(kLateEveningInNewYork, "Europe/Berlin"));
}

TEST(DayRangeTest, AnUnknownZoneFallsBackToTheUtcDay) {
  const DayRange march_2{Day("2026-03-02"), Day("2026-03-02")};
  EXPECT_TRUE(march_2.Contains(kLateEveningInNewYork, ""));
  EXPECT_TRUE(march_2.Contains(kLateEveningInNewYork, "Nope/Nowhere"));
}

TEST(DayRangeTest, BothEndsAreIncludedAndAnUnsetEndIsOpen) {
  const DayRange since{Day("2026-03-01"), std::nullopt};
  const DayRange until{std::nullopt, Day("2026-02-28")};
  EXPECT_TRUE(since.Contains(kLateEveningInNewYork, "America/New_York"));
  EXPECT_FALSE(until.Contains(kLateEveningInNewYork, "America/New_York"));
  EXPECT_TRUE(until.Contains(kLateEveningInNewYork - 86400, "America/New_York"));
  EXPECT_FALSE(since.Contains(kLateEveningInNewYork - 86400, "America/New_York"));
}

TEST(DayRangeTest, AnUndatedWorkoutIsInTheOpenRangeOnly) {
  EXPECT_TRUE(DayRange{}.open());
  EXPECT_TRUE(DayRange{}.Contains(std::nullopt, "UTC"));
  EXPECT_FALSE((DayRange{Day("1970-01-01"), std::nullopt}.Contains(std::nullopt, "UTC")));
  EXPECT_FALSE((DayRange{std::nullopt, Day("2999-01-01")}.Contains(std::nullopt, "UTC")));
}

TEST(DayRangeTest, TodayIsTheRidersDay) {
  const int64_t now = NowEpochSeconds();
  // Kiritimati (UTC+14) and Niue (UTC-11) are never on the same day; at least one of them is
  // not on the UTC day either, so the zone must be applied.
  const analytics::DayNumber east = RiderToday("Pacific/Kiritimati");
  const analytics::DayNumber west = RiderToday("Pacific/Niue");
  EXPECT_EQ(east, analytics::RideDay(now, "Pacific/Kiritimati"));
  EXPECT_EQ(west, analytics::RideDay(now, "Pacific/Niue"));
  EXPECT_NE(east, west);
  EXPECT_EQ(RiderToday(""), analytics::RideDay(NowEpochSeconds(), "UTC"));
}

}  // namespace
}  // namespace pelo::app
