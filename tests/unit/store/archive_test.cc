// The archive holds exactly the responses each workout's rows came from, streams back in
// workout groups, and v2 archives are tagged with their workouts on migration.
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "pelo/store/store.h"
#include "unit/store/store_fixtures.h"

namespace pelo::store {
namespace {

using testing::BundleFromEnvelope;
using testing::ExecSql;
using testing::QueryInt;
using testing::QueryText;
using testing::TempDir;

class ArchiveTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> Open() {
    auto store = OpenSqliteStore(db_path_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // `bundle` as workout `id`, archived under `paths` (each with its original body).
  static WorkoutBundle As(WorkoutBundle bundle, const std::string& id,
                          const std::vector<std::string>& paths) {
    bundle.workout.id = id;
    const std::string workout_body = bundle.raw[0].body;
    const std::string graph_body = bundle.raw[1].body;
    bundle.raw.clear();
    for (const std::string& path : paths) {
      bool graph = path.find("/performance_graph") != std::string::npos;
      bundle.raw.push_back({path, graph ? graph_body : workout_body});
    }
    return bundle;
  }

  std::string Paths() {
    return QueryText(db_path_,
                     "SELECT group_concat(path || ' ' || ifnull(workout_id, '-'), ', ') FROM "
                     "(SELECT * FROM raw_responses ORDER BY path)");
  }

  TempDir dir_;
  std::string db_path_ = (dir_.path() / "pelo.db").string();
  WorkoutBundle ride_ = BundleFromEnvelope("SyncMyWorkout01.json");
};

TEST_F(ArchiveTest, StoringAWorkoutDropsItsOtherArchivedResponses) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  // "w1" is a prefix of "w10": neither's archive may touch the other's.
  ASSERT_TRUE(store
                  ->SaveWorkout(As(ride_, "w1",
                                   {"/api/workout/w1?joins=ride",
                                    "/api/workout/w1/performance_graph?every_n=1"}))
                  .ok());
  ASSERT_TRUE(store
                  ->SaveWorkout(As(ride_, "w10",
                                   {"/api/user/u1/workouts#w10",
                                    "/api/workout/w10/performance_graph?every_n=1"}))
                  .ok());
  // w1 again: from its list entry, with a coarser graph.
  ASSERT_TRUE(store
                  ->SaveWorkout(As(
                      ride_, "w1",
                      {"/api/user/u1/workouts#w1", "/api/workout/w1/performance_graph?every_n=5"}))
                  .ok());
  EXPECT_EQ(Paths(),
            "/api/user/u1/workouts#w1 w1, /api/user/u1/workouts#w10 w10, "
            "/api/workout/w1/performance_graph?every_n=5 w1, "
            "/api/workout/w10/performance_graph?every_n=1 w10");
  // And back to the detail: the list entry goes.
  ASSERT_TRUE(store
                  ->SaveWorkout(As(ride_, "w1",
                                   {"/api/workout/w1?joins=ride",
                                    "/api/workout/w1/performance_graph?every_n=5"}))
                  .ok());
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM raw_responses WHERE workout_id = 'w1'"), 2);
  EXPECT_EQ(
      QueryInt(db_path_,
               "SELECT COUNT(*) FROM raw_responses WHERE path = '/api/workout/w1?joins=ride'"),
      1);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM raw_responses WHERE workout_id = 'w10'"), 2);
  EXPECT_EQ(QueryInt(db_path_,
                     "SELECT COUNT(*) FROM sqlite_master WHERE name = 'raw_responses_by_workout'"),
            1);
}

TEST_F(ArchiveTest, StreamsDecompressedBodiesGroupedByWorkout) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  model::User user;
  user.id = "u1";
  ASSERT_TRUE(store->SaveUser(user, {"/api/me", R"({"id":"u1"})"}).ok());
  ASSERT_TRUE(store->SaveInstructors({}, {"/api/instructor?limit=100", R"({"data":[]})"}).ok());
  ASSERT_TRUE(
      store->SaveWorkout(As(ride_, "b", {"/api/workout/b/performance_graph?every_n=1"})).ok());
  ASSERT_TRUE(store
                  ->SaveWorkout(As(ride_, "a",
                                   {"/api/workout/a?joins=ride", "/api/user/u1/workouts#a",
                                    "/api/workout/a/performance_graph?every_n=1"}))
                  .ok());
  std::vector<std::pair<std::string, std::string>> seen;
  ASSERT_TRUE(store
                  ->ForEachArchived([&](const std::string& path, std::string_view body) {
                    seen.emplace_back(path, std::string(body));
                    return OkStatus();
                  })
                  .ok());
  std::vector<std::string> paths;
  for (const auto& [path, body] : seen) {
    paths.push_back(path);
    EXPECT_EQ(body, store->ArchivedResponse(path)->value_or("?")) << path;
  }
  EXPECT_EQ(paths, (std::vector<std::string>{
                       "/api/instructor?limit=100", "/api/me", "/api/user/u1/workouts#a",
                       "/api/workout/a/performance_graph?every_n=1", "/api/workout/a?joins=ride",
                       "/api/workout/b/performance_graph?every_n=1"}));
  EXPECT_EQ(seen[1].second, R"({"id":"u1"})");
  EXPECT_EQ(seen[3].second, ride_.raw[1].body);

