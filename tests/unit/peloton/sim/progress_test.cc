// Calendar, streaks and personal records derived from workout bodies.
#include "peloton/sim/json/progress.h"

#include <gtest/gtest.h>

namespace pelo::sim {
namespace {

using nlohmann::json;

constexpr int64_t kDay = 86400;
constexpr int64_t kMonday20260105 = 1767571200;

json Workout(int64_t created_at, const char* discipline = "cycling", double total_work = 0,
             int duration = 1200) {
  return {{"id", "w" + std::to_string(created_at)},
          {"created_at", created_at},
          {"fitness_discipline", discipline},
          {"total_work", total_work},
          {"ride", {{"duration", duration}}}};
}

Details Pointers(const std::vector<json>& workouts) {
  Details out;
  for (const json& w : workouts) out.push_back(&w);
  return out;
}

TEST(Calendar, GroupsDaysByMonthNewestFirstInTheZone) {
  // 2026-02-01 03:00Z is still January 31st in New York.
  const std::vector<json> workouts = {Workout(1769914800), Workout(1767571200 + 12 * 3600),
                                      Workout(1767571200 + 13 * 3600)};
  EXPECT_EQ(CalendarJson(Pointers(workouts), "America/New_York"),
            json::parse(R"({"months":[{"year":2026,"month":1,"active_days":[5,31]}]})"));
  EXPECT_EQ(CalendarJson(Pointers(workouts), "UTC")["months"][0]["month"], 2);
}

TEST(Overview, WeeklyStreaksCountWeeksWithAWorkout) {
  // Workouts in the weeks of Jan 5, 12 and 26 (not 19); "now" is Wednesday Jan 28.
  const std::vector<json> workouts = {Workout(kMonday20260105 + 21 * kDay + 3600),
                                      Workout(kMonday20260105 + 7 * kDay + 3600),
                                      Workout(kMonday20260105 + 3600)};
  const json overview =
      OverviewJson("me", Pointers(workouts), kMonday20260105 + 23 * kDay + 3600, "UTC");
  EXPECT_EQ(overview["streaks"]["current_weekly"], 1);
  EXPECT_EQ(overview["streaks"]["best_weekly"], 2);
  EXPECT_EQ(overview["streaks"]["start_date_of_current_weekly"], kMonday20260105 + 21 * kDay);
  EXPECT_EQ(overview["workout_counts"]["total_workouts"], 3);
}

TEST(Overview, PersonalRecordsKeepTheBestOutputPerClassLength) {
  const std::vector<json> workouts = {
      Workout(3 * kDay, "cycling", 250000, 1200), Workout(2 * kDay, "cycling", 310400, 1200),
      Workout(1 * kDay, "cycling", 150000, 600), Workout(1 * kDay + 1, "yoga", 0, 600)};
  const json records = OverviewJson("me", Pointers(workouts), 4 * kDay, "UTC")["personal_records"];
  ASSERT_EQ(records.size(), 1u);  // yoga has no output
  EXPECT_EQ(records[0]["slug"], "cycling");
  ASSERT_EQ(records[0]["records"].size(), 2u);
  EXPECT_EQ(records[0]["records"][1]["name"], "20 min");
  EXPECT_EQ(records[0]["records"][1]["value"], "310");
  EXPECT_EQ(records[0]["records"][1]["workout_id"], "w172800");
}

}  // namespace
}  // namespace pelo::sim
