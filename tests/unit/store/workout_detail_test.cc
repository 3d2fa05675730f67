// Store::LoadWorkoutDetail: one workout's whole detail, the same values the listings and
// ForEachSample give for it, on a writable and on a read-only store.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "pelo/store/store.h"
#include "unit/store/store_fixtures.h"

namespace pelo::store {
namespace {

using testing::BundleFromEnvelope;
using testing::TempDir;

constexpr char kRide[] = "19bc665d58024a97a668e930c0a12d15";  // 30 min Power Zone Ride
constexpr char kWalk[] = "20739ea34d1741dba9b5f89a6967e85d";  // outdoor walk, with GPS
using testing::kKmPerMile;

class WorkoutDetailTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ride_ = BundleFromEnvelope("SyncMyWorkout01.json");
    ride_.metrics = model::RideMetricsRow{};
    ride_.metrics->metrics_version = 3;
    ride_.metrics->ftp = 231;
    ride_.metrics->ftp_source = "workout_ftp_info";
    ride_.metrics->np = 171.25;
    ride_.metrics->pz3_s = 600;
    ride_.metrics->hrz4_s = 903;
    // Exact doubles, as the column keeps them.
    ride_.curve_w = {501, 1.0 / 3.0, 0.1 + 0.2, std::nextafter(250.0, 300.0)};
    walk_ = BundleFromEnvelope("p2g_workouts/walking_outdoor_01.json");
    walk_.workout.is_outdoor = true;
    auto store = OpenSqliteStore(path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    for (const WorkoutBundle* bundle : {&ride_, &walk_}) {
      ASSERT_TRUE(store_->SaveWorkout(*bundle).ok());
    }
    ASSERT_TRUE(store_->SaveWorkout(BundleFromEnvelope("p2g_workouts/rower_workout.json")).ok());
  }

  WorkoutDetail Load(Store& store, const std::string& id) {
    auto detail = store.LoadWorkoutDetail(id);
    EXPECT_TRUE(detail.ok()) << detail.status().ToString();
    EXPECT_TRUE(detail.ok() && detail->has_value()) << id;
    return detail.ok() && detail->has_value() ? **detail : WorkoutDetail{};
  }

