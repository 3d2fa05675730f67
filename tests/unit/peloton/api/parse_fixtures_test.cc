// Every captured response under shared/fixtures/peloton parses with the parser for its endpoint.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pelo/peloton/api/parse.h"
#include "pelo/peloton/api/parse_more.h"
#include "unit/peloton/api/fixture_files.h"

namespace pelo::api {
namespace {

using testing::AllJsonFixtures;
using testing::FixturePath;
using testing::Member;
using testing::ReadFile;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// P2G envelope: the raw workout detail and performance graph, side by side.
void ExpectEnvelopeParses(const std::string& body) {
  StatusOr<model::Workout> workout = ParseWorkout(Member(body, "Workout"));
  ASSERT_TRUE(workout.ok()) << workout.status().ToString();
  EXPECT_FALSE(workout->id.empty());
  StatusOr<model::PerformanceGraph> graph = ParsePerformanceGraph(Member(body, "WorkoutSamples"));
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  EXPECT_FALSE(graph->seconds_since_pedaling_start.empty());
}

// peloton-pal's GET /api/v2/ride/archived: the joined instructors are full instructor objects.
void ExpectArchivedClassesParse(const std::string& body) {
  nlohmann::json doc = nlohmann::json::parse(body);
  ASSERT_TRUE(doc.contains("instructors"));
  for (const nlohmann::json& item : doc["instructors"]) {
    StatusOr<model::Instructor> instructor = ParseInstructor(item.dump());
    ASSERT_TRUE(instructor.ok()) << instructor.status().ToString();
    EXPECT_FALSE(instructor->name.empty());
  }
}

// Dispatches one fixture to its parser by what SOURCES.md says it is; false when unclassified.
bool ParseByKind(const std::string& name, const std::string& body) {
  if (Contains(body, "\"WorkoutSamples\"")) {
    ExpectEnvelopeParses(body);
  } else if (Contains(name, "workoutsamples") || Contains(name, "performance_graph")) {
    auto graph = ParsePerformanceGraph(body);
    EXPECT_TRUE(graph.ok() && !graph->seconds_since_pedaling_start.empty()) << name;
  } else if (Contains(name, "peloton_workouts_01")) {  // P2G v1 stored the bare `data` array
    auto page = ParseWorkoutPage("{\"data\":" + body.substr(body.find('[')) + "}");
    EXPECT_TRUE(page.ok() && page->data.size() == 1) << name;
  } else if (Contains(name, "rower_sample") || Contains(name, "workouts_page")) {
    auto page = ParseWorkoutPage(body);
    EXPECT_TRUE(page.ok() && !page->data.empty() && page->total > 0) << name;
  } else if (Contains(name, "peloton_workout_")) {
    auto workout = ParseWorkout(body);
    EXPECT_TRUE(workout.ok() && !workout->id.empty() && workout->ride) << name;
  } else if (Contains(name, "ride_details")) {
    auto details = ParseRideDetails(body);
    EXPECT_TRUE(details.ok() && !details->ride.id.empty() && !details->segments.empty()) << name;
  } else if (Contains(name, "GET_api_instructor_")) {
    auto instructor = ParseInstructor(body);
    EXPECT_TRUE(instructor.ok() && !instructor->id.empty()) << name;
  } else if (Contains(name, "login_response_with_user_data")) {
    auto user = ParseUser(Member(body, "user_data"));
    EXPECT_TRUE(user.ok() && !user->id.empty()) << name;
  } else if (Contains(name, "peloton_classes")) {
    ExpectArchivedClassesParse(body);
    auto page = ParseClassPage(body);
    EXPECT_TRUE(page.ok() && !page->rides.data.empty() && !page->instructors.empty()) << name;
  } else if (Contains(name, "workoutsummary")) {
    auto summary = ParseWorkoutSummary(body);
    EXPECT_TRUE(summary.ok() && !summary->workout_id.empty()) << name;
  } else if (Contains(name, "calendar")) {
    auto months = ParseCalendar(body);
    EXPECT_TRUE(months.ok() && !months->empty()) << name;
  } else if (Contains(name, "GET_api_peloton_")) {
    auto session = ParseLiveSession(body);
    EXPECT_TRUE(session.ok() && !session->id.empty()) << name;
  } else if (Contains(name, "DELETE_api_reservation")) {
    EXPECT_EQ(nlohmann::json::parse(body), nlohmann::json::parse(R"({"deleted":true})")) << name;
  } else {
    return false;
  }
  return true;
}

TEST(ParseFixtures, EveryCapturedResponseParsesWithItsParser) {
  std::vector<std::string> files = AllJsonFixtures();
  ASSERT_GE(files.size(), 38u);  // SOURCES.md lists 38 JSON files
  for (const std::string& name : files) {
    SCOPED_TRACE(name);
    std::string body = ReadFile(FixturePath(name));
    ASSERT_FALSE(body.empty());
    EXPECT_TRUE(ParseByKind(name, body)) << "unclassified fixture: " << name;
  }
}

TEST(ParseFixtures, BomPrefixedBodiesParse) {
  std::string body = ReadFile(FixturePath(
      "peloton-to-garmin/src/UnitTests/Data/peloton_responses/rower_performance_graph.json"));
  ASSERT_EQ(body.substr(0, 3), "\xEF\xBB\xBF");
  StatusOr<model::PerformanceGraph> graph = ParsePerformanceGraph(body);
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  EXPECT_EQ(graph->seconds_since_pedaling_start.size(), 600u);
}

TEST(StripBom, RemovesOnlyALeadingMark) {
  EXPECT_EQ(StripBom("\xEF\xBB\xBF{}"), "{}");
  EXPECT_EQ(StripBom("{}"), "{}");
  EXPECT_EQ(StripBom(""), "");
  EXPECT_EQ(StripBom("\xEF\xBB"), "\xEF\xBB");
}

}  // namespace
}  // namespace pelo::api
