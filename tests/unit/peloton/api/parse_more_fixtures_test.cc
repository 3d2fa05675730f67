// The parse_more.h parsers (and the ride-details playlist) against captured responses.
#include <gtest/gtest.h>

#include "pelo/peloton/api/parse.h"
#include "pelo/peloton/api/parse_more.h"
#include "unit/peloton/api/fixture_files.h"

namespace pelo::api::testing {
namespace {

const std::string kDovOps = "dovops-spec-examples/";

TEST(ParseMoreFixtures, ArchivedClassesWithTheirInstructors) {
  model::ClassPage page = Ok(ParseClassPage(ReadFixture("peloton-pal/peloton_classes.json")));
  ASSERT_EQ(page.rides.data.size(), 20u);
  EXPECT_EQ(page.rides.page, 0);
  EXPECT_EQ(page.rides.page_count, 1540);
  EXPECT_EQ(page.rides.total, 30792);
  EXPECT_EQ(page.rides.count, 20);
  EXPECT_TRUE(page.rides.show_next);
  const model::Ride& first = page.rides.data.front();
  EXPECT_EQ(first.id, "f5bf0720d7bc43a5ae0da0b17cfda975");
  EXPECT_EQ(first.title, "45 min 80s Walk");
  EXPECT_EQ(first.duration, 2700);
  EXPECT_EQ(first.fitness_discipline, "walking");
  ASSERT_TRUE(first.instructor.has_value());  // joined from `instructors[]` by id
  EXPECT_EQ(first.instructor->name, "Kirsten Ferguson");
  EXPECT_EQ(page.rides.data.back().title, "10 min HIIT Cardio");
  ASSERT_EQ(page.instructors.size(), 19u);
  EXPECT_EQ(page.instructors[0].id, "0021e2220a7940cf94a7647b1e4bae6c");
  EXPECT_EQ(page.instructors[0].name, "Chelsea Jackson Roberts");
  for (const model::Ride& ride : page.rides.data) EXPECT_TRUE(ride.instructor) << ride.id;
}

TEST(ParseMoreFixtures, PelotonSession) {
  model::LiveSession s =
      Ok(ParseLiveSession(ReadFixture(kDovOps + "GET_api_peloton_reservationId.200.json")));
  EXPECT_EQ(s.id, "bfabe9f63fe249dd8a2cb9c1a9e0af79");
  EXPECT_EQ(s.ride_id, "55214456a1984c5885a087021e3f67b7");
  EXPECT_EQ(s.status, "COMPLETE");
  EXPECT_EQ(s.scheduled_start_time, 1585305000);
  EXPECT_EQ(s.start_time, 1585305000);
  EXPECT_EQ(s.end_time, 1585306084);
  EXPECT_TRUE(s.is_live);
  EXPECT_TRUE(s.is_encore);
  EXPECT_EQ(s.total_home_reservations, 504);
  EXPECT_FALSE(s.ride.has_value());
  EXPECT_NE(s.json.find("\"server_time\":1586527037"), std::string::npos);
}

TEST(ParseMoreFixtures, Calendar) {
  auto months = Ok(ParseCalendar(ReadFixture(kDovOps + "GET_api_user_userId_calendar.200.json")));
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].year, 2020);
  EXPECT_EQ(months[0].month, 4);
  EXPECT_EQ(months[0].active_days, (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_EQ(months[1].month, 3);
  EXPECT_EQ(months[1].active_days.size(), 31u);
  EXPECT_EQ(months[2].active_days.size(), 25u);
}

TEST(ParseMoreFixtures, Instructor) {
  model::Instructor i =
      Ok(ParseInstructor(ReadFixture(kDovOps + "GET_api_instructor_instructorId.200.json")));
  EXPECT_EQ(i.id, "a8c56f162c964e9392568bc13828a3fb");
  EXPECT_EQ(i.name, "Anna Greenberg");
  EXPECT_EQ(i.username, "agreenberg");
  EXPECT_EQ(i.fitness_disciplines, (std::vector<std::string>{"meditation", "yoga"}));
}

TEST(ParseMoreFixtures, LegacyWorkoutSummary) {
  model::WorkoutSummary s = Ok(ParseWorkoutSummary(
      ReadFixture("peloton-to-garmin/tests/data/peloton_workoutsummary_cycling.json")));
  EXPECT_EQ(s.workout_id, "d49cc8314b4e4f7ca1726394a90f6757");
  EXPECT_DOUBLE_EQ(s.total_work.value_or(0), 205916.09);
  EXPECT_DOUBLE_EQ(s.avg_power.value_or(0), 114.41);
  EXPECT_DOUBLE_EQ(s.max_power.value_or(0), 232.8);
  EXPECT_DOUBLE_EQ(s.avg_cadence.value_or(0), 84.95);
  EXPECT_DOUBLE_EQ(s.avg_resistance.value_or(0), 39.49);
  EXPECT_DOUBLE_EQ(s.avg_speed.value_or(0), 16.96);
  EXPECT_DOUBLE_EQ(s.avg_heart_rate.value_or(0), 145.58);
  EXPECT_DOUBLE_EQ(s.max_heart_rate.value_or(0), 165);
  EXPECT_DOUBLE_EQ(s.calories.value_or(0), 262.81);
  EXPECT_DOUBLE_EQ(s.distance.value_or(0), 8.48);
  EXPECT_NE(s.json.find("\"instant\":1607636378"), std::string::npos);
}

TEST(ParseMoreFixtures, RideDetailsPlaylistAndInstructor) {
  model::RideDetails d = Ok(ParseRideDetails(ReadFixture(
      "peloton-tableau-connector/service/peloservice/requests_test.go.L392.ride_details.json")));
  ASSERT_EQ(d.playlist.size(), 2u);
  EXPECT_EQ(d.playlist[0].title, "Lodge");
  EXPECT_EQ(d.playlist[0].artists, "Bounty Killer");
  EXPECT_EQ(d.playlist[0].album, "Roots, Reality & Culture");
  EXPECT_EQ(d.playlist[0].start_time_offset, 60);
  EXPECT_EQ(d.playlist[1].title, "Who Am I");
  EXPECT_EQ(d.playlist[1].start_time_offset, 282);
  ASSERT_TRUE(d.ride.instructor.has_value());  // the fixture nests it in `ride`
  EXPECT_EQ(d.ride.instructor->name, "Kendall Toole");
}

}  // namespace
}  // namespace pelo::api::testing
