// How fast a performance graph becomes model data (the per-workout parse cost of a sync).
#include <benchmark/benchmark.h>

#include "bench_fixtures.h"

namespace pelo::bench {
namespace {

void BM_ParsePerformanceGraph1800s(benchmark::State& state) {
  const std::string& json = CyclingGraphJson();
  for (auto _ : state) {
    auto graph = api::ParsePerformanceGraph(json);
    if (!graph.ok()) state.SkipWithError(graph.status().ToString().c_str());
    benchmark::DoNotOptimize(graph);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * json.size()));
}
BENCHMARK(BM_ParsePerformanceGraph1800s);

void BM_ParseWorkoutDetail(benchmark::State& state) {
  const std::string& json = CyclingWorkoutJson();
  for (auto _ : state) {
    auto workout = api::ParseWorkout(json);
    benchmark::DoNotOptimize(workout);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * json.size()));
}
BENCHMARK(BM_ParseWorkoutDetail);

}  // namespace
}  // namespace pelo::bench
