// How rebuild turns the archive stream into what it writes, and the queue between its threads.
#include "sync/archive_grouper.h"

#include <gtest/gtest.h>

#include <thread>

#include "sync/bounded_queue.h"

namespace pelo::sync {
namespace {

using internal::BoundedQueue;

constexpr const char* kGraph1 =
    R"({"duration":3,"seconds_since_pedaling_start":[0,1,2],
        "metrics":[{"slug":"output","values":[100,110,120]}]})";
constexpr const char* kGraph5 = R"({"duration":5,"seconds_since_pedaling_start":[0],
        "metrics":[{"slug":"output","values":[100]}]})";

class ArchiveGrouperTest : public ::testing::Test {
 protected:
  ArchiveGrouper grouper_{[this](RebuildItem item) {
    items_.push_back(std::move(item));
    return OkStatus();
  }};
  std::vector<RebuildItem> items_;
};

TEST_F(ArchiveGrouperTest, PrefersTheDetailAndTheFinestGraph) {
  ASSERT_TRUE(grouper_.Add("/api/me", R"({"id":"u1","username":"rider"})").ok());
  ASSERT_TRUE(grouper_.Add("/api/instructor?limit=100", R"({"data":[{"id":"i1"}]})").ok());
  ASSERT_TRUE(grouper_.Add("/api/user/u1/workouts#w1", R"({"id":"w1","name":"from list"})").ok());
  ASSERT_TRUE(grouper_.Add("/api/workout/w1/performance_graph?every_n=5", kGraph5).ok());
  ASSERT_TRUE(grouper_.Add("/api/workout/w1/performance_graph?every_n=1", kGraph1).ok());
  ASSERT_TRUE(grouper_.Add("/api/workout/w1?joins=ride", R"({"id":"w1","name":"detail"})").ok());
  ASSERT_TRUE(grouper_.Add("/api/user/u1/workouts#w2", R"({"id":"w2","name":"list"})").ok());
  ASSERT_TRUE(grouper_.Add("/api/workout/w2/performance_graph", kGraph5).ok());
  ASSERT_TRUE(grouper_.Add("/api/something/else", "not even json").ok());
  ASSERT_TRUE(grouper_.Finish().ok());

  ASSERT_EQ(items_.size(), 4u);
  EXPECT_EQ(items_[0].kind, RebuildItem::Kind::kUser);
  EXPECT_EQ(items_[1].kind, RebuildItem::Kind::kInstructors);
  EXPECT_EQ(items_[2].kind, RebuildItem::Kind::kWorkout);
  EXPECT_EQ(items_[0].user.username, "rider");
  EXPECT_EQ(items_[1].instructors.at(0).id, "i1");
  const auto& w1 = items_[2].workout;
  EXPECT_EQ(w1.bundle.workout.name, "detail");
  EXPECT_EQ(w1.bundle.every_n, 1);
  ASSERT_EQ(w1.samples.size(), 3u);
  EXPECT_EQ(w1.samples[2].output_w, 120);
  EXPECT_EQ(w1.bundle.graph.duration, 3);
  const auto& w2 = items_[3].workout;
  EXPECT_EQ(w2.bundle.workout.name, "list");
  EXPECT_EQ(w2.bundle.every_n, 1);  // a graph path without every_n is full resolution
  EXPECT_EQ(grouper_.skipped(), 0);
}

// Class plans come from their archived ride details (responses of no workout: before the
// workouts), keyed by the path's ride id; target blocks and tracked movements with the graph
// and the detail they are in.
TEST_F(ArchiveGrouperTest, ClassPlansTargetBlocksAndTrackedMovements) {
  ASSERT_TRUE(grouper_.Add("/api/me", R"({"id":"u1"})").ok());
  ASSERT_TRUE(grouper_
                  .Add("/api/ride/r1/details", R"({"ride":{"id":"other"},"segments":{
                    "segment_list":[{"start_time_offset":60,"subsegments_v2":[
                      {"id":"s1","type":"movement","display_name":"Squat","scheduled_offset":90,
                       "length":30,"movements":[{"id":"m1","name":"Squat"}]}]}]}})")
                  .ok());
  ASSERT_TRUE(grouper_.Add("/api/ride/r2/details", "not json").ok());  // never stored by sync
  ASSERT_TRUE(grouper_.Add("/api/ride/r3/details", R"({"segments":{"segment_list":[]}})").ok());
  ASSERT_TRUE(grouper_
                  .Add("/api/workout/w1/performance_graph?every_n=1",
                       R"({"seconds_since_pedaling_start":[0],"target_metrics_performance_data":
                         {"target_metrics":[{"offsets":{"start":0,"end":59},"segment_type":
                         "running","metrics":[{"name":"speed","lower":3,"upper":4}]}]}})")
                  .ok());
  ASSERT_TRUE(grouper_
                  .Add("/api/workout/w1?joins=ride",
                       R"({"id":"w1","fitness_discipline":"strength","movement_tracker_data":
                         {"completed_movements_summary_data":{"repetition_summary_data":[
                         {"movement_id":"m1","movement_name":"Squat","completed_number":12,
                          "offset":95,"length":30,"weight":[{"weight_data":
                          {"weight_value":20,"weight_unit":"kg"}}]}]}}})")
                  .ok());
  ASSERT_TRUE(grouper_.Finish().ok());

  ASSERT_EQ(items_.size(), 4u);
  EXPECT_EQ(items_[1].kind, RebuildItem::Kind::kClassPlan);
  EXPECT_EQ(items_[1].ride_id, "r1") << "the path's id, not the body's";
  ASSERT_EQ(items_[1].class_plan.size(), 1u);
  EXPECT_EQ(items_[1].class_plan[0].display_name, "Squat");
  EXPECT_EQ(items_[1].class_plan[0].segment_start_s, 60);
  EXPECT_EQ(items_[1].class_plan[0].offset_s, 90);
  EXPECT_EQ(items_[2].kind, RebuildItem::Kind::kClassPlan);
  EXPECT_EQ(items_[2].ride_id, "r3");
  EXPECT_TRUE(items_[2].class_plan.empty()) << "a class without steps is stored as such";
  ASSERT_EQ(items_[3].kind, RebuildItem::Kind::kWorkout);
  const store::WorkoutBundle& w1 = items_[3].workout.bundle;
  ASSERT_EQ(w1.graph.target_blocks.size(), 1u);
  EXPECT_EQ(w1.graph.target_blocks[0].metrics.at(0).upper, 4);
  ASSERT_EQ(w1.workout.tracked_movements.size(), 1u);
  EXPECT_EQ(w1.workout.tracked_movements[0].weights,
            (std::vector<model::MovementWeight>{{20, "kg"}}));
}

