// The workout-history CSV: local timestamps in the table's zones (daylight saving included),
// the imperial and metric column sets, and how a row formats a workout's numbers.
#include "peloton/sim/json/workout_csv.h"

#include <gtest/gtest.h>

#include "peloton/sim/world/time_zones.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

std::string Local(const char* zone, int64_t utc) {
  const auto local = ToLocalTime(zone, utc);
  return local ? FormatCsvTimestamp(*local) : "unknown zone";
}

TEST(TimeZones, NewYorkFollowsUsDaylightSaving) {
  EXPECT_EQ(Local("America/New_York", 1767225600), "2025-12-31 19:00 (EST)");  // 2026-01-01Z
  EXPECT_EQ(Local("America/New_York", 1782864000), "2026-06-30 20:00 (EDT)");  // 2026-07-01Z
  // 2026-03-08 02:00 EST is the switch: 06:59Z is still EST, 07:00Z is 03:00 EDT.
  EXPECT_EQ(Local("America/New_York", 1772953140), "2026-03-08 01:59 (EST)");
  EXPECT_EQ(Local("America/New_York", 1772953200), "2026-03-08 03:00 (EDT)");
  // 2026-11-01 02:00 EDT falls back: 05:59Z is 01:59 EDT, 06:00Z is 01:00 EST.
  EXPECT_EQ(Local("America/New_York", 1793512740), "2026-11-01 01:59 (EDT)");
  EXPECT_EQ(Local("America/New_York", 1793512800), "2026-11-01 01:00 (EST)");
}

TEST(TimeZones, EuropeSwitchesAtOneUtcAndOthersKeepTheirOffset) {
  // 2026-03-29 01:00Z: London goes from GMT to BST, Berlin from CET to CEST.
  EXPECT_EQ(Local("Europe/London", 1774745999), "2026-03-29 00:59 (GMT)");
  EXPECT_EQ(Local("Europe/London", 1774746000), "2026-03-29 02:00 (BST)");
  EXPECT_EQ(Local("Europe/Berlin", 1774746000), "2026-03-29 03:00 (CEST)");
  EXPECT_EQ(Local("America/Phoenix", 1782864000), "2026-06-30 17:00 (MST)");
  EXPECT_EQ(Local("Asia/Kolkata", 1767225600), "2026-01-01 05:30 (IST)");
  EXPECT_EQ(Local("UTC", 1767225600), "2026-01-01 00:00 (UTC)");
}

TEST(TimeZones, SydneyHasItsSummerInJanuary) {
  EXPECT_EQ(Local("Australia/Sydney", 1767225600), "2026-01-01 11:00 (AEDT)");
  EXPECT_EQ(Local("Australia/Sydney", 1782864000), "2026-07-01 10:00 (AEST)");
}

// Each year gets the rules in force that year, from the tz database, not today's rules.
TEST(TimeZones, PastYearsKeepTheirOwnRules) {
  // 2006: US daylight time ran from the first Sunday of April to the last Sunday of October.
  EXPECT_EQ(Local("America/New_York", 1142856000), "2006-03-20 07:00 (EST)");  // 12:00Z
  EXPECT_EQ(Local("America/New_York", 1162382400), "2006-11-01 07:00 (EST)");  // 12:00Z
  // Moscow kept UTC+4 all year from 2011 to 2014, and has been UTC+3 since.
  EXPECT_EQ(Local("Europe/Moscow", 1326628800), "2012-01-15 16:00 (MSK)");  // 2012-01-15 12:00Z
  EXPECT_EQ(Local("Europe/Moscow", 1767225600), "2026-01-01 03:00 (MSK)");
}

TEST(WorkoutCsv, AWorkoutFrom2006HasThatYearsOffset) {
  const json detail = {{"start_time", 1142856000},  // 2006-03-20 12:00Z: EST (EDT from April 2)
                       {"fitness_discipline", "cycling"},
                       {"ride",
                        {{"title", "45 min Climb Ride"},
                         {"duration", 2700},
                         {"is_archived", true},
                         {"original_air_time", 1162382400}}}};  // 2006-11-01 12:00Z: EST
  CsvContext context{"America/New_York", false, "", ""};
  const std::string row = CsvRow(detail, WorkoutMetrics{}, context);
  EXPECT_EQ(row.substr(0, row.find(',')), "2006-03-20 07:00 (EST)");
  EXPECT_NE(row.find(",2006-11-01 07:00 (EST),"), std::string::npos) << row;
}

TEST(TimeZones, UnknownZonesAreRejected) {
  EXPECT_FALSE(ToLocalTime("Mars/Olympus_Mons", 0));
  EXPECT_FALSE(ToLocalTime("america/new_york", 0));  // IANA names are case-sensitive
}

TEST(WorkoutCsv, HeaderIsSection8sImperialOrMetricRow) {
  EXPECT_EQ(CsvHeader(false),
            "Workout Timestamp,Live/On-Demand,Instructor Name,Length (minutes),Fitness "
            "Discipline,Type,Title,Class Timestamp,Total Output,Avg. Watts,Avg. Resistance,Avg. "
            "Cadence (RPM),Avg. Speed (mph),Distance (mi),Calories Burned,Avg. Heartrate,Avg. "
            "Incline,Avg. Pace (min/mi)\n");
  const std::string metric = CsvHeader(true);
  EXPECT_NE(metric.find(",Avg. Speed (kph),Distance (km),"), std::string::npos);
  EXPECT_NE(metric.find(",Avg. Pace (min/km)\n"), std::string::npos);
}

TEST(WorkoutCsv, RowFormatsACyclingWorkout) {
  const json detail = {{"start_time", 1587140940},  // 2020-04-17 16:29Z
                       {"fitness_discipline", "cycling"},
                       {"ride",
                        {{"title", "20 min Beginner Ride"},
                         {"duration", 1200},
                         {"is_archived", true},
                         {"original_air_time", 1535137860}}}};
  WorkoutMetrics m;
  m.total_output_kj = 119.4;
  m.output.average = 99.2;
  m.resistance.average = 37.4;
  m.cadence.average = 84;
  m.speed.average = 15.806;
  m.distance_mi = 5.26;
  m.calories = 164;
  CsvContext context{"America/Los_Angeles", false, "Cody Rigsby", "Theme"};
  EXPECT_EQ(CsvRow(detail, m, context),
            "2020-04-17 09:29 (PDT),On Demand,Cody Rigsby,20,Cycling,Theme,20 min Beginner Ride,"
            "2018-08-24 12:11 (PDT),119,99,37%,84,15.81,5.26,164,,,\n");
}

TEST(WorkoutCsv, MetricRowsConvertAndTitlesWithCommasAreQuoted) {
  const json detail = {{"start_time", 1767225600},
                       {"fitness_discipline", "running"},
                       {"ride", {{"title", "Run, \"Fast\""}, {"duration", 1800}}}};
  WorkoutMetrics m;
  m.speed.average = 6.0;
  m.distance_mi = 3.0;
  m.avg_pace_min_mi = 10.0;
  m.heart_rate.average = 150.456;
  CsvContext context{"UTC", true, "", ""};
  EXPECT_EQ(CsvRow(detail, m, context),
            "2026-01-01 00:00 (UTC),On Demand,,30,Running,,\"Run, \"\"Fast\"\"\",,,,,,9.66,4.83,,"
            "150.46,,6.21\n");
}

}  // namespace
}  // namespace pelo::sim
