// The ride_metrics table (schema v4, v5): stored with the workout, read back joined with it,
// replaced and deleted with it, written by rebuild like by SaveWorkout.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include "pelo/model/ride_metric_fields.h"
#include "pelo/store/store.h"
#include "unit/store/store_fixtures.h"

namespace pelo::store {
namespace {

using testing::BundleFromEnvelope;
using testing::ExecSql;
using testing::QueryDouble;
using testing::QueryInt;
using testing::QueryText;
using testing::TempDir;

// Every member set to a distinct value, so a column mix-up cannot go unnoticed.
model::RideMetricsRow DistinctMetrics() {
  model::RideMetricsRow m;
  m.metrics_version = 7;
  m.ftp_source = "workout_ftp_info";
  double v = 0.5;
  for (std::optional<double>* field : {&m.ftp,
                                       &m.duration_s,
                                       &m.moving_time_s,
                                       &m.avg_power,
                                       &m.nz_avg_power,
                                       &m.kj,
                                       &m.mmp_1s,
                                       &m.mmp_5s,
                                       &m.mmp_30s,
                                       &m.mmp_60s,
                                       &m.mmp_300s,
                                       &m.mmp_1200s,
                                       &m.mmp_3600s,
                                       &m.np,
                                       &m.vi,
                                       &m.intensity_factor,
                                       &m.tss,
                                       &m.tss_per_hour,
                                       &m.avg_hr,
                                       &m.ef,
                                       &m.decoupling,
                                       &m.trimp,
                                       &m.pz1_s,
                                       &m.pz2_s,
                                       &m.pz3_s,
                                       &m.pz4_s,
                                       &m.pz5_s,
                                       &m.pz6_s,
                                       &m.pz7_s,
                                       &m.hrz1_s,
                                       &m.hrz2_s,
                                       &m.hrz3_s,
                                       &m.hrz4_s,
                                       &m.hrz5_s}) {
    *field = v;
    v += 1.25;
  }
  m.every_n = 5;
  m.is_ftp_test = true;
  m.ftp_test_w = 201;
  m.n_hi = 3;
  m.n_thr = 2;
  m.n_sprint = 9;
  m.t_hi_s = 417.5;
  return m;
}

class RideMetricsStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenSqliteStore(db_path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    ride_.metrics = DistinctMetrics();
    ride_.metrics->workout_id = ride_.workout.id;
  }

  TempDir dir_;
  std::string db_path_ = (dir_.path() / "pelo.db").string();
  std::unique_ptr<Store> store_;
  WorkoutBundle ride_ = BundleFromEnvelope("SyncMyWorkout01.json");
  WorkoutBundle walk_ = BundleFromEnvelope("p2g_workouts/walking_outdoor_01.json");
};

TEST_F(RideMetricsStoreTest, EveryColumnRoundTripsWithTheWorkoutsStartDisciplineAndTitle) {
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  auto rows = store_->RideMetricsRows();
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().metrics, *ride_.metrics);
  auto workouts = store_->WorkoutRows();
  ASSERT_TRUE(workouts.ok());
  EXPECT_EQ(rows->front().start_time, workouts->front().start_time);
  EXPECT_EQ(rows->front().discipline, workouts->front().discipline);
  EXPECT_EQ(rows->front().title, workouts->front().title);
  EXPECT_FALSE(rows->front().title.empty());
  // The workout's context: its zone, device and own ftp_info.
  EXPECT_EQ(rows->front().timezone, ride_.workout.timezone);
  EXPECT_EQ(rows->front().device_type, ride_.workout.device_type);
  ASSERT_TRUE(ride_.workout.ftp_info.has_value());
  ASSERT_TRUE(rows->front().ftp_info.has_value());
  EXPECT_EQ(rows->front().ftp_info->ftp, ride_.workout.ftp_info->ftp);
  EXPECT_EQ(rows->front().ftp_info->ftp_source, ride_.workout.ftp_info->ftp_source);
  EXPECT_EQ(rows->front().ftp_info->ftp_workout_id, ride_.workout.ftp_info->ftp_workout_id);
}

TEST_F(RideMetricsStoreTest, AWorkoutWithoutFtpInfoListsNone) {
  ride_.workout.ftp_info.reset();
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  auto rows = store_->RideMetricsRows();
  ASSERT_TRUE(rows.ok() && rows->size() == 1u);
  EXPECT_FALSE(rows->front().ftp_info.has_value());
}

TEST_F(RideMetricsStoreTest, NotApplicableValuesAreStoredAsNull) {
  model::RideMetricsRow sparse;
  sparse.metrics_version = 1;
  sparse.every_n = 1;
  sparse.duration_s = 1800;
  sparse.avg_hr = 120.5;
  walk_.metrics = sparse;
  ASSERT_TRUE(store_->SaveWorkout(walk_).ok());
  EXPECT_EQ(QueryInt(db_path_,
                     "SELECT COUNT(*) FROM ride_metrics WHERE np IS NULL AND ftp IS "
                     "NULL AND ftp_source IS NULL AND pz1_s IS NULL AND ftp_test_w IS NULL AND "
                     "n_hi IS NULL AND n_thr IS NULL AND n_sprint IS NULL AND t_hi_s IS NULL "
                     "AND is_ftp_test = 0"),
            1);
  auto rows = store_->RideMetricsRows();
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  sparse.workout_id = walk_.workout.id;  // the bundle's workout id, whatever the row said
  EXPECT_EQ(rows->front().metrics, sparse);
}

