// The queries of the views, on a database synced from the simulator (real SQLite file).
#include "pelo/app/history.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "pelo/analytics/power.h"
#include "pelo/analytics/ride_day.h"
#include "pelo/app/workspace.h"
#include "pelo/common/time.h"
#include "unit/app/app_fixture.h"

namespace pelo::app {
namespace {

class HistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Workspace(WorkspaceOptions{}).OpenExistingStore(testing::SyncedDbPath());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    auto all = ListWorkouts(*store_, DayRange{});
    ASSERT_TRUE(all.ok()) << all.status().ToString();
    all_ = std::move(*all);
    ASSERT_EQ(all_.size(), 30u);
  }

  // A stored workout whose local day (New York) is not its UTC day: late in the evening.
  const model::WorkoutRow* LateEveningWorkout() const {
    for (const model::WorkoutRow& row : all_) {
      if (row.start_time && analytics::RideDay(*row.start_time, row.timezone) !=
                                analytics::RideDay(*row.start_time, "UTC")) {
        return &row;
      }
    }
    return nullptr;
  }

  // The days from the 21st newest workout's to the 6th newest's: part of the history.
  DayRange MiddleDays() const {
    auto day = [](const model::WorkoutRow& row) {
      return analytics::RideDay(*row.start_time, row.timezone);
    };
    return DayRange{day(all_[20]), day(all_[5])};
  }

  std::unique_ptr<store::Store> store_;
  std::vector<model::WorkoutRow> all_;  // newest first
};

DayRange OneDay(analytics::DayNumber day) { return DayRange{day, day}; }

bool Holds(const std::vector<model::WorkoutRow>& rows, const std::string& workout_id) {
  return std::any_of(rows.begin(), rows.end(),
                     [&](const model::WorkoutRow& r) { return r.workout_id == workout_id; });
}

TEST_F(HistoryTest, WorkoutsAreListedOnTheRidersLocalDay) {
  for (const model::WorkoutRow& row : all_) EXPECT_EQ(row.timezone, "America/New_York");
  const model::WorkoutRow* late = LateEveningWorkout();
  ASSERT_NE(late, nullptr) << "no workout of the synthetic history starts after 19:00 local";
  const analytics::DayNumber local = analytics::RideDay(*late->start_time, late->timezone);
  const analytics::DayNumber utc = analytics::RideDay(*late->start_time, "UTC");
  ASSERT_EQ(utc, local + 1);

  auto on_local_day = ListWorkouts(*store_, OneDay(local));
  ASSERT_TRUE(on_local_day.ok());
  EXPECT_TRUE(Holds(*on_local_day, late->workout_id));
  auto on_utc_day = ListWorkouts(*store_, OneDay(utc));
  ASSERT_TRUE(on_utc_day.ok());
  EXPECT_FALSE(Holds(*on_utc_day, late->workout_id));
}

TEST_F(HistoryTest, ARangeHoldsExactlyTheWorkoutsOfItsDaysNewestFirstUpToTheLimit) {
  const DayRange range = MiddleDays();
  auto listed = ListWorkouts(*store_, range);
  ASSERT_TRUE(listed.ok());
  std::vector<model::WorkoutRow> expected;
  for (const model::WorkoutRow& row : all_) {
    const analytics::DayNumber day = analytics::RideDay(*row.start_time, row.timezone);
    if (day >= *range.since && day <= *range.until) expected.push_back(row);
  }
  ASSERT_FALSE(expected.empty());
  ASSERT_LT(expected.size(), all_.size());
  ASSERT_EQ(listed->size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ((*listed)[i].workout_id, expected[i].workout_id);
  }

  auto limited = ListWorkouts(*store_, range, 2);
  ASSERT_TRUE(limited.ok());
  ASSERT_EQ(limited->size(), 2u);
  EXPECT_EQ((*limited)[0].workout_id, expected[0].workout_id);
  EXPECT_EQ((*limited)[1].workout_id, expected[1].workout_id);
  EXPECT_EQ(ListWorkouts(*store_, DayRange{}, 1000)->size(), all_.size());
}

