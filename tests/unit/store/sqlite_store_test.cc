// Storing the captured fixtures in a real SQLite file and reading them back.
#include <gtest/gtest.h>

#include <map>

#include "pelo/store/store.h"
#include "unit/store/store_fixtures.h"

namespace pelo::store {
namespace {

using testing::BundleFromEnvelope;
using testing::QueryDouble;
using testing::QueryInt;
using testing::TempDir;

using testing::kKmPerMile;

const std::vector<std::string>& FixtureFiles() {
  static const std::vector<std::string> kFiles = {
      "SyncMyWorkout01.json", "p2g_workouts/tread_run_workout.json",
      "p2g_workouts/walking_outdoor_01.json", "p2g_workouts/rower_workout.json",
      "p2g_workouts/meditation_workout.json"};
  return kFiles;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const std::string& file : FixtureFiles()) bundles_.push_back(BundleFromEnvelope(file));
  }

  std::unique_ptr<Store> Open() {
    auto store = OpenSqliteStore(db_path_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  void SaveAll() {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    for (const WorkoutBundle& bundle : bundles_) {
      Status status = store->SaveWorkout(bundle);
      ASSERT_TRUE(status.ok()) << status.ToString();
    }
  }

  TempDir dir_;
  std::string db_path_ = (dir_.path() / "nested" / "dir" / "pelo.db").string();
  std::vector<WorkoutBundle> bundles_;
};

TEST_F(SqliteStoreTest, StoresFixturesAndReadsRowsBackAfterReopen) {
  SaveAll();
  auto store = Open();  // a fresh connection: everything came from the file
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->CountWorkouts(), 5);
  auto ids = store->StoredWorkoutIds();
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(ids->size(), 5u);
  EXPECT_TRUE(ids->count("19bc665d58024a97a668e930c0a12d15"));

  auto rows = store->WorkoutRows();
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 5u);
  std::vector<std::string> order;
  for (const auto& row : *rows) order.push_back(row.title);
  EXPECT_EQ(order, (std::vector<std::string>{"10 min Form & Drills Row", "30 min 90s Walk",
                                             "30 min Pop Punk Walk", "5 min Sleep Meditation",
                                             "30 min Power Zone Ride"}));

  const model::WorkoutRow& pz = rows->back();
  EXPECT_EQ(pz.workout_id, "19bc665d58024a97a668e930c0a12d15");
  EXPECT_EQ(pz.peloton_id, "71f625127e6645d8b9cd0b7c44fcca89");
  EXPECT_EQ(pz.end_time, 1605668833);
  EXPECT_EQ(pz.start_time, 1605667034);
  EXPECT_EQ(pz.duration, 1800);
  EXPECT_EQ(pz.total_output, 256);
  EXPECT_EQ(pz.max_output, 501);
  EXPECT_EQ(pz.average_output, 142);
  EXPECT_EQ(pz.average_cadence, 86);
  EXPECT_EQ(pz.max_resistance, 58);
  EXPECT_EQ(pz.average_resistance, 43);
  EXPECT_EQ(pz.average_heart_rate, 153);
  EXPECT_EQ(pz.max_heart_rate, 185);
  EXPECT_EQ(pz.discipline, "cycling");
  EXPECT_EQ(pz.instructor, "Olivia Amato");
  EXPECT_DOUBLE_EQ(pz.distance_km.value_or(0), 9.31 * kKmPerMile);
  EXPECT_EQ(pz.calories_kcal, 531);
  EXPECT_EQ(pz.ftp, 231);  // ftp_info 243, manual source

  const model::WorkoutRow& row = rows->front();
  EXPECT_EQ(row.discipline, "caesar");
  EXPECT_DOUBLE_EQ(row.distance_km.value_or(0), 1.02328);  // 1023.28 m
  EXPECT_FALSE(row.ftp.has_value());                       // no ftp_info
  EXPECT_EQ(row.max_output, 93);
  EXPECT_FALSE(row.average_cadence.has_value());
  EXPECT_FALSE((*rows)[2].ftp.has_value());  // tread: ftp_info.ftp 0
  EXPECT_EQ((*rows)[2].instructor, "Chase Tucker");
}