TEST_F(RideMetricsStoreTest, TheTableKeepsItsColumnsInOrderAndTheRegistryNamesEachMetricOne) {
  // The schema as v4 and v5 made it: databases written before the registry read the same.
  const std::string kTableColumns =
      "workout_id,metrics_version,ftp,ftp_source,duration_s,moving_time_s,avg_power,nz_avg_power,"
      "kj,mmp_1s,mmp_5s,mmp_30s,mmp_60s,mmp_300s,mmp_1200s,mmp_3600s,np,vi,intensity_factor,tss,"
      "tss_per_hour,avg_hr,ef,decoupling,trimp,pz1_s,pz2_s,pz3_s,pz4_s,pz5_s,pz6_s,pz7_s,hrz1_s,"
      "hrz2_s,hrz3_s,hrz4_s,hrz5_s,every_n,is_ftp_test,ftp_test_w,n_hi,n_thr,n_sprint,t_hi_s";
  EXPECT_EQ(QueryText(db_path_,
                      "SELECT group_concat(name, ',') FROM (SELECT name FROM "
                      "pragma_table_info('ride_metrics') ORDER BY cid)"),
            kTableColumns);
  std::set<std::string> table_columns;
  std::istringstream list(kTableColumns);
  for (std::string column; std::getline(list, column, ',');) table_columns.insert(column);
  // The fixed columns and one per metric of the registry: every column, none twice.
  std::set<std::string> metric_columns = {"workout_id", "metrics_version", "ftp_source"};
  for (const model::RideMetricField& field : model::kRideMetricFields) {
    EXPECT_TRUE(metric_columns.emplace(field.column).second) << field.column;
  }
  EXPECT_EQ(metric_columns, table_columns);
}

TEST_F(RideMetricsStoreTest, ARowWrittenBeforeV5ReadsEveryNOneAndNoFtpTest) {
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  ExecSql(db_path_, "UPDATE ride_metrics SET every_n = NULL, is_ftp_test = NULL");
  auto rows = store_->RideMetricsRows();
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  model::RideMetricsRow expected = *ride_.metrics;
  expected.every_n = 1;
  expected.is_ftp_test = false;
  EXPECT_EQ(rows->front().metrics, expected);
}

TEST_F(RideMetricsStoreTest, NewestFirstAndOnlyWorkoutsStoredWithMetrics) {
  walk_.metrics = model::RideMetricsRow{};
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  ASSERT_TRUE(store_->SaveWorkout(walk_).ok());
  WorkoutBundle rower = BundleFromEnvelope("p2g_workouts/rower_workout.json");
  ASSERT_TRUE(store_->SaveWorkout(rower).ok());  // no metrics: no row
  auto rows = store_->RideMetricsRows();
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  ASSERT_TRUE(rows->at(0).start_time && rows->at(1).start_time);
  EXPECT_GT(*rows->at(0).start_time, *rows->at(1).start_time);
}

TEST_F(RideMetricsStoreTest, SavingAgainReplacesTheRowAndWithoutMetricsRemovesIt) {
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  ride_.metrics->np = 321.0;
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  EXPECT_EQ(QueryDouble(db_path_, "SELECT np FROM ride_metrics"), 321.0);
  ride_.metrics.reset();
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  EXPECT_EQ(QueryInt(db_path_, "SELECT COUNT(*) FROM ride_metrics"), 0);
}

TEST_F(RideMetricsStoreTest, RebuildWritesTheSameRowAndDropsThoseNotWrittenAgain) {
  walk_.metrics = model::RideMetricsRow{};
  ASSERT_TRUE(store_->SaveWorkout(ride_).ok());
  ASSERT_TRUE(store_->SaveWorkout(walk_).ok());
  auto before = store_->RideMetricsRows();
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(store_
                  ->Rebuild([&](RebuildWriter& writer) {
                    return writer.WriteWorkout(PrepareWorkout(ride_));
                  })
                  .ok());
  auto after = store_->RideMetricsRows();
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), 1u);
  EXPECT_EQ(after->front().metrics, *ride_.metrics);
}

TEST_F(RideMetricsStoreTest, MigratingAVersion3DatabaseAddsTheEmptyTable) {
  ASSERT_TRUE(store_->SaveWorkout(walk_).ok());
  store_.reset();
  // What v3 looked like: neither v4's ride_metrics nor v5's ride_curves (nor v6's tables).
  ExecSql(db_path_, std::string(testing::kDropSchemaV6) +
                        "DROP TABLE ride_curves; DROP TABLE ride_metrics; PRAGMA user_version = 3");
  auto store = OpenSqliteStore(db_path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->SchemaVersion(), CurrentSchemaVersion());
  EXPECT_EQ(*(*store)->CountWorkouts(), 1);
  EXPECT_TRUE((*store)->RideMetricsRows()->empty());
  ASSERT_TRUE((*store)->SaveWorkout(ride_).ok());
  EXPECT_EQ((*store)->RideMetricsRows()->size(), 1u);
}

}  // namespace
}  // namespace pelo::store
