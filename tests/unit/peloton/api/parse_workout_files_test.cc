// What the workout files (FIT, TCX, GPX) need beyond the samples, parsed from real shapes: a
// strength workout's tracked movements (GET /api/workout/{id}), a class plan (GET
// /api/ride/{id}/details subsegments_v2) and a graph's target-metrics blocks.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pelo/peloton/api/parse.h"
#include "support/peer_projections.h"
#include "unit/peloton/api/fixture_files.h"

namespace pelo::api {
namespace {

using ::pelo::testing::ApiKeys;

using nlohmann::json;
using testing::Member;
using testing::Ok;
using testing::ReadFile;
using testing::ReadFixture;

// The file `name` under shared/fixtures/peer-projections/peloton-to-garmin: another tool's
// PascalCase serialisation of real workouts (its README).
json PeerProjection(const std::string& name) {
  return json::parse(ReadFile(std::string(PELO_SHARED_DIR) +
                              "/fixtures/peer-projections/peloton-to-garmin/" + name));
}

TEST(ParseWorkoutFiles, TrackedMovementsOfAPelotonGuideStrengthWorkout) {
  const json peer = PeerProjection("strength_guide_with_exercise.json");
  const model::Workout workout = Ok(ParseWorkout(ApiKeys(peer.at("Workout")).dump()));
  EXPECT_EQ(workout.id, "ab02df14382243c4a69bc00d3d3526b3");
  const json& tracked = peer.at("Workout")
                            .at("Movement_Tracker_Data")
                            .at("Completed_Movements_Summary_Data")
                            .at("Repetition_Summary_Data");
  ASSERT_EQ(tracked.size(), 10u);
  ASSERT_EQ(workout.tracked_movements.size(), tracked.size());
  for (size_t i = 0; i < tracked.size(); ++i) {
    const json& want = tracked[i];
    const model::TrackedMovement& got = workout.tracked_movements[i];
    EXPECT_EQ(got.movement_id, want.at("Movement_Id").get<std::string>()) << i;
    EXPECT_EQ(got.movement_name, want.at("Movement_Name").get<std::string>()) << i;
    EXPECT_EQ(got.is_hold, want.at("Is_Hold").get<bool>()) << i;
    EXPECT_EQ(got.completed_number, want.at("Completed_Number").get<double>()) << i;
    EXPECT_EQ(got.offset_s, want.at("Offset").get<int64_t>()) << i;
    EXPECT_EQ(got.length_s, want.at("Length").get<int64_t>()) << i;
    ASSERT_EQ(got.weights.size(), want.at("Weight").size()) << i;
    for (size_t w = 0; w < got.weights.size(); ++w) {
      const json& data = want.at("Weight")[w].at("Weight_Data");
      EXPECT_EQ(got.weights[w].value, data.at("Weight_Value").get<double>()) << i;
      EXPECT_EQ(got.weights[w].unit, data.at("Weight_Unit").get<std::string>()) << i;
    }
  }
  // The first two sets, by hand: the press with 10 lb, then a bodyweight push-up (weight 0).
  const model::TrackedMovement& press = workout.tracked_movements[0];
  EXPECT_EQ(press.movement_name, "Wide Grip Overhead Press");
  EXPECT_EQ(press.completed_number, 10);
  EXPECT_EQ(press.offset_s, 90);
  EXPECT_EQ(press.length_s, 30);
  EXPECT_EQ(press.weights, (std::vector<model::MovementWeight>{{10, "lb"}}));
  const model::TrackedMovement& push_up = workout.tracked_movements[2];
  EXPECT_EQ(push_up.movement_name, "Push Up");
  EXPECT_EQ(push_up.weights, (std::vector<model::MovementWeight>{{0, "lb"}}));
}

TEST(ParseWorkoutFiles, WorkoutsWithoutTrackingHaveNoTrackedMovements) {
  // The raw strength detail (no movement_tracker_data), P2G's non-Guide workout (null), and a
  // ride: none has any.
  EXPECT_TRUE(
      Ok(ParseWorkout(ReadFixture("peloton-to-garmin/tests/data/peloton_workout_strength.json")))
          .tracked_movements.empty());
  const json peer = PeerProjection("strength_nonguide_with_exercise.json");
  ASSERT_TRUE(peer.at("Workout").at("Movement_Tracker_Data").is_null());
  EXPECT_TRUE(Ok(ParseWorkout(ApiKeys(peer.at("Workout")).dump())).tracked_movements.empty());
  EXPECT_TRUE(
      Ok(ParseWorkout(Member(
             ReadFixture("peloton-to-garmin/src/UnitTests/Data/SyncMyWorkout01.json"), "Workout")))
          .tracked_movements.empty());
}

TEST(ParseWorkoutFiles, OddTrackedMovementsNeverFailTheWorkout) {
  for (const char* tracker :
       {R"(null)", R"([])", R"({})", R"({"completed_movements_summary_data": null})",
        R"({"completed_movements_summary_data": {"repetition_summary_data": {}}})",
        R"({"completed_movements_summary_data": {"repetition_summary_data": [1, "x", null]}})"}) {
    const std::string body =
        std::string(R"({"id": "w1", "movement_tracker_data": )") + tracker + "}";
    const model::Workout workout = Ok(ParseWorkout(body));
    EXPECT_EQ(workout.id, "w1") << tracker;
    EXPECT_TRUE(workout.tracked_movements.empty()) << tracker;
  }

  // Missing fields stay empty; two dumbbells are two weights; a weight without a value is none.
  const model::Workout workout = Ok(ParseWorkout(R"({"id": "w2", "movement_tracker_data": {
      "completed_movements_summary_data": {"repetition_summary_data": [
        {},
        {"movement_id": "m1", "movement_name": "Plank", "is_hold": true, "completed_number": 45.5,
         "offset": "120", "length": 60.9, "weight": null},
        {"movement_id": "m2", "weight": [
          {"weight_data": {"weight_value": 12.5, "weight_unit": "kg"}},
          {"weight_data": {"weight_value": 12.5, "weight_unit": "kg"}},
          {"weight_data": {"weight_unit": "kg"}}, {"weight_data": null}, {}, 7]}]}}})"));
  ASSERT_EQ(workout.tracked_movements.size(), 3u);
  EXPECT_EQ(workout.tracked_movements[0], model::TrackedMovement{});
  const model::TrackedMovement& plank = workout.tracked_movements[1];
  EXPECT_EQ(plank.movement_name, "Plank");
  EXPECT_TRUE(plank.is_hold);
  EXPECT_EQ(plank.completed_number, 45.5);  // seconds held
  EXPECT_EQ(plank.offset_s, 120);           // a numeric string reads as its number
  EXPECT_EQ(plank.length_s, 60);
  EXPECT_TRUE(plank.weights.empty());
  EXPECT_EQ(workout.tracked_movements[2].weights,
            (std::vector<model::MovementWeight>{{12.5, "kg"}, {12.5, "kg"}}));
}

// A details body whose subsegments_v2 are P2G's `Movements` of the non-Guide workout, the list
// it derived from this class's plan (name, start offset, duration): what Peloton sent it.
std::string DetailsFromPeerMovements(const json& movements) {
  json subsegments = json::array();
  for (const json& m : movements) {
    const bool rest = m.at("Name") == "Rest";
    subsegments.push_back({{"id", "sub-" + m.at("Id").get<std::string>()},
                           {"type", rest ? "rest" : "movement"},
                           {"display_name", m.at("Name")},
                           {"scheduled_offset", m.at("StartOffsetSeconds")},
                           {"length", m.at("DurationSeconds")},
                           {"rounds", nullptr},
                           {"movements",
                            {{{"id", m.at("Id")},
                              {"name", m.at("Name")},
                              {"slug", "x"},
                              {"muscle_groups", json::array()}}}}});
  }
  return json{{"ride", {{"id", "r1"}, {"fitness_discipline", "strength"}}},
              {"segments",
               {{"segment_list",
                 {{{"id", "s1"},
                   {"name", "Core"},
                   {"start_time_offset", 0},
                   {"length", 300},
                   {"subsegments_v2", subsegments}}}}}}}
      .dump();
}

TEST(ParseWorkoutFiles, AClassPlanIsEverySegmentsSubsegmentsInOrder) {
  const json movements = PeerProjection("strength_nonguide_with_exercise.json").at("Movements");
  ASSERT_EQ(movements.size(), 5u);
  const model::RideDetails details = Ok(ParseRideDetails(DetailsFromPeerMovements(movements)));
  ASSERT_EQ(details.segments.size(), 1u);
  ASSERT_EQ(details.class_plan.size(), movements.size());
  for (size_t i = 0; i < movements.size(); ++i) {
    const model::ClassPlanStep& step = details.class_plan[i];
    EXPECT_EQ(step.display_name, movements[i].at("Name").get<std::string>());
    EXPECT_EQ(step.offset_s, movements[i].at("StartOffsetSeconds").get<int64_t>());
    EXPECT_EQ(step.length_s, movements[i].at("DurationSeconds").get<int64_t>());
    EXPECT_EQ(step.segment_start_s, 0);
    EXPECT_FALSE(step.rounds.has_value());
    ASSERT_EQ(step.movements.size(), 1u);
    EXPECT_EQ(step.movements[0].id, movements[i].at("Id").get<std::string>());
    EXPECT_EQ(step.movements[0].name, movements[i].at("Name").get<std::string>());
  }
  EXPECT_EQ(details.class_plan[3].type, "rest");
  EXPECT_EQ(details.class_plan[4].type, "movement");
  EXPECT_EQ(details.class_plan[4].display_name, "Hollow Rock");
  EXPECT_EQ(details.class_plan[4].length_s, 180);
}

TEST(ParseWorkoutFiles, ClassPlanFieldsAndOddShapes) {
  const model::RideDetails details = Ok(ParseRideDetails(R"({"segments": {"segment_list": [
      {"start_time_offset": 60, "subsegments_v2": null},
      "not a segment",
      {"start_time_offset": 120, "subsegments_v2": [
        {"id": "a", "type": "movement", "display_name": "Squat", "offset": 15, "length": 40,
         "rounds": 3, "movements": [{"id": "m1", "name": "Squat"}, {"id": "m2"}, 5]},
        {"scheduled_offset": 200, "offset": 80, "type": "rest"},
        7, {}]},
      {"subsegments_v2": [{"id": "c", "type": "emom"}]}]}})"));
  ASSERT_EQ(details.class_plan.size(), 4u);
  const model::ClassPlanStep& squat = details.class_plan[0];
  EXPECT_EQ(squat.id, "a");
  EXPECT_EQ(squat.segment_start_s, 120);
  EXPECT_EQ(squat.offset_s, 15) << "`offset` when there is no scheduled_offset";
  EXPECT_EQ(squat.length_s, 40);
  EXPECT_EQ(squat.rounds, 3);
  EXPECT_EQ(squat.movements, (std::vector<model::PlannedMovement>{{"m1", "Squat"}, {"m2", ""}}));
  EXPECT_EQ(details.class_plan[1].offset_s, 200) << "scheduled_offset wins";
  EXPECT_EQ(details.class_plan[1].type, "rest");
  model::ClassPlanStep empty;
  empty.segment_start_s = 120;
  EXPECT_EQ(details.class_plan[2], empty);
  EXPECT_EQ(details.class_plan[3].type, "emom");
  EXPECT_EQ(details.class_plan[3].segment_start_s, 0);

  for (const char* body : {R"({})", R"({"segments": null})", R"({"segments": {"segment_list": 1}})",
                           R"({"segments": {"segment_list": [{"subsegments_v2": {}}]}})"}) {
    EXPECT_TRUE(Ok(ParseRideDetails(body)).class_plan.empty()) << body;
  }
  // A captured details body (a ride: segments without subsegments) has no plan.
  const model::RideDetails ride =
      Ok(ParseRideDetails(ReadFixture("peloton-tableau-connector/service/peloservice/"
                                      "requests_test.go.L392.ride_details.json")));
  EXPECT_FALSE(ride.segments.empty());
  EXPECT_TRUE(ride.class_plan.empty());
}

