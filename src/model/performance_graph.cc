// Lookups over a performance graph's metrics and summaries.
#include "pelo/model/performance_graph.h"

namespace pelo::model {

const Metric* PerformanceGraph::FindMetric(std::string_view slug) const {
  // Top-level metrics win over alternatives (e.g. a real `speed` metric over pace's alternative).
  for (const Metric& metric : metrics) {
    if (metric.slug == slug) return &metric;
  }
  for (const Metric& metric : metrics) {
    for (const Metric& alternative : metric.alternatives) {
      if (alternative.slug == slug) return &alternative;
    }
  }
  return nullptr;
}

const SummaryValue* PerformanceGraph::FindSummary(std::string_view slug) const {
  for (const SummaryValue& summary : summaries) {
    if (summary.slug == slug) return &summary;
  }
  for (const SummaryValue& summary : average_summaries) {
    if (summary.slug == slug) return &summary;
  }
  return nullptr;
}

std::optional<double> PerformanceGraph::Summary(std::string_view slug) const {
  const SummaryValue* summary = FindSummary(slug);
  if (summary == nullptr) return std::nullopt;
  return summary->value;
}

}  // namespace pelo::model
