// Schema v5: the ride_curves table (exact doubles, stored, replaced, rebuilt and deleted with
// the workout), what refresh reads and writes (RideMetricsStates, ReplaceRideMetrics,
// ForEachArchivedOf), and a v4 database migrated in place.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <map>

#include "pelo/store/store.h"
#include "unit/store/store_fixtures.h"

namespace pelo::store {
namespace {

using testing::BundleFromEnvelope;
using testing::ExecSql;
using testing::QueryInt;
using testing::QueryText;
using testing::TempDir;

// Values whose decimal forms are not exact, and the extremes: a text encoding would lose them.
std::vector<double> AwkwardCurve() {
  return {1.0 / 3.0, 0.1 + 0.2,
          412.5,     std::numeric_limits<double>::denorm_min(),
          0.0,       std::nextafter(250.0, 300.0),
          1e300};
}

model::RideMetricsRow Metrics(int version) {
  model::RideMetricsRow m;
  m.metrics_version = version;
  m.duration_s = 1800;
  m.avg_power = 150;
  m.mmp_1200s = 180;
  m.ftp = 200;
  m.ftp_source = "workout_ftp_info";
  return m;
}

std::map<std::string, model::RideCurveListing> Curves(Store& store) {
  std::map<std::string, model::RideCurveListing> curves;
  Status status = store.ForEachRideCurve([&](const model::RideCurveListing& c) {
    curves[c.workout_id] = c;
    return OkStatus();
  });
  EXPECT_TRUE(status.ok()) << status.ToString();
  return curves;
}

class RideCurvesStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(); }

  void Open() {
    auto store = OpenSqliteStore(db_path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  TempDir dir_;
  std::string db_path_ = (dir_.path() / "pelo.db").string();
  std::unique_ptr<Store> store_;
  WorkoutBundle ride_ = BundleFromEnvelope("SyncMyWorkout01.json");
  WorkoutBundle walk_ = BundleFromEnvelope("p2g_workouts/walking_outdoor_01.json");
};

TEST_F(RideCurvesStoreTest, ACurveRoundTripsBitForBitWithTheWorkoutsContext) {
  ride_.metrics = Metrics(2);
  ride_.curve_w = AwkwardCurve();
  ride_.every_n = 5;
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  EXPECT_EQ(QueryInt(db_path_, "SELECT length(watts) FROM ride_curves"), 8 * 7);
  EXPECT_EQ(QueryInt(db_path_, "SELECT metrics_version FROM ride_curves"), 2);
  // Little-endian binary64: 412.5 is 0x4079C80000000000.
  EXPECT_EQ(QueryText(db_path_, "SELECT hex(substr(watts, 17, 8)) FROM ride_curves"),
            "0000000000C87940");
  const auto curves = Curves(*store_);
  ASSERT_EQ(curves.size(), 1u);
  const model::RideCurveListing& c = curves.begin()->second;
  EXPECT_EQ(c.workout_id, ride_.workout.id);
  EXPECT_EQ(c.start_time, ride_.workout.start_time);
  EXPECT_EQ(c.timezone, "America/New_York");
  EXPECT_EQ(c.every_n, 5);
  const std::vector<double> expected = AwkwardCurve();
  ASSERT_EQ(c.watts.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(std::memcmp(&c.watts[i], &expected[i], sizeof(double)), 0) << i;
  }
}

TEST_F(RideCurvesStoreTest, CurvesComeOldestFirstAndGoWithTheirWorkout) {
  ride_.metrics = Metrics(2);
  ride_.curve_w = std::vector<double>{300, 250};
  walk_.metrics = Metrics(2);
  walk_.curve_w = std::vector<double>{100};
  ASSERT_TRUE(store_->SaveWorkout(walk_).ok());
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  std::vector<int64_t> starts;
  ASSERT_TRUE(store_
                  ->ForEachRideCurve([&](const model::RideCurveListing& c) {
                    starts.push_back(c.start_time.value_or(0));
                    return OkStatus();
                  })
                  .ok());
  ASSERT_EQ(starts.size(), 2u);
  EXPECT_LT(starts[0], starts[1]);
  // An error from the callback stops the listing and comes back.
  int calls = 0;
  Status stopped = store_->ForEachRideCurve([&](const model::RideCurveListing&) {
    ++calls;
    return Status(ErrorCode::kCancelled, "enough");
  });
  EXPECT_EQ(stopped.code(), ErrorCode::kCancelled);
  EXPECT_EQ(calls, 1);
  // Stored again without a curve (no power): the row goes.
  ride_.curve_w.reset();
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  EXPECT_EQ(Curves(*store_).count(ride_.workout.id), 0u);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM ride_curves"), 1);
}

TEST_F(RideCurvesStoreTest, RebuildWritesCurvesAgainAndDropsTheOthers) {
  ride_.metrics = Metrics(2);
  ride_.curve_w = AwkwardCurve();
  walk_.metrics = Metrics(2);
  walk_.curve_w = std::vector<double>{100};
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  ASSERT_TRUE(store_->SaveWorkout(walk_).ok());
  const std::string before = QueryText(db_path_,
                                       "SELECT hex(watts) FROM ride_curves c JOIN "
                                       "workouts w ON w.id = c.workout_id WHERE "
                                       "w.fitness_discipline = 'cycling'");
  ASSERT_TRUE(store_
                  ->Rebuild([&](RebuildWriter& writer) {
                    return writer.WriteWorkout(PrepareWorkout(ride_));
                  })
                  .ok());
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM ride_curves"), 1);
  EXPECT_EQ(QueryText(db_path_, "SELECT hex(watts) FROM ride_curves"), before);
}

TEST_F(RideCurvesStoreTest, ReplaceRideMetricsChangesOnlyThoseRows) {
  ride_.metrics = Metrics(1);
  ride_.curve_w = std::vector<double>{300, 250};
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  const int64_t samples = QueryInt(db_path_, "SELECT COUNT(*) FROM samples");
  ASSERT_GT(samples, 0);

  model::RideMetricsRow fresh = Metrics(2);
  fresh.np = 222;
  ASSERT_TRUE(
      store_->ReplaceRideMetrics(ride_.workout.id, fresh, std::vector<double>{310, 260, 200}).ok());
  auto rows = store_->RideMetricsRows();
  ASSERT_TRUE(rows.ok() && rows->size() == 1u);
  fresh.workout_id = ride_.workout.id;
  EXPECT_EQ(rows->front().metrics, fresh);
  EXPECT_EQ(Curves(*store_).at(ride_.workout.id).watts, (std::vector<double>{310, 260, 200}));
  EXPECT_EQ(QueryInt(db_path_, "SELECT metrics_version FROM ride_curves"), 2);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM samples"), samples);  // untouched
  EXPECT_EQ(*store_->CountWorkouts(), 1);

  // Without rows: both go; an unknown workout is an error and changes nothing.
  ASSERT_TRUE(store_->ReplaceRideMetrics(ride_.workout.id, std::nullopt, std::nullopt).ok());
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM ride_metrics"), 0);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM ride_curves"), 0);
  EXPECT_EQ(store_->ReplaceRideMetrics("nope", fresh, std::nullopt).code(), ErrorCode::kStorage);
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM ride_metrics"), 0);
}