// Rebuild computes each workout's metrics as the sync worker did: with the archived /api/me
// (it comes first) for the FTP fallback.
TEST_F(ArchiveGrouperTest, ComputesEachWorkoutsMetricsWithTheArchivedProfile) {
  ASSERT_TRUE(grouper_
                  .Add("/api/me", R"({"id":"u1","cycling_ftp_source":"ftp_workout_source",
                                      "cycling_workout_ftp":220})")
                  .ok());
  ASSERT_TRUE(
      grouper_.Add("/api/user/u1/workouts#w1", R"({"id":"w1","fitness_discipline":"cycling"})")
          .ok());
  ASSERT_TRUE(grouper_.Add("/api/workout/w1/performance_graph?every_n=1", kGraph1).ok());
  ASSERT_TRUE(grouper_.Finish().ok());
  ASSERT_EQ(items_.size(), 2u);
  const auto& metrics = items_[1].workout.bundle.metrics;
  ASSERT_TRUE(metrics.has_value());
  EXPECT_EQ(metrics->workout_id, "w1");
  EXPECT_EQ(metrics->ftp, 220);
  EXPECT_EQ(metrics->ftp_source, "user_profile");
  EXPECT_EQ(metrics->duration_s, 3);
  EXPECT_EQ(metrics->avg_power, 110);
}

TEST_F(ArchiveGrouperTest, SkipsAndCountsWorkoutsMissingAPartOrNotParsing) {
  ASSERT_TRUE(grouper_.Add("/api/workout/a?joins=ride", R"({"id":"a"})").ok());  // no graph
  ASSERT_TRUE(grouper_.Add("/api/workout/b/performance_graph?every_n=1", kGraph1).ok());
  ASSERT_TRUE(grouper_.Add("/api/workout/c/performance_graph?every_n=1", "<html>").ok());
  ASSERT_TRUE(grouper_.Add("/api/workout/c?joins=ride", R"({"id":"c"})").ok());
  ASSERT_TRUE(grouper_.Add("/api/workout/d/performance_graph?every_n=1", kGraph1).ok());
  ASSERT_TRUE(grouper_.Add("/api/workout/d?joins=ride", R"({"id":"d"})").ok());
  ASSERT_TRUE(grouper_.Finish().ok());
  ASSERT_EQ(items_.size(), 1u);
  EXPECT_EQ(items_[0].workout.bundle.workout.id, "d");
  EXPECT_EQ(grouper_.skipped(), 3);
  EXPECT_GT(grouper_.json_bytes(), 0);
}

TEST(BoundedQueue, CarriesItemsInOrderAndCloseStopsBothSides) {
  BoundedQueue<int> queue(2);
  std::thread producer([&] {
    for (int i = 0; i < 100; ++i) ASSERT_TRUE(queue.Push(i));
    queue.Close();
  });
  int expected = 0;
  while (std::optional<int> item = queue.Pop()) EXPECT_EQ(*item, expected++);
  producer.join();
  EXPECT_EQ(expected, 100);

  BoundedQueue<int> full(1);
  ASSERT_TRUE(full.Push(1));
  std::thread blocked([&] { EXPECT_FALSE(full.Push(2)); });  // waits for room, then gives up
  full.Close();
  blocked.join();
  EXPECT_EQ(full.Pop(), 1);
  EXPECT_EQ(full.Pop(), std::nullopt);
}

}  // namespace
}  // namespace pelo::sync
