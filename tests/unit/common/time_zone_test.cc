// Offsets and local dates from the system tz database, at instants with known answers.
#include "pelo/common/time_zone.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
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

TEST(TimeZone, EachYearHasTheRulesThenInForce) {
  // 2006: US daylight time began on the first Sunday of April, 02:00 EST (07:00Z on the 2nd).
  EXPECT_EQ(UtcOffsetSeconds("America/New_York", Utc(2006, 3, 20)), -5 * kHour);
  EXPECT_EQ(UtcOffsetSeconds("America/New_York", Utc(2006, 4, 2, 6, 59, 59)), -5 * kHour);
  EXPECT_EQ(UtcOffsetSeconds("America/New_York", Utc(2006, 4, 2, 7)), -4 * kHour);
  // Moscow: UTC+4 all year from 2011-03-27 to 2014-10-26, UTC+3 since.
  EXPECT_EQ(UtcOffsetSeconds("Europe/Moscow", Utc(2012, 1, 15)), 4 * kHour);
  EXPECT_EQ(UtcOffsetSeconds("Europe/Moscow", Utc(2014, 10, 25, 21, 59, 59)), 4 * kHour);
  EXPECT_EQ(UtcOffsetSeconds("Europe/Moscow", Utc(2014, 10, 25, 22)), 3 * kHour);
}

TEST(TimeZone, LocalTimeCarriesTheOffsetAndAbbreviation) {
  const StatusOr<LocalTime> summer = LocalTimeIn("America/New_York", Utc(2024, 7, 1, 12));
  ASSERT_TRUE(summer.ok()) << summer.status().ToString();
  EXPECT_EQ(summer->local, Utc(2024, 7, 1, 8));
  EXPECT_EQ(summer->offset, -4 * kHour);
  EXPECT_EQ(summer->abbreviation, "EDT");
  // After the tables (2037) the abbreviation comes from the zone's rule too.
  EXPECT_EQ(LocalTimeIn("America/New_York", Utc(2040, 7, 1))->abbreviation, "EDT");
  EXPECT_EQ(LocalTimeIn("America/New_York", Utc(2040, 1, 1))->abbreviation, "EST");
  EXPECT_EQ(LocalTimeIn("Europe/Moscow", Utc(2012, 1, 15))->abbreviation, "MSK");
  EXPECT_EQ(LocalTimeIn("Etc/GMT+5", Utc(2024, 7, 1))->abbreviation, "-05");
  EXPECT_EQ(LocalTimeIn("UTC", Utc(2024, 7, 1))->abbreviation, "UTC");
}

TEST(TimeZone, LinksAreTheZonesTheyName) {
  for (int64_t t : {Utc(2006, 3, 20), Utc(2024, 7, 1), Utc(2040, 7, 1)}) {
    EXPECT_EQ(UtcOffsetSeconds("US/Eastern", t), UtcOffsetSeconds("America/New_York", t)) << t;
    EXPECT_EQ(UtcOffsetSeconds("Asia/Calcutta", t), UtcOffsetSeconds("Asia/Kolkata", t)) << t;
  }
  EXPECT_EQ(UtcOffsetSeconds("Etc/GMT+5", Utc(2024, 7, 1)), -5 * kHour);  // POSIX sign
  EXPECT_EQ(UtcOffsetSeconds("Etc/UTC", Utc(2024, 7, 1)), 0);
}

// The tables stop at 2037; the zone's POSIX rule must continue them. 28 years on (1461 weeks:
// no century year between) the calendar repeats, so 2035-36 and 2063-64 read the same.
TEST(TimeZone, AfterTheTablesTheRuleContinuesThem) {
  constexpr int64_t k28Years = (28 * 365 + 7) * int64_t{86400};
  for (const char* zone :
       {"America/New_York", "Europe/London", "Australia/Sydney", "Asia/Jerusalem",
        "Pacific/Auckland", "Australia/Lord_Howe", "America/Havana", "Europe/Berlin"}) {
    int mismatches = 0;
    for (int64_t t = Utc(2035, 1, 1); t < Utc(2037, 1, 1); t += 1800) {
      const auto table = LocalTimeIn(zone, t);
      const auto rule = LocalTimeIn(zone, t + k28Years);
      ASSERT_TRUE(table.ok() && rule.ok()) << zone;
      if ((table->offset != rule->offset || table->abbreviation != rule->abbreviation) &&
          ++mismatches < 3) {
        ADD_FAILURE() << zone << " at " << t << ": " << table->offset << " " << table->abbreviation
                      << " vs " << rule->offset << " " << rule->abbreviation;
      }
    }
    EXPECT_EQ(mismatches, 0) << zone;
  }
}

TEST(TimeZone, BadZonesAreAStatusNamingWhatWasWrong) {
  const auto unknown = LocalTimeIn("Nope/Nowhere", 0);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(unknown.status().message().find("\"Nope/Nowhere\""), std::string::npos)
      << unknown.status().message();
  // Names that are not zone names are never echoed (nor looked up): they come from the network.
  for (const std::string& name :
       {std::string("../../etc/passwd"), std::string(""), std::string(100000, 'a'),
        std::string("/etc/passwd"), std::string("America/New_York\n"), std::string("localtime"),
        std::string("Europe/London;rm -rf")}) {
    const auto bad = LocalTimeIn(name, 0);
    ASSERT_FALSE(bad.ok()) << name.substr(0, 40);
    EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_LT(bad.status().message().size(), 120u);
    if (!name.empty()) {
      EXPECT_EQ(bad.status().message().find(name), std::string::npos);
    }
  }
  // Instants beyond the years 1 to 9999 (a hostile start_time): a Status, and local days in UTC.
  const auto far = LocalTimeIn("America/New_York", INT64_MAX);
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(LocalDayNumber(INT64_MAX - 1, "America/New_York"), (INT64_MAX - 1) / 86400);
  EXPECT_EQ(UtcOffsetSeconds("America/New_York", INT64_MIN), std::nullopt);
  // Names shaped like zones that the database does not have: directories, tzdata's other files.
  for (const char* name : {"America", "posix/America/New_York", "right/UTC", "zone.tab",
                           "tzdata.zi", "posixrules", "america/new_york"}) {
    EXPECT_FALSE(LocalTimeIn(name, 0).ok()) << name;
  }
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
