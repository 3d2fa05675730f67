// Display units -> stored metric units.
#include "store/units.h"

#include <gtest/gtest.h>

namespace pelo::store {
namespace {

model::Metric MetricOf(std::string slug, std::string unit, std::vector<std::optional<double>> v) {
  model::Metric metric;
  metric.slug = std::move(slug);
  metric.display_unit = std::move(unit);
  metric.values = std::move(v);
  return metric;
}

TEST(Units, DistanceToKilometres) {
  EXPECT_DOUBLE_EQ(*DistanceKm(9.31, "mi"), 9.31 * 1.609344);
  EXPECT_DOUBLE_EQ(*DistanceKm(8.37, "km"), 8.37);
  EXPECT_DOUBLE_EQ(*DistanceKm(1023.28, "m"), 1.02328);
  EXPECT_FALSE(DistanceKm(3, "furlong").has_value());
  EXPECT_FALSE(DistanceKm(std::nullopt, "mi").has_value());
}

TEST(Units, SampleRowsConvertEveryChannel) {
  model::PerformanceGraph g;
  g.seconds_since_pedaling_start = {0, 5};
  g.metrics.push_back(MetricOf("speed", "kph", {25.2, std::nullopt}));
  model::Metric pace = MetricOf("pace", "min/mi", {16.0934, 10});
  pace.alternatives.push_back(MetricOf("speed", "mph", {3.0, 6.0}));  // loses to top-level speed
  g.metrics.push_back(pace);
  g.metrics.push_back(MetricOf("altitude", "ft", {1000, 10}));
  g.metrics.push_back(MetricOf("split_pace", "min/500m", {2.5, 2.0}));
  g.metrics.push_back(MetricOf("heart_rate", "bpm", {120}));  // shorter than the time axis
  g.metrics.push_back(MetricOf("incline", "%", {1.5, 2}));
  g.metrics.push_back(MetricOf("stroke_rate", "spm", {20, 22}));
  std::vector<model::SampleRow> rows = BuildSampleRows("w", g);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].t_s, 5);
  EXPECT_EQ(rows[0].speed_kph, 25.2);
  EXPECT_FALSE(rows[1].speed_kph.has_value());
  EXPECT_DOUBLE_EQ(*rows[0].pace_min_per_km, 16.0934 / 1.609344);
  EXPECT_DOUBLE_EQ(*rows[0].altitude_m, 304.8);
  EXPECT_DOUBLE_EQ(*rows[0].split_pace_s_per_500m, 150);
  EXPECT_EQ(rows[0].heart_rate_bpm, 120);
  EXPECT_FALSE(rows[1].heart_rate_bpm.has_value());
  EXPECT_EQ(rows[1].incline_pct, 2);
  EXPECT_EQ(rows[1].stroke_rate_spm, 22);
  EXPECT_FALSE(rows[0].output_w.has_value());
}

TEST(Units, UnknownUnitsAreLeftEmptyNotGuessed) {
  model::PerformanceGraph g;
  g.seconds_since_pedaling_start = {1};
  g.metrics.push_back(MetricOf("speed", "furlongs/fortnight", {3.0}));
  g.metrics.push_back(MetricOf("altitude", "", {100}));
  std::vector<model::SampleRow> rows = BuildSampleRows("w", g);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_FALSE(rows[0].speed_kph.has_value());
  EXPECT_FALSE(rows[0].altitude_m.has_value());
}

}  // namespace
}  // namespace pelo::store