TEST_F(RideCurvesStoreTest, StatesTellWhatEachWorkoutHasStored) {
  ride_.metrics = Metrics(2);
  ride_.metrics->is_ftp_test = true;
  ride_.metrics->ftp_test_w = 190;
  ride_.curve_w = std::vector<double>{300};
  model::RideMetricsRow no_power;
  no_power.metrics_version = 1;
  walk_.metrics = no_power;
  WorkoutBundle rower = BundleFromEnvelope("p2g_workouts/rower_workout.json");  // no rows
  for (const WorkoutBundle* b : {&ride_, &walk_, &rower}) ASSERT_TRUE(store_->SaveWorkout(*b).ok());
  auto states = store_->RideMetricsStates();
  ASSERT_TRUE(states.ok()) << states.status().ToString();
  ASSERT_EQ(states->size(), 3u);
  std::map<std::string, RideMetricsState> by_id;
  for (const RideMetricsState& s : *states) by_id[s.workout_id] = s;
  for (size_t i = 1; i < states->size(); ++i) {
    EXPECT_LE(states->at(i - 1).start_time.value_or(0), states->at(i).start_time.value_or(0));
  }
  const RideMetricsState& r = by_id.at(ride_.workout.id);
  EXPECT_EQ(r.discipline, "cycling");
  EXPECT_EQ(r.timezone, "America/New_York");
  EXPECT_EQ(r.start_time, ride_.workout.start_time);
  ASSERT_TRUE(r.ftp_info.has_value());
  EXPECT_EQ(r.ftp_info->ftp, 243);
  EXPECT_EQ(r.ftp_info->ftp_source, "ftp_manual_source");
  EXPECT_EQ(r.metrics_version, 2);
  EXPECT_EQ(r.curve_version, 2);
  EXPECT_TRUE(r.has_power);
  EXPECT_EQ(r.ftp, 200);
  EXPECT_EQ(r.ftp_source, "workout_ftp_info");
  EXPECT_TRUE(r.is_ftp_test);
  EXPECT_EQ(r.ftp_test_w, 190);
  EXPECT_EQ(r.mmp_1200s, 180);
  const RideMetricsState& w = by_id.at(walk_.workout.id);
  EXPECT_EQ(w.metrics_version, 1);
  EXPECT_FALSE(w.curve_version || w.has_power || w.is_ftp_test || w.ftp);
  const RideMetricsState& none = by_id.at(rower.workout.id);
  EXPECT_FALSE(none.metrics_version || none.curve_version);
}