TEST_F(HistoryTest, RideMetricsFollowTheSameDayRule) {
  auto all = ListRideMetrics(*store_, DayRange{});
  ASSERT_TRUE(all.ok());
  ASSERT_FALSE(all->empty());
  const model::WorkoutRow* late = LateEveningWorkout();
  ASSERT_NE(late, nullptr);
  const analytics::DayNumber local = analytics::RideDay(*late->start_time, late->timezone);
  auto has = [&](const DayRange& range) {
    auto rows = ListRideMetrics(*store_, range);
    EXPECT_TRUE(rows.ok());
    return std::any_of(rows->begin(), rows->end(), [&](const model::RideMetricsListing& r) {
      return r.metrics.workout_id == late->workout_id;
    });
  };
  if (!has(DayRange{})) GTEST_SKIP() << "the late workout has no metrics";
  EXPECT_TRUE(has(OneDay(local)));
  EXPECT_FALSE(has(OneDay(local + 1)));
}

// The demo's best 20 minutes used to be recomputed from every cycling ride's raw samples; the
// stored mmp_1200s must name the same ride with the same watts.
TEST_F(HistoryTest, BestTwentyMinutesFromTheStoredMetricsMatchesTheRawSamples) {
  double watts = 0;
  const model::WorkoutRow* ride = nullptr;
  for (const model::WorkoutRow& row : all_) {
    if (row.discipline != "cycling") continue;
    auto series = store_->OutputSeries(row.workout_id);
    ASSERT_TRUE(series.ok());
    auto mmp = analytics::MeanMaximalPower(analytics::ToPower1Hz(*series, 1), 1200);
    if (mmp && *mmp > watts) {
      watts = *mmp;
      ride = &row;
    }
  }
  ASSERT_NE(ride, nullptr);
  auto best = BestTwentyMinutes(*store_);
  ASSERT_TRUE(best.ok()) << best.status().ToString();
  ASSERT_TRUE(best->has_value());
  EXPECT_NEAR((*best)->watts, watts, 1e-9);
  EXPECT_EQ((*best)->workout_id, ride->workout_id);
  EXPECT_EQ((*best)->start_time, ride->start_time);
  EXPECT_EQ((*best)->title, ride->title);
}

TEST_F(HistoryTest, BestTwentyMinutesOfAnEmptyStoreIsNone) {
  testing::TempDir dir;
  auto store = Workspace(WorkspaceOptions{}).OpenStoreForSync(dir.path() + "/empty.db", {});
  ASSERT_TRUE(store.ok());
  auto best = BestTwentyMinutes(*store->store);
  ASSERT_TRUE(best.ok());
  EXPECT_FALSE(best->has_value());
}

TEST_F(HistoryTest, TheHistoryHasEveryRideAndTodayInTheRidersZone) {
  auto rows = store_->RideMetricsRows();
  ASSERT_TRUE(rows.ok());
  for (bool with_curves : {false, true}) {
    auto loaded = LoadHistory(*store_, with_curves);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    EXPECT_EQ(loaded->rows.size(), rows->size());
    EXPECT_FALSE(loaded->history.rides.empty());  // the cycling rides
    EXPECT_LE(loaded->history.rides.size(), rows->size());
    EXPECT_EQ(loaded->today, analytics::RideDay(NowEpochSeconds(), "America/New_York"));
  }
}

TEST_F(HistoryTest, TheRangeCurveTakesTheBestOfTheRidesInTheRange) {
  auto whole = RangeCurve(*store_, DayRange{});
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  ASSERT_FALSE(whole->empty());
  std::map<int, double> whole_watts;
  for (const CurvePoint& p : *whole) whole_watts[p.duration_s] = p.watts;
  EXPECT_EQ(whole->front().duration_s, 1);

  const DayRange range = MiddleDays();
  auto part = RangeCurve(*store_, range);
  ASSERT_TRUE(part.ok());
  ASSERT_FALSE(part->empty());
  for (const CurvePoint& p : *part) {
    auto day = analytics::ParseDay(p.date);
    ASSERT_TRUE(day) << p.date;
    EXPECT_GE(*day, *range.since);
    EXPECT_LE(*day, *range.until);
    EXPECT_LE(p.watts, whole_watts.at(p.duration_s));
  }
  const analytics::DayNumber newest = analytics::RideDay(*all_.front().start_time, "UTC");
  auto nothing = RangeCurve(*store_, OneDay(newest + 100));
  ASSERT_TRUE(nothing.ok());
  EXPECT_TRUE(nothing->empty());
}

}  // namespace
}  // namespace pelo::app