  TempDir dir_;
  std::string path_ = (dir_.path() / "pelo.db").string();
  WorkoutBundle ride_, walk_;
  std::unique_ptr<Store> store_;
};

TEST_F(WorkoutDetailTest, HasTheValuesOfTheListingsAndOfForEachSample) {
  const WorkoutDetail detail = Load(*store_, kRide);

  auto rows = store_->WorkoutRows();
  ASSERT_TRUE(rows.ok());
  for (const model::WorkoutRow& row : *rows) {
    if (row.workout_id == kRide) {
      EXPECT_TRUE(detail.workout == row);
    }
  }
  EXPECT_EQ(detail.workout.title, "30 min Power Zone Ride");
  EXPECT_EQ(detail.workout.ftp, 231);
  EXPECT_FALSE(detail.is_outdoor);

  auto listings = store_->RideMetricsRows();
  ASSERT_TRUE(listings.ok());
  ASSERT_EQ(listings->size(), 1u);
  ASSERT_TRUE(detail.metrics.has_value());
  EXPECT_TRUE(*detail.metrics == listings->front());
  EXPECT_EQ(detail.metrics->metrics.np, 171.25);

  ASSERT_TRUE(detail.curve_w.has_value());
  EXPECT_EQ(*detail.curve_w, *ride_.curve_w);  // bit for bit

  std::vector<model::SampleRow> samples;
  ASSERT_TRUE(store_
                  ->ForEachSample([&](const model::SampleRow& row) {
                    if (row.workout_id != kRide) return true;
                    samples.push_back(row);
                    samples.back().workout_id.clear();
                    return true;
                  })
                  .ok());
  ASSERT_EQ(samples.size(), 1800u);
  EXPECT_TRUE(detail.samples == samples);
  EXPECT_EQ(detail.samples[100].output_w, 153);

  ASSERT_EQ(detail.segments.size(), ride_.graph.segments.size());
  for (size_t i = 0; i < detail.segments.size(); ++i) {
    const model::Segment& stored = detail.segments[i];
    const model::Segment& given = ride_.graph.segments[i];
    EXPECT_EQ(stored.id, given.id);
    EXPECT_EQ(stored.name, given.name);
    EXPECT_EQ(stored.icon_slug, given.icon_slug);
    EXPECT_EQ(stored.start_time_offset, given.start_time_offset);
    EXPECT_EQ(stored.length, given.length);
    EXPECT_EQ(stored.intensity_in_mets, given.intensity_in_mets);
  }
  EXPECT_EQ(detail.segments[1].name, "Cycling");
  EXPECT_EQ(detail.segments[2].start_time_offset, 1742);

  ASSERT_EQ(detail.heart_rate_zones.size(), 5u);
  const model::Metric* hr = ride_.graph.FindMetric("heart_rate");
  ASSERT_NE(hr, nullptr);
  for (size_t z = 0; z < 5; ++z) {
    EXPECT_EQ(detail.heart_rate_zones[z].slug, "zone" + std::to_string(z + 1));
    EXPECT_EQ(detail.heart_rate_zones[z].min_value, hr->zones[z].min_value);
    EXPECT_EQ(detail.heart_rate_zones[z].max_value, hr->zones[z].max_value);
    EXPECT_EQ(detail.heart_rate_zones[z].duration, hr->zones[z].duration);
  }
  EXPECT_EQ(detail.heart_rate_zones[3].min_value, 159);
  EXPECT_TRUE(detail.gps.empty());
}

TEST_F(WorkoutDetailTest, AWalkHasItsGpsPointsInOrderAndNoMetricsOrCurve) {
  const WorkoutDetail detail = Load(*store_, kWalk);
  EXPECT_TRUE(detail.is_outdoor);
  EXPECT_FALSE(detail.metrics.has_value());
  EXPECT_FALSE(detail.curve_w.has_value());
  EXPECT_TRUE(detail.heart_rate_zones.empty() || detail.heart_rate_zones.size() == 5u);
  ASSERT_EQ(detail.gps.size(), walk_.graph.gps.size());
  ASSERT_EQ(detail.gps.size(), 1797u);
  for (size_t i = 0; i < detail.gps.size(); ++i) {
    ASSERT_EQ(detail.gps[i].seconds_offset, walk_.graph.gps[i].seconds_offset) << i;
    ASSERT_EQ(detail.gps[i].latitude, walk_.graph.gps[i].latitude) << i;  // exact
    ASSERT_EQ(detail.gps[i].longitude, walk_.graph.gps[i].longitude) << i;
  }
  EXPECT_EQ(detail.gps[298].distance_unit, "km");
  EXPECT_DOUBLE_EQ(detail.gps[298].distance.value_or(0), 0.23 * kKmPerMile);
  EXPECT_EQ(detail.samples.size(), 1797u);
  EXPECT_DOUBLE_EQ(detail.samples[0].altitude_m.value_or(0), 958 * 0.3048);  // 958 ft
}

TEST_F(WorkoutDetailTest, AnUnknownIdIsNotAnError) {
  auto detail = store_->LoadWorkoutDetail("0123456789abcdef0123456789abcdef");
  ASSERT_TRUE(detail.ok()) << detail.status().ToString();
  EXPECT_FALSE(detail->has_value());
  auto empty = store_->LoadWorkoutDetail("");
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->has_value());
}

TEST_F(WorkoutDetailTest, AReadOnlyStoreReadsTheSameDetail) {
  const WorkoutDetail written = Load(*store_, kRide);
  store_.reset();
  auto reader = OpenSqliteStoreReadOnly(path_);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  const WorkoutDetail read = Load(**reader, kRide);
  EXPECT_TRUE(read.workout == written.workout);
  EXPECT_TRUE(read.metrics == written.metrics);
  EXPECT_EQ(read.curve_w, written.curve_w);
  EXPECT_TRUE(read.samples == written.samples);
  EXPECT_EQ(read.segments.size(), 3u);
  EXPECT_EQ(read.heart_rate_zones.size(), 5u);
  // Twice on one connection: the read transaction of the first was ended.
  EXPECT_EQ(Load(**reader, kWalk).gps.size(), 1797u);
  EXPECT_EQ(Load(**reader, kRide).samples.size(), 1800u);
}

// Inside a transaction (here Rebuild's) the detail reads what that transaction sees.
TEST_F(WorkoutDetailTest, ReadsInsideAnOpenTransaction) {
  Status status = store_->Rebuild([&](RebuildWriter& writer) -> Status {
    auto gone = store_->LoadWorkoutDetail(kRide);  // rebuild emptied the derived tables
    if (!gone.ok()) return gone.status();
    EXPECT_FALSE(gone->has_value());
    PELO_RETURN_IF_ERROR(writer.WriteWorkout(PrepareWorkout(ride_)));
    auto back = store_->LoadWorkoutDetail(kRide);
    if (!back.ok()) return back.status();
    EXPECT_TRUE(back->has_value() && (*back)->samples.size() == 1800u);
    return OkStatus();
  });
  EXPECT_TRUE(status.ok()) << status.ToString();
}

}  // namespace
}  // namespace pelo::store