  int calls = 0;
  Status stopped = store->ForEachArchived([&](const std::string&, std::string_view) {
    ++calls;
    return Status(ErrorCode::kCancelled, "enough");
  });
  EXPECT_EQ(stopped.code(), ErrorCode::kCancelled);
  EXPECT_EQ(calls, 1);
}

TEST_F(ArchiveTest, ACorruptArchivedBodyIsAStorageErrorNamingItsPath) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->SaveWorkout(ride_).ok());
  ExecSql(db_path_, "UPDATE raw_responses SET body_zstd = x'00010203' WHERE path GLOB '*graph*'");
  Status status =
      store->ForEachArchived([](const std::string&, std::string_view) { return OkStatus(); });
  EXPECT_EQ(status.code(), ErrorCode::kStorage);
  EXPECT_NE(status.message().find("/performance_graph"), std::string::npos) << status.message();
}

TEST_F(ArchiveTest, MigratingAVersion2ArchiveTagsEachWorkoutsResponses) {
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->SaveWorkout(ride_).ok());
    model::User user;
    user.id = "u1";
    ASSERT_TRUE(store->SaveUser(user, {"/api/me", R"({"id":"u1"})"}).ok());
  }
  // What v2 looked like: no workout_id column (nor v4's ride_metrics, v5's ride_curves, v6's
  // tables).
  ExecSql(
      db_path_,
      std::string(testing::kDropSchemaV6) +
          "DROP TABLE ride_curves; DROP TABLE ride_metrics; DROP INDEX raw_responses_by_workout; "
          "ALTER TABLE raw_responses "
          "DROP COLUMN workout_id;"
          "INSERT INTO raw_responses VALUES ('/api/user/u1/workouts#abc', 0, x'00', 0);"
          "INSERT INTO raw_responses VALUES ('/api/workout/xyz', 0, x'00', 0);"
          "INSERT INTO raw_responses VALUES ('/api/workout/?x', 0, x'00', 0);"
          "PRAGMA user_version = 2");
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->SchemaVersion(), CurrentSchemaVersion());
  const std::string id = ride_.workout.id;
  EXPECT_EQ(Paths(), "/api/me -, /api/user/u1/workouts#abc abc, /api/workout/" + id +
                         "/performance_graph?every_n=1 " + id + ", /api/workout/" + id +
                         "?joins=ride,ride.instructor " + id +
                         ", /api/workout/?x -, /api/workout/xyz xyz");
}

}  // namespace
}  // namespace pelo::store
