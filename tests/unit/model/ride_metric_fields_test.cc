// The registry of ride metrics: one entry per metric, each on its own member, with the external
// names users already read (the SQL column intensity_factor, the CSV/JSON key "if").
#include "pelo/model/ride_metric_fields.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace pelo::model {
namespace {

static_assert(RideMetric("intensity_factor").column == "intensity_factor");
static_assert(RideMetric("intensity_factor").key == "if");
static_assert(RideMetric("n_hi").kind() == RideMetricKind::kCount);
static_assert(RideMetric("every_n").kind() == RideMetricKind::kInt);
static_assert(RideMetric("is_ftp_test").kind() == RideMetricKind::kFlag);
static_assert(RideMetric("np").kind() == RideMetricKind::kReal);

TEST(RideMetricFieldsTest, NamesColumnsAndKeysAreEachUniqueAndOnlyIntensityFactorIsRenamed) {
  std::set<std::string_view> names, columns, keys;
  for (const RideMetricField& field : kRideMetricFields) {
    EXPECT_TRUE(names.insert(field.name).second) << field.name;
    EXPECT_TRUE(columns.insert(field.column).second) << field.column;
    EXPECT_TRUE(keys.insert(field.key).second) << field.key;
    EXPECT_EQ(field.column, field.name);
    EXPECT_EQ(field.key, field.name == "intensity_factor" ? "if" : field.name);
    EXPECT_FALSE(field.description.empty()) << field.name;
  }
  // Identity and provenance are the store's, not metrics; listing columns are the CLI's.
  for (const char* other : {"workout_id", "metrics_version", "ftp_source", "distance_km"}) {
    EXPECT_FALSE(names.contains(other)) << other;
  }
  EXPECT_EQ(kRideMetricFields.size(), 41u);
}

TEST(RideMetricFieldsTest, EachMetricReadsAndWritesItsOwnMember) {
  RideMetricsRow row;
  double v = 2;
  for (const RideMetricField& field : kRideMetricFields) {
    // Flags hold 1 or 0: a distinct value shows only as "set".
    const double value = field.kind() == RideMetricKind::kFlag ? 1 : v++;
    const RideMetricsRow before = row;
    SetRideMetricValue(field, row, value);
    EXPECT_NE(row, before) << field.name << " wrote nothing new";
    EXPECT_EQ(RideMetricValue(field, row), value) << field.name;
  }
  // No two metrics share a member: each kept the value written last to it.
  v = 2;
  for (const RideMetricField& field : kRideMetricFields) {
    const double value = field.kind() == RideMetricKind::kFlag ? 1 : v++;
    EXPECT_EQ(RideMetricValue(field, row), value) << field.name;
  }
  EXPECT_EQ(row.intensity_factor, RideMetricValue(RideMetric("intensity_factor"), row));
  EXPECT_EQ(row.n_sprint, 38);
}

TEST(RideMetricFieldsTest, NaIsNulloptOrTheDefaultOfAMetricThatIsNeverNa) {
  RideMetricsRow row;
  row.np = 200;
  row.n_hi = 3;
  row.every_n = 5;
  row.is_ftp_test = true;
  for (const char* name : {"np", "n_hi", "every_n", "is_ftp_test"}) {
    for (const RideMetricField& field : kRideMetricFields) {
      if (field.name == name) SetRideMetricValue(field, row, std::nullopt);
    }
  }
  EXPECT_EQ(row, RideMetricsRow());  // every_n 1, not a test
  EXPECT_EQ(RideMetricValue(RideMetric("np"), row), std::nullopt);
  EXPECT_EQ(RideMetricValue(RideMetric("every_n"), row), 1.0);
  EXPECT_EQ(RideMetricValue(RideMetric("is_ftp_test"), row), 0.0);
}

}  // namespace
}  // namespace pelo::model
