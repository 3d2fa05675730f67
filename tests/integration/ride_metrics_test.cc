// Per-ride metrics end to end: a simulated history synced, a metrics row per stored workout,
// and rebuild computing the same rows from the archive.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "integration/sim_fixture.h"
#include "pelo/sync/rebuild.h"
#include "pelo/sync/sync.h"
#include "support/db_digest.h"

namespace pelo {
namespace {

using testing::DigestTables;

class RideMetricsTest : public testing::SimTest {
 protected:
  void SyncHistory(int workouts, int every_n) {
    sim::Options o;
    o.workouts = workouts;
    StartSignedIn(o);
    if (HasFatalFailure()) return;
    auto store = store::OpenSqliteStore(db_path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    sync::Options options;
    options.every_n = every_n;
    options.jobs = 3;
    sync::SyncResult report = sync::Run(*client_, *store_, options);
    ASSERT_TRUE(report.status.ok()) << report.status.ToString();
    ASSERT_EQ(report.stored_total, workouts);
  }

  void TearDown() override {
    store_.reset();
    SimTest::TearDown();
    std::filesystem::remove_all(dir_);
  }

  std::string dir_ = std::filesystem::temp_directory_path() /
                     ("pelo-ride-metrics-" + std::to_string(getpid()) + "-" +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::string db_path_ = dir_ + "/pelo.db";
  std::unique_ptr<store::Store> store_;
};

double PowerZoneSeconds(const model::RideMetricsRow& m) {
  double sum = 0;
  for (const auto& z : {m.pz1_s, m.pz2_s, m.pz3_s, m.pz4_s, m.pz5_s, m.pz6_s, m.pz7_s}) {
    EXPECT_TRUE(z.has_value()) << m.workout_id;
    sum += z.value_or(0);
  }
  return sum;
}

TEST_F(RideMetricsTest, EveryWorkoutSyncedGetsItsMetricsAndRebuildComputesTheSame) {
  constexpr int kEveryN = 5;
  SyncHistory(30, kEveryN);
  if (HasFatalFailure()) return;
  auto workouts = store_->WorkoutRows();
  auto metrics = store_->RideMetricsRows();
  ASSERT_TRUE(workouts.ok() && metrics.ok());
  ASSERT_EQ(metrics->size(), workouts->size());
  std::map<std::string, model::RideMetricsListing> by_id;
  for (const auto& listing : *metrics) by_id[listing.metrics.workout_id] = listing;

  int rides = 0;
  int without_power = 0;
  for (const model::WorkoutRow& w : *workouts) {
    ASSERT_TRUE(by_id.count(w.workout_id)) << w.workout_id;
    const model::RideMetricsListing& listing = by_id[w.workout_id];
    const model::RideMetricsRow& m = listing.metrics;
    EXPECT_EQ(m.metrics_version, 2);
    EXPECT_EQ(listing.discipline, w.discipline);
    EXPECT_EQ(listing.title, w.title);
    EXPECT_EQ(listing.start_time, w.start_time);
    ASSERT_TRUE(m.duration_s) << w.workout_id;
    if (w.duration) {
      EXPECT_LE(std::fabs(*m.duration_s - *w.duration), kEveryN) << w.workout_id;
    }
    if (w.discipline == "cycling") {
      ++rides;
      EXPECT_TRUE(m.np && m.tss && m.intensity_factor && m.kj && m.mmp_1s) << w.workout_id;
      ASSERT_TRUE(m.ftp) << w.workout_id;
      EXPECT_EQ(m.ftp, w.ftp) << w.workout_id;  // the FTP in effect, from ftp_info
      EXPECT_EQ(m.ftp_source, "workout_ftp_info");
      EXPECT_EQ(PowerZoneSeconds(m), *m.duration_s) << w.workout_id;
    } else if (!w.average_output) {
      ++without_power;  // yoga, strength, meditation...
      EXPECT_FALSE(m.ftp || m.avg_power || m.kj || m.np || m.vi || m.intensity_factor || m.tss ||
                   m.mmp_1s || m.ef || m.pz1_s)
          << w.discipline << " " << w.workout_id;
      EXPECT_EQ(m.ftp_source, "");
    }
    if (w.average_heart_rate) {
      EXPECT_TRUE(m.avg_hr && m.hrz1_s) << w.workout_id;
    }
  }
  EXPECT_GT(rides, 0);
  EXPECT_GT(without_power, 0);

  const auto synced = DigestTables(db_path_);
  ASSERT_EQ(synced.at("ride_metrics").rows, 30);
  auto rebuilt = sync::Rebuild(*store_);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_EQ(rebuilt->workouts, 30);
  EXPECT_EQ(DigestTables(db_path_).at("ride_metrics"), synced.at("ride_metrics"));
  EXPECT_EQ(DigestTables(db_path_), synced);
}

}  // namespace
}  // namespace pelo
