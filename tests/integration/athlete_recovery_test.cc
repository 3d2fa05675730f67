// The simulator's athlete has a known FTP history (sim::BuildHistory: FTP tests every 6-10
// weeks whose results set the FTP, fitness that grows with training and fades in breaks). A
// synced history must give it back: `stats ftp` lists every test with its result, each ride
// has the FTP that was in effect, and the training that raised FTP shows up in `stats drivers`.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "integration/sim_fixture.h"
#include "pelo/common/time_zone.h"
#include "pelo/insights/drivers.h"
#include "pelo/insights/fitness.h"
#include "pelo/sync/sync.h"
#include "peloton/sim/world/athlete.h"
#include "peloton/sim/world/catalog.h"
#include "peloton/sim/world/data_set.h"

namespace pelo {
namespace {

constexpr int kWorkouts = 320;  // about the demo's (SimTest turns 300 into 40)
constexpr uint64_t kSeed = 1;

class AthleteRecoveryTest : public testing::SimTest {
 protected:
  void SetUp() override {
    sim::Options o;
    o.workouts = kWorkouts;
    o.seed = kSeed;
    StartSignedIn(o);
    if (HasFatalFailure()) return;
    auto store = store::OpenSqliteStore(dir_ + "/pelo.db");
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    sync::Options options;
    options.jobs = 4;
    const sync::SyncResult report = sync::Run(*client_, *store_, options);
    ASSERT_TRUE(report.status.ok()) << report.status.ToString();
    auto rows = store_->RideMetricsRows();
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    rows_ = *rows;
    history_ = insights::BuildRideHistory(rows_);
    truth_ = sim::BuildHistory(sim::BuildCatalog(), sim::Profile{}, kSeed, kWorkouts,
                               *sim::ParseDate(o.end_date));
  }

  void TearDown() override {
    store_.reset();
    SimTest::TearDown();
    std::filesystem::remove_all(dir_);
  }

  void ExpectStatsFtpListsEveryTestWithItsResult();
  void ExpectEveryRideHasTheFtpInEffectOnItsDay();
  void ExpectTheTrainingThatRaisedFtpIsADriver();

  std::string dir_ = std::filesystem::temp_directory_path() /
                     ("pelo-recovery-" + std::to_string(getpid()) + "-" +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::unique_ptr<store::Store> store_;
  std::vector<model::RideMetricsListing> rows_;
  insights::RideHistory history_;
  sim::History truth_;
};

// One test, three checks: syncing two years at full resolution is the slow part.
TEST_F(AthleteRecoveryTest, SyncedHistoryGivesBackTheAthletesFtpHistory) {
  ExpectStatsFtpListsEveryTestWithItsResult();
  ExpectEveryRideHasTheFtpInEffectOnItsDay();
  ExpectTheTrainingThatRaisedFtpIsADriver();
}

void AthleteRecoveryTest::ExpectStatsFtpListsEveryTestWithItsResult() {
  SCOPED_TRACE("stats ftp");
  const analytics::DayNumber last_day = history_.rides.back().summary.day;
  const insights::FtpSummary ftp = insights::BuildFtpSummary(history_, last_day);
  std::map<std::string, analytics::FtpChange> tested;
  for (const auto& c : ftp.changes) {
    if (c.kind == analytics::FtpChangeKind::kTested) tested.emplace(c.workout_id, c);
  }
  int tests = 0;
  for (const sim::WorkoutPlan& plan : truth_.workouts) {
    if (plan.test_result_ftp == 0) continue;
    ++tests;
    if (!tested.count(plan.id)) {
      ADD_FAILURE() << "test " << plan.id << " missing";
      continue;
    }
    const analytics::FtpChange& c = tested.at(plan.id);
    EXPECT_EQ(c.ftp, plan.test_result_ftp) << plan.id;
    EXPECT_EQ(c.day, LocalDayNumber(plan.start_time, "America/New_York")) << plan.id;
  }
  EXPECT_GE(tests, 8);  // two years, a test every 6-10 weeks
  // Plus the FTP the history starts with (from a test before it), at the first ride.
  ASSERT_FALSE(ftp.changes.empty());
  EXPECT_EQ(ftp.changes.front().ftp, truth_.initial_ftp);
  EXPECT_EQ(static_cast<int>(tested.size()), tests + 1);
  for (const auto& [id, c] : tested) {
    EXPECT_TRUE(id == ftp.changes.front().workout_id || c.previous) << id;
  }
  if (!ftp.current) return ADD_FAILURE() << "no current FTP";
  EXPECT_EQ(ftp.current->ftp, truth_.current_ftp);
  EXPECT_EQ(ftp.current->workout_id, truth_.current_ftp_workout_id);
}

void AthleteRecoveryTest::ExpectEveryRideHasTheFtpInEffectOnItsDay() {
  SCOPED_TRACE("ride FTP");
  std::map<std::string, const sim::WorkoutPlan*> plans;
  for (const auto& p : truth_.workouts) plans[p.id] = &p;
  int rides = 0;
  for (const auto& r : rows_) {
    const sim::WorkoutPlan& plan = *plans.at(r.metrics.workout_id);
    if (plan.discipline != "cycling") continue;
    ++rides;
    EXPECT_EQ(r.metrics.ftp, plan.ftp) << plan.id;
    EXPECT_EQ(r.metrics.is_ftp_test, plan.test_result_ftp > 0) << plan.id;
    if (plan.test_result_ftp > 0) {
      EXPECT_EQ(r.metrics.ftp_test_w, plan.test_result_ftp) << plan.id;
    }
  }
  EXPECT_GT(rides, 150);
}

void AthleteRecoveryTest::ExpectTheTrainingThatRaisedFtpIsADriver() {
  SCOPED_TRACE("drivers");
  const insights::DriversAnalysis a = insights::AnalyzeHistory(history_);
  // The simulated athlete's body is an impulse-response one (sim::Adaptation: threshold =
  // untrained + gain x fitness - fatigue terms of the training load). Fitted to the FTP tests
  // (§5.5), pelo finds training load raising FTP, fatigue lowering it, the untrained level, and
  // a fit that explains most of the tests.
  if (!a.banister.fit) return ADD_FAILURE() << a.banister.note;
  const analytics::BanisterFit& fit = *a.banister.fit;
  EXPECT_TRUE(fit.enough_tests);
  EXPECT_GT(fit.k1, 0);
  EXPECT_GT(fit.k2, 0);
  EXPECT_GT(fit.r2, 0.6);
  EXPECT_NEAR(fit.p0, truth_.untrained_watts, 15);
}

}  // namespace
}  // namespace pelo