TEST_F(SqliteStoreTest, SamplesAreConvertedToMetricUnits) {
  SaveAll();
  auto store = Open();
  ASSERT_NE(store, nullptr);
  std::map<std::string, std::vector<model::SampleRow>> by_workout;
  std::vector<std::string> workout_order;
  ASSERT_TRUE(store
                  ->ForEachSample([&](const model::SampleRow& row) {
                    if (workout_order.empty() || workout_order.back() != row.workout_id) {
                      workout_order.push_back(row.workout_id);
                    }
                    by_workout[row.workout_id].push_back(row);
                    return true;
                  })
                  .ok());
  ASSERT_EQ(workout_order.size(), 5u);
  EXPECT_EQ(workout_order.front(), "3a5af153444941c0aa54c52aee4726fa");  // rower: newest
  for (const WorkoutBundle& bundle : bundles_) {
    const auto& samples = by_workout[bundle.workout.id];
    EXPECT_EQ(samples.size(), bundle.graph.seconds_since_pedaling_start.size())
        << bundle.workout.id;
    for (size_t i = 1; i < samples.size(); ++i) ASSERT_LT(samples[i - 1].t_s, samples[i].t_s);
  }

  const auto& tread = by_workout["98c617d5c56f4f1ab6fc250afc9aea5f"];
  EXPECT_EQ(tread[10].t_s, 11);
  EXPECT_DOUBLE_EQ(tread[10].speed_kph.value_or(0), 1.0 * kKmPerMile);  // 1.0 mph (pace alt.)
  EXPECT_DOUBLE_EQ(tread[600].speed_kph.value_or(0), 3.0 * kKmPerMile);
  EXPECT_DOUBLE_EQ(tread[600].pace_min_per_km.value_or(0), 20.0 / kKmPerMile);  // 20 min/mi
  EXPECT_FALSE(tread[0].pace_min_per_km.has_value());                           // null in the API
  const auto& walk = by_workout["20739ea34d1741dba9b5f89a6967e85d"];
  EXPECT_DOUBLE_EQ(walk[0].altitude_m.value_or(0), 958 * 0.3048);  // 958 ft
  const auto& rower = by_workout["3a5af153444941c0aa54c52aee4726fa"];
  EXPECT_DOUBLE_EQ(rower[100].split_pace_s_per_500m.value_or(0), 6.08 * 60);  // 6.08 min/500m
  EXPECT_FALSE(rower[100].cadence_rpm.has_value());
  const auto& pz = by_workout["19bc665d58024a97a668e930c0a12d15"];
  EXPECT_DOUBLE_EQ(pz[100].speed_kph.value_or(0), 19.3 * kKmPerMile);
  EXPECT_EQ(pz[100].output_w, 153);

  auto series = store->OutputSeries("19bc665d58024a97a668e930c0a12d15");
  ASSERT_TRUE(series.ok());
  ASSERT_EQ(series->size(), 1800u);
  EXPECT_EQ((*series)[100], 153);
  EXPECT_EQ(store->OutputSeries("nope").status().code(), ErrorCode::kNotFound);
}

TEST_F(SqliteStoreTest, ForEachSampleStopsWhenAsked) {
  SaveAll();
  auto store = Open();
  int seen = 0;
  ASSERT_TRUE(store->ForEachSample([&](const model::SampleRow&) { return ++seen < 10; }).ok());
  EXPECT_EQ(seen, 10);
}

TEST_F(SqliteStoreTest, GpsChildRowsAndClassesOnDisk) {
  SaveAll();
  const std::string walk = "'20739ea34d1741dba9b5f89a6967e85d'";
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM gps_points WHERE workout_id = " + walk), 1797);
  EXPECT_DOUBLE_EQ(QueryDouble(db_path_, "SELECT distance_km FROM gps_points WHERE workout_id = " +
                                             walk + " AND position = 298"),
                   0.23 * kKmPerMile);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM samples"), 1800 + 1800 + 1797 + 600 + 298);
  // The sample_rows view shows samples by workout id, for people querying the file directly.
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM sample_rows"), 1800 + 1800 + 1797 + 600 + 298);
  EXPECT_EQ(QueryInt(db_path_,
                     "SELECT COUNT(*) FROM sample_rows WHERE workout_id = "
                     "'19bc665d58024a97a668e930c0a12d15'"),
            1800);
  EXPECT_EQ(QueryInt(db_path_,
                     "SELECT COUNT(*) FROM segments WHERE workout_id = "
                     "'19bc665d58024a97a668e930c0a12d15'"),
            3);
  EXPECT_EQ(QueryInt(db_path_,
                     "SELECT COUNT(*) FROM heart_rate_zones WHERE workout_id = "
                     "'19bc665d58024a97a668e930c0a12d15'"),
            5);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM workout_metrics WHERE parent_slug = 'pace'"),
            2);  // speed under pace, tread and outdoor walk
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM rides"), 5);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM instructors"), 4);  // the rower has none
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM raw_responses"), 10);
  EXPECT_EQ(QueryInt(db_path_,
                     "SELECT resolved_ftp FROM workouts WHERE id = "
                     "'19bc665d58024a97a668e930c0a12d15'"),
            231);
}

