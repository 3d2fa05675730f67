#include "pelo/sync/archive_key.h"

#include <gtest/gtest.h>

namespace pelo::sync {
namespace {

TEST(ArchiveKeyTest, ClassifiesWhatSyncArchives) {
  EXPECT_EQ(ClassifyArchivePath("/api/me").kind, ArchiveKind::kUser);
  EXPECT_EQ(ClassifyArchivePath("/api/instructor?page=0&limit=100").kind,
            ArchiveKind::kInstructors);

  ArchiveKey detail = ClassifyArchivePath("/api/workout/abc123?joins=ride%2Cride.instructor");
  EXPECT_EQ(detail.kind, ArchiveKind::kWorkoutDetail);
  EXPECT_EQ(detail.workout_id, "abc123");

  ArchiveKey graph = ClassifyArchivePath("/api/workout/abc123/performance_graph?every_n=30");
  EXPECT_EQ(graph.kind, ArchiveKind::kPerformanceGraph);
  EXPECT_EQ(graph.workout_id, "abc123");
  EXPECT_EQ(graph.every_n, 30);
  EXPECT_EQ(ClassifyArchivePath("/api/workout/abc123/performance_graph").every_n, 1);
  EXPECT_EQ(ClassifyArchivePath("/api/workout/a/performance_graph?x=1&every_n=5").every_n, 5);

  const std::string entry = ListEntryPath("u1", "w9");
  EXPECT_EQ(entry, "/api/user/u1/workouts#w9");
  ArchiveKey listed = ClassifyArchivePath(entry);
  EXPECT_EQ(listed.kind, ArchiveKind::kWorkoutListEntry);
  EXPECT_EQ(listed.workout_id, "w9");
}

TEST(ArchiveKeyTest, RideDetailsAreAClassPlanOfNoWorkout) {
  ArchiveKey details = ClassifyArchivePath("/api/ride/146ccb0ac0f1/details");
  EXPECT_EQ(details.kind, ArchiveKind::kRideDetails);
  EXPECT_EQ(details.ride_id, "146ccb0ac0f1");
  EXPECT_EQ(details.workout_id, "");
  ArchiveKey streamed = ClassifyArchivePath("/api/ride/r1/details?stream_source=multichannel");
  EXPECT_EQ(streamed.kind, ArchiveKind::kRideDetails);
  EXPECT_EQ(streamed.ride_id, "r1");
  // Other kinds have no ride id.
  EXPECT_EQ(ClassifyArchivePath("/api/workout/abc123").ride_id, "");
}

TEST(ArchiveKeyTest, EverythingElseIsOther) {
  for (const char* path :
       {"", "/", "/api/user/u1/workouts?page=0", "/api/workout/", "/api/workout/a/summary",
        "/api/workout//performance_graph", "/api/user/u1/workouts#", "/api/ride/r1",
        "/api/ride//details", "/api/ride/details", "/api/ride/a/b/details",
        "/api/ride/r1/details/x", "/api/meh"}) {
    EXPECT_EQ(ClassifyArchivePath(path).kind, ArchiveKind::kOther) << path;
  }
}

}  // namespace
}  // namespace pelo::sync