TEST(ParseWorkoutFiles, TargetBlocksOfATreadWalk) {
  const std::string body =
      ReadFixture("peloton-to-garmin/src/UnitTests/Data/p2g_workouts/tread_run_workout.json");
  const json want = json::parse(Member(body, "WorkoutSamples"))
                        .at("target_metrics_performance_data")
                        .at("target_metrics");
  const model::PerformanceGraph graph = Ok(ParsePerformanceGraph(Member(body, "WorkoutSamples")));
  ASSERT_EQ(want.size(), 66u);
  ASSERT_EQ(graph.target_blocks.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const model::TargetBlock& block = graph.target_blocks[i];
    EXPECT_EQ(block.start_s, want[i].at("offsets").at("start").get<int64_t>()) << i;
    EXPECT_EQ(block.end_s, want[i].at("offsets").at("end").get<int64_t>()) << i;
    EXPECT_EQ(block.segment_type, want[i].at("segment_type").get<std::string>()) << i;
    ASSERT_EQ(block.metrics.size(), want[i].at("metrics").size()) << i;
    for (size_t m = 0; m < block.metrics.size(); ++m) {
      const json& metric = want[i].at("metrics")[m];
      EXPECT_EQ(block.metrics[m].name, metric.at("name").get<std::string>());
      EXPECT_EQ(block.metrics[m].lower, metric.at("lower").get<double>());
      EXPECT_EQ(block.metrics[m].upper, metric.at("upper").get<double>());
    }
  }
  EXPECT_EQ(graph.target_blocks[0],
            (model::TargetBlock{60, 72, "running", {{"speed", 1.0, 3.0}, {"incline", 0.0, 1.0}}}));
}

