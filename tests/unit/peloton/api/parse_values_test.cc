// Concrete values read from the fixture files (checked by hand against the JSON).
#include <gtest/gtest.h>

#include "pelo/analytics/ftp.h"
#include "pelo/peloton/api/parse.h"
#include "unit/peloton/api/fixture_files.h"

namespace pelo::api {
namespace {

using testing::FixturePath;
using testing::Member;
using testing::Ok;
using testing::ReadFile;

const std::string kP2g = "peloton-to-garmin/src/UnitTests/Data/";
const std::string kP2gTests = "peloton-to-garmin/tests/data/";
const std::string kTableau = "peloton-tableau-connector/service/peloservice/requests_test.go.";

model::PerformanceGraph Graph(const std::string& envelope) {
  return Ok(ParsePerformanceGraph(Member(ReadFile(FixturePath(envelope)), "WorkoutSamples")));
}

TEST(ParseValues, SyncMyWorkoutDetail) {
  model::Workout w =
      Ok(ParseWorkout(Member(ReadFile(FixturePath(kP2g + "SyncMyWorkout01.json")), "Workout")));
  EXPECT_EQ(w.id, "19bc665d58024a97a668e930c0a12d15");
  EXPECT_EQ(w.start_time, 1605667034);
  EXPECT_EQ(w.end_time, 1605668833);
  EXPECT_DOUBLE_EQ(w.total_work.value_or(0), 256256.99);
  EXPECT_EQ(w.title, "");  // null in the API
  EXPECT_EQ(w.name, "Cycling Workout");
  EXPECT_TRUE(w.has_pedaling_metrics);
  ASSERT_TRUE(w.ftp_info.has_value());
  EXPECT_EQ(w.ftp_info->ftp, 243);
  EXPECT_EQ(w.ftp_info->ftp_source, "ftp_manual_source");
  EXPECT_EQ(analytics::ResolveWorkoutFtp(*w.ftp_info), 231);
  ASSERT_TRUE(w.ride.has_value());
  EXPECT_EQ(w.ride->title, "30 min Power Zone Ride");
  EXPECT_EQ(w.ride->pedaling_start_offset, 60);
  EXPECT_DOUBLE_EQ(w.ride->difficulty_estimate.value_or(0), 7.1483);
  ASSERT_TRUE(w.ride->instructor.has_value());
  EXPECT_EQ(w.ride->instructor->name, "Olivia Amato");
  EXPECT_EQ(w.ride->instructor->fitness_disciplines.size(), 7u);
}

TEST(ParseValues, SyncMyWorkoutGraph) {
  model::PerformanceGraph g = Graph(kP2g + "SyncMyWorkout01.json");
  EXPECT_EQ(g.duration, 1800);
  ASSERT_EQ(g.seconds_since_pedaling_start.size(), 1800u);
  EXPECT_EQ(g.seconds_since_pedaling_start.front(), 1);
  ASSERT_EQ(g.segments.size(), 3u);
  EXPECT_EQ(g.segments[1].start_time_offset, 661);
  EXPECT_EQ(g.segments[1].length, 1081);
  EXPECT_EQ(g.segments[0].icon_slug, "warmup");
  const model::Metric* output = g.FindMetric("output");
  ASSERT_NE(output, nullptr);
  EXPECT_EQ(output->max_value, 501);
  EXPECT_EQ(output->average_value, 142);
  ASSERT_EQ(output->values.size(), 1800u);
  EXPECT_EQ(output->values[100], 153);
  const model::Metric* speed = g.FindMetric("speed");
  ASSERT_NE(speed, nullptr);
  EXPECT_EQ(speed->display_unit, "mph");
  EXPECT_DOUBLE_EQ(speed->values[100].value_or(0), 19.3);
  const model::Metric* hr = g.FindMetric("heart_rate");
  ASSERT_NE(hr, nullptr);
  ASSERT_EQ(hr->zones.size(), 5u);
  EXPECT_EQ(hr->zones[2].slug, "zone3");
  EXPECT_EQ(hr->zones[2].min_value, 141);
  EXPECT_EQ(hr->zones[2].max_value, 158);
  EXPECT_EQ(hr->zones[2].duration, 728);
  EXPECT_EQ(g.Summary("total_output"), 256);
  EXPECT_EQ(g.FindSummary("distance")->display_unit, "mi");
  EXPECT_DOUBLE_EQ(g.Summary("distance").value_or(0), 9.31);
  EXPECT_DOUBLE_EQ(g.Summary("avg_speed").value_or(0), 18.6);  // from average_summaries
  EXPECT_FALSE(g.total_effort_points.has_value());             // effort_zones is null
}

TEST(ParseValues, RunningEveryNFiveWithPaceAlternatives) {
  model::PerformanceGraph g = Ok(ParsePerformanceGraph(
      ReadFile(FixturePath(kP2gTests + "peloton_workoutsamples_running.json"))));
  ASSERT_EQ(g.seconds_since_pedaling_start.size(), 241u);
  EXPECT_EQ(g.seconds_since_pedaling_start[1], 5);
  const model::Metric* pace = g.FindMetric("pace");
  ASSERT_NE(pace, nullptr);
  EXPECT_EQ(pace->display_unit, "min/mi");
  ASSERT_EQ(pace->values.size(), 241u);
  int nulls = 0;
  for (const auto& v : pace->values) nulls += v.has_value() ? 0 : 1;
  EXPECT_EQ(nulls, 39);
  ASSERT_EQ(pace->alternatives.size(), 1u);
  EXPECT_EQ(pace->alternatives[0].slug, "speed");
  const model::Metric* speed = g.FindMetric("speed");  // found among the alternatives
  ASSERT_NE(speed, nullptr);
  EXPECT_EQ(speed->display_unit, "mph");
  EXPECT_DOUBLE_EQ(speed->max_value.value_or(0), 8.6);
}

TEST(ParseValues, OutdoorWalkLocationData) {
  model::PerformanceGraph g = Graph(kP2g + "p2g_workouts/walking_outdoor_01.json");
  ASSERT_EQ(g.gps.size(), 1797u);  // 299 + 1438 + 60 coordinates in 3 segments
  const model::GpsPoint& first = g.gps.front();
  EXPECT_EQ(first.seconds_offset, 1);
  EXPECT_DOUBLE_EQ(first.latitude, 37.19677);
  EXPECT_DOUBLE_EQ(first.longitude, -94.45025);
  EXPECT_DOUBLE_EQ(first.accuracy.value_or(0), 12.68);
  EXPECT_EQ(first.distance_unit, "mi");
  EXPECT_EQ(first.segment_id, "37b94cca8eba4efbb483ff6a7e54227e");
  EXPECT_FALSE(first.is_gap);
  EXPECT_DOUBLE_EQ(g.gps[298].distance.value_or(0), 0.23);
  EXPECT_EQ(g.gps[299].segment_id, "49e625a1f260405fbe68c93357d875ab");
  const model::Metric* altitude = g.FindMetric("altitude");
  ASSERT_NE(altitude, nullptr);
  EXPECT_FALSE(altitude->max_value.has_value());  // null in the API
  EXPECT_EQ(altitude->values[0], 958);
  EXPECT_DOUBLE_EQ(g.total_effort_points.value_or(0), 18.96);

  model::PerformanceGraph run = Ok(ParsePerformanceGraph(
      ReadFile(FixturePath(kP2gTests + "peloton_workoutsamples_running_outdoor.json"))));
  EXPECT_EQ(run.gps.size(), 1198u);
}

TEST(ParseValues, RowerGraph) {
  model::PerformanceGraph g = Ok(ParsePerformanceGraph(
      ReadFile(FixturePath(kP2g + "peloton_responses/rower_performance_graph.json"))));
  EXPECT_EQ(g.segments.size(), 6u);
  EXPECT_DOUBLE_EQ(g.total_effort_points.value_or(0), 10.3);
  const model::Metric* split = g.FindMetric("split_pace");
  ASSERT_NE(split, nullptr);
  EXPECT_EQ(split->display_unit, "min/500m");
  EXPECT_DOUBLE_EQ(split->values[100].value_or(0), 6.08);
  EXPECT_EQ(g.FindSummary("distance")->display_unit, "m");
  EXPECT_EQ(g.FindSummary("stroke_count")->display_unit, "");  // null unit
}

TEST(ParseValues, LanebreakerStartsLateWithoutSegments) {
  model::PerformanceGraph g = Graph(kP2g + "lanebreaker.json");
  ASSERT_EQ(g.seconds_since_pedaling_start.size(), 1785u);
  EXPECT_EQ(g.seconds_since_pedaling_start.front(), 7);
  EXPECT_TRUE(g.segments.empty());
  EXPECT_EQ(g.FindMetric("heart_rate"), nullptr);
}

TEST(ParseValues, WorkoutPages) {
  model::WorkoutPage rower =
      Ok(ParseWorkoutPage(ReadFile(FixturePath(kP2g + "peloton_responses/rower_sample.json"))));
  EXPECT_EQ(rower.total, 6);
  EXPECT_EQ(rower.count, 5);
  EXPECT_EQ(rower.page, 0);
  EXPECT_EQ(rower.limit, 5);
  EXPECT_EQ(rower.page_count, 2);
  EXPECT_TRUE(rower.show_next);
  ASSERT_EQ(rower.data.size(), 1u);
  EXPECT_EQ(rower.data[0].fitness_discipline, "caesar");
  EXPECT_TRUE(rower.data[0].ride.has_value());

  model::WorkoutPage page =
      Ok(ParseWorkoutPage(ReadFile(FixturePath(kTableau + "L243.workouts_page.json"))));
  EXPECT_EQ(page.page, 15);
  EXPECT_EQ(page.total, 420);
  EXPECT_EQ(page.page_count, 17);
  ASSERT_EQ(page.data.size(), 2u);
  EXPECT_EQ(page.data[0].id, "cfc1ea921353437caf8630825dd6d8b6");
  EXPECT_DOUBLE_EQ(page.data[0].total_work.value_or(0), 482432.95);
}

TEST(ParseValues, UserFromLegacyLoginResponse) {
  std::string body = ReadFile(FixturePath(kTableau + "L27.login_response_with_user_data.json"));
  model::User user = Ok(ParseUser(Member(body, "user_data")));
  EXPECT_EQ(user.total_workouts, 420);
  EXPECT_EQ(user.cycling_ftp, 142);
  EXPECT_EQ(user.cycling_ftp_source, "ftp_manual_source");
  EXPECT_EQ(user.estimated_cycling_ftp, 157);
  EXPECT_EQ(user.weight, 170);
  EXPECT_EQ(user.created_at, 1518835623);
  EXPECT_EQ(user.cycling_ftp_workout_id, "");
  EXPECT_EQ(analytics::ResolveUserFtp(user), 135);  // round(0.95 * 142)
}

TEST(ParseValues, RideDetailsAndInstructors) {
  model::RideDetails details =
      Ok(ParseRideDetails(ReadFile(FixturePath(kTableau + "L392.ride_details.json"))));
  EXPECT_EQ(details.ride.title, "45 min Intervals & Arms Ride: Dancehall");
  EXPECT_EQ(details.ride.duration, 2700);
  EXPECT_EQ(details.ride.length, 2829);
  ASSERT_TRUE(details.ride.instructor.has_value());
  EXPECT_EQ(details.ride.instructor->name, "Kendall Toole");
  ASSERT_EQ(details.segments.size(), 7u);
  EXPECT_EQ(details.segments[1].start_time_offset, 419);
  EXPECT_DOUBLE_EQ(details.segments[1].intensity_in_mets.value_or(0), 6.0);

  model::Instructor anna = Ok(ParseInstructor(
      ReadFile(FixturePath("dovops-spec-examples/GET_api_instructor_instructorId.200.json"))));
  EXPECT_EQ(anna.name, "Anna Greenberg");
  EXPECT_EQ(anna.fitness_disciplines, (std::vector<std::string>{"meditation", "yoga"}));
  EXPECT_FALSE(anna.bio.empty());
}

TEST(ParseValues, InstructorListReadsData) {
  auto list = Ok(
      ParseInstructorList(R"({"data":[{"id":"a","name":"A"},7,{"id":"b","name":"B"}],"total":2})"));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1].name, "B");
}

TEST(ParseValues, MeditationHasNoMetrics) {
  model::PerformanceGraph g = Graph(kP2g + "p2g_workouts/meditation_workout.json");
  EXPECT_TRUE(g.metrics.empty());
  EXPECT_EQ(g.seconds_since_pedaling_start.size(), 298u);
  EXPECT_EQ(g.segments.size(), 1u);
}

TEST(ParseValues, FreestyleRideWithoutClass) {
  model::Workout w =
      Ok(ParseWorkout(ReadFile(FixturePath(kP2gTests + "peloton_workout_cycling_freestyle.json"))));
  ASSERT_TRUE(w.ride.has_value());
  EXPECT_EQ(w.ride->title, "27 sec Just Ride");
  ASSERT_TRUE(w.ride->instructor.has_value());  // a stub: name and image, no id
  EXPECT_EQ(w.ride->instructor->name, "JUST RIDE");
  EXPECT_EQ(w.ride->instructor->id, "");
}

}  // namespace
}  // namespace pelo::api