// The store derives no FTP of its own: it keeps and lists the one its writer resolved, and
// lists a 0 W one (as older databases may hold) as none.
TEST_F(SqliteStoreTest, ListsTheResolvedFtpItWasGiven) {
  WorkoutBundle ride = bundles_[0];
  ASSERT_TRUE(ride.workout.ftp_info.has_value());
  ride.resolved_ftp = 250;
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->SaveWorkout(ride).ok());
    EXPECT_EQ(store->WorkoutRows()->front().ftp, 250);
    ride.resolved_ftp.reset();
    ASSERT_TRUE(store->SaveWorkout(ride).ok());
    EXPECT_FALSE(store->WorkoutRows()->front().ftp.has_value());
  }
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM workouts WHERE resolved_ftp IS NULL"), 1);
  testing::ExecSql(db_path_, "UPDATE workouts SET resolved_ftp = 0");
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_FALSE(store->WorkoutRows()->front().ftp.has_value());
}

TEST_F(SqliteStoreTest, SavingAgainReplacesNeverDuplicates) {
  SaveAll();
  SaveAll();
  auto store = Open();
  WorkoutBundle changed = bundles_[0];
  changed.graph.seconds_since_pedaling_start.resize(100);
  changed.graph.segments.clear();
  ASSERT_TRUE(store->SaveWorkout(changed).ok());
  EXPECT_EQ(*store->CountWorkouts(), 5);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM samples"), 100 + 1800 + 1797 + 600 + 298);
  EXPECT_EQ(QueryInt(db_path_,
                     "SELECT COUNT(*) FROM segments WHERE workout_id = "
                     "'19bc665d58024a97a668e930c0a12d15'"),
            0);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM gps_points"), 1797);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM workout_summaries"),
            QueryInt(db_path_,
                     "SELECT COUNT(DISTINCT workout_id || kind || slug) "
                     "FROM workout_summaries"));
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM raw_responses"), 10);
}

TEST_F(SqliteStoreTest, UserInstructorsAndState) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_FALSE(store->LoadUser()->has_value());
  model::User user;
  user.id = "u1";
  user.username = "rider";
  user.cycling_ftp = 142;
  user.cycling_ftp_source = "ftp_manual_source";
  user.created_at = 1518835623;
  ASSERT_TRUE(store->SaveUser(user, {"/api/me", R"({"id":"u1"})"}).ok());
  user.total_workouts = 421;
  ASSERT_TRUE(store->SaveUser(user, {"/api/me", R"({"id":"u1"})"}).ok());
  store = Open();
  auto loaded = store->LoadUser();
  ASSERT_TRUE(loaded.ok() && loaded->has_value());
  EXPECT_EQ((*loaded)->username, "rider");
  EXPECT_EQ((*loaded)->total_workouts, 421);
  EXPECT_EQ((*loaded)->cycling_ftp, 142);
  EXPECT_EQ((*loaded)->created_at, 1518835623);
  EXPECT_FALSE((*loaded)->weight.has_value());
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM users"), 1);

  model::Instructor anna{"a8c5", "Anna Greenberg",      "Anna", "Greenberg", "agreenberg", "",
                         "",     {"meditation", "yoga"}};
  ASSERT_TRUE(store->SaveInstructors({anna, {}}, {"/api/instructor?page=0", "{}"}).ok());
  ASSERT_TRUE(store->SaveInstructors({anna}, {"/api/instructor?page=0", "{}"}).ok());
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM instructors"), 1);

  EXPECT_FALSE(store->GetState("backfill_complete")->has_value());
  ASSERT_TRUE(store->SetState("backfill_complete", "1").ok());
  ASSERT_TRUE(store->SetState("backfill_complete", "2").ok());
  EXPECT_EQ(store->GetState("backfill_complete")->value_or(""), "2");
}

}  // namespace
}  // namespace pelo::store