TEST(ParseWorkoutFiles, GraphsWithoutTargetMetricsHaveNoBlocks) {
  // Empty target_metrics (a power zone ride), the legacy per-second target_performance_metrics
  // (another thing), and a strength graph.
  for (const char* name : {"peloton-to-garmin/tests/data/peloton_workoutsamples_cycling.json",
                           "peloton-to-garmin/tests/data/peloton_workoutsamples_strength.json"}) {
    EXPECT_TRUE(Ok(ParsePerformanceGraph(ReadFixture(name))).target_blocks.empty()) << name;
  }
  EXPECT_TRUE(Ok(ParsePerformanceGraph(Member(
                     ReadFixture("peloton-to-garmin/src/UnitTests/Data/SyncMyWorkout01.json"),
                     "WorkoutSamples")))
                  .target_blocks.empty());
}

TEST(ParseWorkoutFiles, TargetBlocksOfAnyNameAndOddShapes) {
  const model::PerformanceGraph graph = Ok(ParsePerformanceGraph(R"({
      "target_metrics_performance_data": {"time_in_metric": [], "target_metrics": [
        {"offsets": {"start": 0, "end": 299}, "segment_type": "cycling",
         "metrics": [{"name": "power_zone", "lower": 2, "upper": 2},
                     {"name": "cadence", "upper": 95}, {"lower": "80"}, null]},
        {"offsets": {"start": 300}, "metrics": []},
        {"metrics": [{"name": "resistance", "lower": 30, "upper": 40}]},
        {"offsets": null},
        {"offsets": {"start": 300.0, "end": "420"}, "metrics": null},
        "block", 5]}})"));
  ASSERT_EQ(graph.target_blocks.size(), 2u) << "a block without both offsets is left out";
  EXPECT_EQ(
      graph.target_blocks[0],
      (model::TargetBlock{
          0,
          299,
          "cycling",
          {{"power_zone", 2.0, 2.0}, {"cadence", std::nullopt, 95.0}, {"", 80.0, std::nullopt}}}));
  EXPECT_EQ(graph.target_blocks[1], (model::TargetBlock{300, 420, "", {}}));

  for (const char* body : {R"({"target_metrics_performance_data": null})",
                           R"({"target_metrics_performance_data": {"target_metrics": {}}})",
                           R"({"target_metrics_performance_data": []})"}) {
    EXPECT_TRUE(Ok(ParsePerformanceGraph(body)).target_blocks.empty()) << body;
  }
}

}  // namespace
}  // namespace pelo::api