TEST_F(RideCurvesStoreTest, ForEachArchivedOfReadsOnlyTheGivenWorkoutsInTheirOrder) {
  WorkoutBundle rower = BundleFromEnvelope("p2g_workouts/rower_workout.json");
  for (const WorkoutBundle* b : {&ride_, &walk_, &rower}) ASSERT_TRUE(store_->SaveWorkout(*b).ok());
  model::User user;
  user.id = "u1";
  ASSERT_TRUE(store_->SaveUser(user, {"/api/me", R"({"id":"u1"})"}).ok());
  std::vector<std::string> paths;
  Status status =
      store_->ForEachArchivedOf({rower.workout.id, "unknown", ride_.workout.id},
                                [&](const std::string& path, std::string_view body) -> Status {
                                  EXPECT_FALSE(body.empty());
                                  paths.push_back(path);
                                  return OkStatus();
                                });
  ASSERT_TRUE(status.ok()) << status.ToString();
  // By path within a workout: ".../performance_graph?..." sorts before "...?joins=...".
  const std::vector<std::string> expected = {rower.raw[1].path, rower.raw[0].path,
                                             ride_.raw[1].path, ride_.raw[0].path};
  EXPECT_EQ(paths, expected);
  EXPECT_TRUE(store_
                  ->ForEachArchivedOf({},
                                      [](const std::string&, std::string_view) {
                                        ADD_FAILURE();
                                        return OkStatus();
                                      })
                  .ok());
}

// A database written by the pelo before curves: ride_metrics without the v5 columns, no
// ride_curves. It opens, migrates in place and keeps its rows (refresh recomputes them).
TEST_F(RideCurvesStoreTest, AVersion4DatabaseMigratesInPlace) {
  model::RideMetricsRow old = Metrics(1);
  ride_.metrics = old;
  ride_.every_n = 5;
  walk_.metrics = Metrics(1);
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  ASSERT_TRUE(store_->SaveWorkout(walk_).ok());
  store_.reset();
  ExecSql(db_path_, std::string(testing::kDropSchemaV6) + R"sql(
    DROP TABLE ride_curves;
    ALTER TABLE ride_metrics DROP COLUMN every_n;
    ALTER TABLE ride_metrics DROP COLUMN is_ftp_test;
    ALTER TABLE ride_metrics DROP COLUMN ftp_test_w;
    ALTER TABLE ride_metrics DROP COLUMN n_hi;
    ALTER TABLE ride_metrics DROP COLUMN n_thr;
    ALTER TABLE ride_metrics DROP COLUMN n_sprint;
    ALTER TABLE ride_metrics DROP COLUMN t_hi_s;
    PRAGMA user_version = 4;)sql");
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'ride_curves'"), 0);
  Open();
  EXPECT_EQ(store_->SchemaVersion(), CurrentSchemaVersion());
  EXPECT_EQ(*store_->CountWorkouts(), 2);
  auto rows = store_->RideMetricsRows();
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  for (const model::RideMetricsListing& listing : *rows) {
    const model::RideMetricsRow& m = listing.metrics;
    EXPECT_EQ(m.metrics_version, 1);
    EXPECT_EQ(m.avg_power, 150);
    EXPECT_FALSE(m.is_ftp_test || m.ftp_test_w || m.n_hi || m.t_hi_s);
    // every_n comes from the workout's graph.
    EXPECT_EQ(m.every_n, m.workout_id == ride_.workout.id ? 5 : 1) << m.workout_id;
  }
  EXPECT_TRUE(Curves(*store_).empty());
  auto states = store_->RideMetricsStates();
  ASSERT_TRUE(states.ok());
  for (const RideMetricsState& s : *states) {
    EXPECT_EQ(s.metrics_version, 1);
    EXPECT_FALSE(s.curve_version);
  }
  // And it takes new rows.
  ride_.metrics = Metrics(2);
  ride_.curve_w = std::vector<double>{320, 300};
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  EXPECT_EQ(Curves(*store_).at(ride_.workout.id).watts, (std::vector<double>{320, 300}));
}

}  // namespace
}  // namespace pelo::store
