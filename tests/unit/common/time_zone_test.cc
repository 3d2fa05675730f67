// Offsets and local dates from the system tz database, at instants with known answers.
#include "pelo/common/time_zone.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

namespace pelo {
namespace {

constexpr int32_t kHour = 3600;

int64_t Days(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{
      std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}}
      .time_since_epoch()
      .count();
}

// Epoch seconds of a UTC date and time.
int64_t Utc(int y, unsigned m, unsigned d, int h = 0, int mi = 0, int s = 0) {
  return Days(y, m, d) * 86400 + h * 3600 + mi * 60 + s;
}

TEST(TimeZone, NewYorkEitherSideOfBothTransitions) {
  const char* ny = "America/New_York";
  // 2024-03-10 02:00 EST = 07:00Z; 2024-11-03 02:00 EDT = 06:00Z.
  EXPECT_EQ(UtcOffsetSeconds(ny, Utc(2024, 3, 10, 6, 59, 59)), -5 * kHour);
  EXPECT_EQ(UtcOffsetSeconds(ny, Utc(2024, 3, 10, 7)), -4 * kHour);
  EXPECT_EQ(UtcOffsetSeconds(ny, Utc(2024, 11, 3, 5, 59, 59)), -4 * kHour);
  EXPECT_EQ(UtcOffsetSeconds(ny, Utc(2024, 11, 3, 6)), -5 * kHour);
}

TEST(TimeZone, London) {
  const char* london = "Europe/London";
  EXPECT_EQ(UtcOffsetSeconds(london, Utc(2024, 3, 31, 0, 59, 59)), 0);
  EXPECT_EQ(UtcOffsetSeconds(london, Utc(2024, 3, 31, 1)), kHour);
  EXPECT_EQ(UtcOffsetSeconds(london, Utc(2024, 10, 27, 0, 59, 59)), kHour);
  EXPECT_EQ(UtcOffsetSeconds(london, Utc(2024, 10, 27, 1)), 0);
}

TEST(TimeZone, SydneyHasSouthernSummerTime) {
  const char* sydney = "Australia/Sydney";
  EXPECT_EQ(UtcOffsetSeconds(sydney, Utc(2024, 1, 15)), 11 * kHour);
  EXPECT_EQ(UtcOffsetSeconds(sydney, Utc(2024, 7, 15)), 10 * kHour);
  // Ends 2024-04-07 03:00 AEDT = 04-06 16:00Z; starts 2024-10-06 02:00 AEST = 10-05 16:00Z.
  EXPECT_EQ(UtcOffsetSeconds(sydney, Utc(2024, 4, 6, 15, 59, 59)), 11 * kHour);
  EXPECT_EQ(UtcOffsetSeconds(sydney, Utc(2024, 4, 6, 16)), 10 * kHour);
  EXPECT_EQ(UtcOffsetSeconds(sydney, Utc(2024, 10, 5, 15, 59, 59)), 10 * kHour);
  EXPECT_EQ(UtcOffsetSeconds(sydney, Utc(2024, 10, 5, 16)), 11 * kHour);
}

TEST(TimeZone, FixedOffsets) {
  EXPECT_EQ(UtcOffsetSeconds("Asia/Kolkata", Utc(2024, 6, 1)), 5 * kHour + 1800);
  EXPECT_EQ(UtcOffsetSeconds("Asia/Kolkata", Utc(2060, 1, 1)), 5 * kHour + 1800);
  EXPECT_EQ(UtcOffsetSeconds("Etc/GMT+4", Utc(2024, 6, 1)), -4 * kHour);  // POSIX sign
  EXPECT_EQ(UtcOffsetSeconds("UTC", Utc(2024, 6, 1)), 0);
  EXPECT_EQ(UtcOffsetSeconds("UTC", Utc(2100, 6, 1)), 0);
}

TEST(TimeZone, AfterTheLastTransitionTheFooterRuleApplies) {
  // tzdata's transition tables stop at 2037; later instants come from the POSIX TZ rule.
  const char* ny = "America/New_York";
  EXPECT_EQ(UtcOffsetSeconds(ny, Utc(2040, 1, 15)), -5 * kHour);
  EXPECT_EQ(UtcOffsetSeconds(ny, Utc(2040, 7, 1)), -4 * kHour);
  // 2040's second Sunday of March is the 11th.
  EXPECT_EQ(UtcOffsetSeconds(ny, Utc(2040, 3, 11, 6, 59, 59)), -5 * kHour);
  EXPECT_EQ(UtcOffsetSeconds(ny, Utc(2040, 3, 11, 7)), -4 * kHour);
  EXPECT_EQ(UtcOffsetSeconds("Australia/Sydney", Utc(2050, 1, 1)), 11 * kHour);
  EXPECT_EQ(UtcOffsetSeconds("Australia/Sydney", Utc(2050, 7, 1)), 10 * kHour);
  EXPECT_EQ(UtcOffsetSeconds("Europe/London", Utc(2099, 8, 1)), kHour);
}

TEST(TimeZone, BeforeTheFirstTransitionIsLocalMeanTime) {
  // New York's first transition is 1883-11-18; before it, LMT -4:56:02.
  EXPECT_EQ(UtcOffsetSeconds("America/New_York", Utc(1850, 1, 1)), -(4 * kHour + 56 * 60 + 2));
}

TEST(TimeZone, InvalidOrUnknownNamesGiveNothing) {
  for (const char* name :
       {"../etc/passwd", "/etc/localtime", "", "Nope/Nowhere", "America/../UTC", "America/New York",
        "America/New_York\n", "America", "Europe/London;rm", "UTC\\"}) {
    EXPECT_EQ(UtcOffsetSeconds(name, Utc(2024, 6, 1)), std::nullopt) << name;
  }
  EXPECT_FALSE(IsValidZoneName("../etc/passwd"));
  EXPECT_FALSE(IsValidZoneName("/etc/localtime"));
  EXPECT_FALSE(IsValidZoneName(""));
  EXPECT_TRUE(IsValidZoneName("Etc/GMT+4"));
  EXPECT_TRUE(IsValidZoneName("America/Port-au-Prince"));
}

TEST(TimeZone, LocalDayIsTheDateWhereTheRideHappened) {
  // 2024-03-10T04:30Z is 23:30 EST on the 9th in New York.
  EXPECT_EQ(LocalDayNumber(Utc(2024, 3, 10, 4, 30), "America/New_York"), Days(2024, 3, 9));
  EXPECT_EQ(FormatLocalDate(Utc(2024, 3, 10, 4, 30), "America/New_York"), "2024-03-09");
  EXPECT_EQ(FormatLocalDate(Utc(2024, 3, 10, 20), "Asia/Kolkata"), "2024-03-11");
  EXPECT_EQ(FormatLocalDate(Utc(2024, 1, 1, 12), "Australia/Sydney"), "2024-01-01");
  EXPECT_EQ(FormatLocalDate(Utc(2024, 1, 1, 13), "Australia/Sydney"), "2024-01-02");
}

TEST(TimeZone, UnknownOrEmptyZoneFallsBackToUtc) {
  const int64_t t = Utc(2024, 3, 10, 4, 30);
  for (const char* name : {"", "Nope/Nowhere", "../etc/passwd", "/etc/localtime"}) {
    EXPECT_EQ(LocalDayNumber(t, name), Days(2024, 3, 10)) << name;
    EXPECT_EQ(FormatLocalDate(t, name), "2024-03-10") << name;
  }
  EXPECT_EQ(LocalDayNumber(-1, ""), -1);
  EXPECT_EQ(FormatLocalDate(-1, "UTC"), "1969-12-31");
  EXPECT_EQ(FormatLocalDate(0, "America/New_York"), "1969-12-31");
}

TEST(TimeZone, ConcurrentCallersAgree) {
  const std::vector<std::pair<const char*, int32_t>> cases = {
      {"America/New_York", -4 * kHour}, {"Europe/London", kHour},
      {"Australia/Sydney", 10 * kHour}, {"Asia/Kolkata", 5 * kHour + 1800},
      {"Etc/GMT+4", -4 * kHour},        {"America/Chicago", -5 * kHour}};
  const int64_t t = Utc(2024, 7, 1);
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < mismatches.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int round = 0; round < 200; ++round) {
        for (const auto& [zone, offset] : cases) {
          if (UtcOffsetSeconds(zone, t) != offset) ++mismatches[i];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace pelo
