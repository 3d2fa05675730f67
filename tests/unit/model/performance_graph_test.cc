#include "pelo/model/performance_graph.h"

#include <gtest/gtest.h>

namespace pelo::model {
namespace {

Metric MetricWith(std::string slug, double max, std::vector<Metric> alternatives = {}) {
  Metric metric;
  metric.slug = std::move(slug);
  metric.max_value = max;
  metric.alternatives = std::move(alternatives);
  return metric;
}

TEST(PerformanceGraph, FindMetricSearchesTopLevelThenAlternatives) {
  PerformanceGraph graph;
  graph.metrics.push_back(MetricWith("pace", 14.6, {MetricWith("speed", 4.1)}));
  graph.metrics.push_back(MetricWith("output", 199));
  ASSERT_NE(graph.FindMetric("output"), nullptr);
  EXPECT_EQ(graph.FindMetric("output")->max_value, 199);
  ASSERT_NE(graph.FindMetric("speed"), nullptr);
  EXPECT_EQ(graph.FindMetric("speed")->max_value, 4.1);
  EXPECT_EQ(graph.FindMetric("cadence"), nullptr);

  // A top-level metric wins over an alternative with the same slug, wherever it appears.
  graph.metrics.push_back(MetricWith("speed", 30));
  EXPECT_EQ(graph.FindMetric("speed")->max_value, 30);
}

TEST(PerformanceGraph, SummaryPrefersSummariesThenAverages) {
  PerformanceGraph graph;
  graph.summaries.push_back({"total_output", "Total Output", "kj", 256});
  graph.summaries.push_back({"distance", "Distance", "mi", std::nullopt});
  graph.average_summaries.push_back({"avg_output", "Avg Output", "watts", 142});
  graph.average_summaries.push_back({"total_output", "Dup", "kj", 1});
  EXPECT_EQ(graph.Summary("total_output"), 256);
  EXPECT_EQ(graph.Summary("avg_output"), 142);
  EXPECT_FALSE(graph.Summary("distance").has_value());
  EXPECT_FALSE(graph.Summary("calories").has_value());
  ASSERT_NE(graph.FindSummary("distance"), nullptr);
  EXPECT_EQ(graph.FindSummary("distance")->display_unit, "mi");
  EXPECT_EQ(graph.FindSummary("calories"), nullptr);
}

}  // namespace
}  // namespace pelo::model
