// The simulator's responses carry the keys the real API's do: every top-level key of a captured
// response (../shared/fixtures/peloton) must be present in the simulator's answer to the same
// request. Keys the sim adds are fine; keys it lacks are what would break a real client. The one
// exception is a joined object (`joins`): where a capture made without the join lacks it, the
// sim's plain answer must lack it too, or clients written against the sim break on the real API.
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "sim_test_util.h"

namespace pelo::sim::testing {
namespace {

nlohmann::json Fixture(const std::string& relative) {
  std::ifstream in(std::string(PELO_SHARED_DIR) + "/fixtures/peloton/" + relative);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  return nlohmann::json::parse(text);
}

std::set<std::string> Missing(const nlohmann::json& real, const nlohmann::json& ours) {
  std::set<std::string> missing;
  for (const auto& [key, value] : real.items()) {
    if (!ours.contains(key)) missing.insert(key);
  }
  return missing;
}

// `object` without the keys named: what a capture holds minus what its request's joins added.
nlohmann::json Without(nlohmann::json object, std::initializer_list<const char*> keys) {
  for (const char* key : keys) object.erase(key);
  return object;
}

class SimShape : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = StartServer(SmallOptions(40));
    ASSERT_TRUE(server_);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    token_ = PasswordToken(*client_);
    me_ = GetJson(*client_, "/api/me", token_);
    list_ = GetJson(*client_,
                    "/api/user/" + me_["id"].get<std::string>() +
                        "/workouts?joins=ride,ride.instructor&limit=100",
                    token_);
    for (const auto& w : list_["data"]) {
      if (w["fitness_discipline"] == "cycling" && cycling_id_.empty()) cycling_id_ = w["id"];
    }
    ASSERT_FALSE(cycling_id_.empty());
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
  std::string token_;
  nlohmann::json me_, list_;
  std::string cycling_id_;
};

const char* const kP2g = "peloton-to-garmin/src/UnitTests/Data/";

TEST_F(SimShape, MeHasTheProfileKeysOfTheRealUserData) {
  auto real = Fixture(
      "peloton-tableau-connector/service/peloservice/"
      "requests_test.go.L27.login_response_with_user_data.json")["user_data"];
  EXPECT_EQ(Missing(real, me_), std::set<std::string>{});
}

TEST_F(SimShape, WorkoutListHasTheRealEnvelopeAndItemKeys) {
  auto real = Fixture(std::string(kP2g) + "peloton_responses/rower_sample.json");
  EXPECT_EQ(Missing(real, list_), std::set<std::string>{});
  EXPECT_EQ(Missing(real["data"][0], list_["data"][0]), std::set<std::string>{});
  // The capture was fetched with joins=ride (P2G), so its items carry the ride.
  EXPECT_EQ(Missing(real["data"][0]["ride"], list_["data"][0]["ride"]), std::set<std::string>{});
}

TEST_F(SimShape, WorkoutDetailAndItsRideHaveTheRealKeys) {
  auto real = Fixture(std::string(kP2g) + "SyncMyWorkout01.json")["Workout"];
  auto ours =
      GetJson(*client_, "/api/workout/" + cycling_id_ + "?joins=ride,ride.instructor", token_);
  EXPECT_EQ(Missing(real, ours), std::set<std::string>{});
  EXPECT_EQ(Missing(real["ride"], ours["ride"]), std::set<std::string>{});
  EXPECT_EQ(Missing(real["ftp_info"], ours["ftp_info"]), std::set<std::string>{});
}

// §4.3: the live detail embeds `ride` with no joins at all; `joins=ride.instructor` adds its
// instructor, `joins=user` the user and `joins=peloton` the session. The captured details were
// fetched with joins, so their joined objects are left out before comparing.
TEST_F(SimShape, PlainWorkoutDetailHasTheRealKeysAndItsRide) {
  const std::vector<std::string> captured = {
      std::string(kP2g) + "SyncMyWorkout01.json",
      std::string(kP2g) + "lanebreaker.json",
      std::string(kP2g) + "p2g_workouts/cycling_workout.json",
      std::string(kP2g) + "p2g_workouts/meditation_workout.json",
      std::string(kP2g) + "p2g_workouts/running_workout_no_metrics.json",
      std::string(kP2g) + "p2g_workouts/tread_run_workout.json",
      std::string(kP2g) + "p2g_workouts/walking_outdoor_01.json",
      "peloton-to-garmin/tests/data/peloton_workout_cycling.json",
      "peloton-to-garmin/tests/data/peloton_workout_cycling_freestyle.json",
      "peloton-to-garmin/tests/data/peloton_workout_running.json",
      "peloton-to-garmin/tests/data/peloton_workout_strength.json"};
  auto ours = GetJson(*client_, "/api/workout/" + cycling_id_, token_);
  ASSERT_TRUE(ours.contains("ride") && ours["ride"].is_object()) << ours.dump().substr(0, 300);
  EXPECT_FALSE(ours["ride"].contains("instructor")) << "joins=ride.instructor was not asked";
  for (const std::string& file : captured) {
    SCOPED_TRACE(file);
    nlohmann::json real = Fixture(file);
    if (real.contains("Workout")) real = real["Workout"];
    ASSERT_TRUE(real["ride"].is_object());
    EXPECT_EQ(Missing(Without(real, {"user", "peloton"}), ours), std::set<std::string>{});
    EXPECT_EQ(Missing(Without(real["ride"], {"instructor"}), ours["ride"]),
              std::set<std::string>{});
  }
  for (const char* joined : {"user", "peloton"}) EXPECT_FALSE(ours.contains(joined)) << joined;
}

// §4.3: the list is different, a page fetched without joins has no `ride`
// (requests_test.go.L243.workouts_page.json).
TEST_F(SimShape, PlainWorkoutListHasTheRealKeysAndNoRide) {
  auto real = Fixture(
      "peloton-tableau-connector/service/peloservice/requests_test.go.L243.workouts_page.json");
  auto ours = GetJson(*client_, "/api/user/" + me_["id"].get<std::string>() + "/workouts", token_);
  EXPECT_EQ(Missing(real, ours), std::set<std::string>{});
  ASSERT_FALSE(ours["data"].empty());
  for (const auto& item : real["data"]) {
    EXPECT_EQ(Missing(item, ours["data"][0]), std::set<std::string>{});
    for (const char* joined : {"ride", "user", "peloton"}) {
      ASSERT_FALSE(item.contains(joined)) << joined;
      EXPECT_FALSE(ours["data"][0].contains(joined)) << joined;
    }
  }
}

TEST_F(SimShape, CyclingGraphHasTheRealKeysAtEveryLevel) {
  auto real = Fixture(std::string(kP2g) + "SyncMyWorkout01.json")["WorkoutSamples"];
  auto ours =
      GetJson(*client_, "/api/workout/" + cycling_id_ + "/performance_graph?every_n=1", token_);
  EXPECT_EQ(Missing(real, ours), std::set<std::string>{});
  EXPECT_EQ(Missing(real["segment_list"][0], ours["segment_list"][0]), std::set<std::string>{});
  EXPECT_EQ(Missing(real["metrics"][0], ours["metrics"][0]), std::set<std::string>{});
  EXPECT_EQ(Missing(real["summaries"][0], ours["summaries"][0]), std::set<std::string>{});
  std::set<std::string> real_slugs, our_slugs;
  for (const auto& m : real["metrics"]) real_slugs.insert(m["slug"].get<std::string>());
  for (const auto& m : ours["metrics"]) our_slugs.insert(m["slug"].get<std::string>());
  // A ride without HR legitimately lacks heart_rate; every other metric must be there.
  real_slugs.erase("heart_rate");
  our_slugs.erase("heart_rate");
  EXPECT_EQ(real_slugs, our_slugs);
}

TEST_F(SimShape, RideDetailsHaveTheRealKeys) {
  auto real = Fixture(
      "peloton-tableau-connector/service/peloservice/requests_test.go.L392.ride_details.json");
  auto workout = GetJson(*client_, "/api/workout/" + cycling_id_ + "?joins=ride", token_);
  auto ours = GetJson(*client_,
                      "/api/ride/" + workout["ride"]["id"].get<std::string>() + "/details", token_);
  std::set<std::string> missing = Missing(real, ours);
  EXPECT_EQ(missing, std::set<std::string>{});
  // The details' ride carries its instructor without any joins (the capture had none).
  EXPECT_EQ(Missing(real["ride"], ours["ride"]), std::set<std::string>{});
  ASSERT_TRUE(ours["ride"]["instructor"].is_object());
  EXPECT_EQ(Missing(real["ride"]["instructor"], ours["ride"]["instructor"]),
            std::set<std::string>{});
}

TEST_F(SimShape, InstructorHasTheRealKeys) {
  auto real = Fixture("dovops-spec-examples/GET_api_instructor_instructorId.200.json");
  auto list = GetJson(*client_, "/api/instructor", token_);
  ASSERT_FALSE(list["data"].empty());
  auto ours =
      GetJson(*client_, "/api/instructor/" + list["data"][0]["id"].get<std::string>(), token_);
  EXPECT_EQ(Missing(real, ours), std::set<std::string>{});
}

TEST_F(SimShape, ArchivedClassesHaveTheRealEnvelopeAndRideKeys) {
  auto real = Fixture("peloton-pal/peloton_classes.json");
  auto ours = GetJson(*client_, "/api/v2/ride/archived?limit=20", token_);
  EXPECT_EQ(Missing(real, ours), std::set<std::string>{});
  ASSERT_FALSE(ours["data"].empty());
  for (const auto& ride : real["data"]) {
    EXPECT_EQ(Missing(ride, ours["data"][0]), std::set<std::string>{});
    // Instructors are listed once beside the rides, not embedded in each.
    ASSERT_FALSE(ride.contains("instructor"));
  }
  for (const auto& ride : ours["data"]) EXPECT_FALSE(ride.contains("instructor"));
  EXPECT_EQ(Missing(real["browse_categories"][0], ours["browse_categories"][0]),
            std::set<std::string>{});
  EXPECT_EQ(Missing(real["class_types"][0], ours["class_types"][0]), std::set<std::string>{});
  EXPECT_EQ(Missing(real["fitness_disciplines"][0], ours["fitness_disciplines"][0]),
            std::set<std::string>{});
}

TEST_F(SimShape, LiveSessionHasTheRealKeys) {
  auto real = Fixture("dovops-spec-examples/GET_api_peloton_reservationId.200.json");
  auto live = GetJson(*client_, "/api/v3/ride/live", token_);
  ASSERT_FALSE(live["data"].empty());
  auto ours = GetJson(*client_, "/api/peloton/" + live["data"][0]["id"].get<std::string>(), token_);
  EXPECT_EQ(Missing(real, ours), std::set<std::string>{});
  EXPECT_EQ(Missing(real, live["data"][0]), std::set<std::string>{});
  // A session names its class by `ride_id`; the capture embeds no ride.
  ASSERT_FALSE(real.contains("ride"));
  EXPECT_FALSE(ours.contains("ride"));
  EXPECT_FALSE(live["data"][0].contains("ride"));
}

TEST_F(SimShape, ReservationDeleteHasTheRealKeys) {
  auto real = Fixture("dovops-spec-examples/DELETE_api_reservation_reservationId.200.json");
  auto live = GetJson(*client_, "/api/v3/ride/live?exclude_complete=true", token_);
  ASSERT_FALSE(live["data"].empty());
  const nlohmann::json request = {
      {"location", "remote"}, {"peloton_id", live["data"].back()["id"]}, {"user_id", me_["id"]}};
  auto created =
      client_->Post("/api/reservation", Bearer(token_), request.dump(), "application/json");
  ASSERT_TRUE(created && created->status == 200) << (created ? created->body : "no answer");
  const auto id = nlohmann::json::parse(created->body)["id"].get<std::string>();
  auto deleted = client_->Delete(("/api/reservation/" + id).c_str(), Bearer(token_));
  ASSERT_TRUE(deleted && deleted->status == 200);
  EXPECT_EQ(nlohmann::json::parse(deleted->body), real);
}

TEST_F(SimShape, CalendarHasTheRealKeys) {
  auto real = Fixture("dovops-spec-examples/GET_api_user_userId_calendar.200.json");
  auto ours = GetJson(*client_, "/api/user/" + me_["id"].get<std::string>() + "/calendar", token_);
  EXPECT_EQ(Missing(real, ours), std::set<std::string>{});
  ASSERT_FALSE(ours["months"].empty());
  EXPECT_EQ(Missing(real["months"][0], ours["months"][0]), std::set<std::string>{});
}

}  // namespace
}  // namespace pelo::sim::testing
