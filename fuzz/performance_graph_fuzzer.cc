// GET /api/workout/{id}/performance_graph -> model::PerformanceGraph.
#include "fuzz_check.h"
#include "pelo/peloton/api/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto graph = pelo::api::ParsePerformanceGraph(pelo::fuzz::AsText(data, size));
  pelo::fuzz::CheckOkOrApiError(graph);
  if (!graph.ok()) return 0;
  // The metric and summary lookups the analytics rely on find what the parser read.
  for (const pelo::model::Metric& metric : graph->metrics) {
    PELO_FUZZ_CHECK(graph->FindMetric(metric.slug) != nullptr);
  }
  for (const pelo::model::SummaryValue& summary : graph->summaries) {
    PELO_FUZZ_CHECK(graph->FindSummary(summary.slug) != nullptr);
  }
  return 0;
}
