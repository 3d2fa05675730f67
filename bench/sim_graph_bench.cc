// The simulator's work per workout (src/peloton/sim) in the default synthetic world (300
// workouts, what pelo-sim and the CLI tests serve): performance_graph bodies and workout metrics
// written from the samples (json/graph_body.h) against the DOM path that served them before
// (BuildGraphJson, WindowGraph, dump; ReadMetrics of the graph), and building the world. The
// two give the same bodies (tests/unit/peloton/sim/graph_body_test.cc).
//   pelo_bench --benchmark_filter=Sim
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "peloton/sim/json/graph_body.h"
#include "peloton/sim/json/graph_json.h"
#include "peloton/sim/json/workout_metrics.h"
#include "peloton/sim/world/data_set.h"

namespace {

using pelo::sim::DataSet;
using pelo::sim::WorkoutEntry;

const DataSet& DefaultWorld() {
  static const std::unique_ptr<DataSet> world = [] {
    auto built = pelo::sim::BuildSyntheticDataSet(pelo::sim::Options{});
    if (!built.ok()) std::abort();
    return std::move(built).value();
  }();
  return *world;
}

// Each iteration one workout, in turn: every discipline in the proportions the world has.
const WorkoutEntry& NextWorkout(size_t& i) {
  const DataSet& world = DefaultWorld();
  return world.workouts[i++ % world.workouts.size()];
}

void BM_SimGraphBodyFromSamples(benchmark::State& state) {
  const int every_n = static_cast<int>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(pelo::sim::SyntheticGraphBody(*NextWorkout(i).synthetic, every_n));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SimGraphBodyFromSamples)->Arg(1)->Arg(5)->Arg(30)->Unit(benchmark::kMillisecond);

void BM_SimGraphBodyFromDom(benchmark::State& state) {
  const int every_n = static_cast<int>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    nlohmann::json graph = NextWorkout(i).graph();
    if (every_n > 1 && pelo::sim::GraphStep(graph) == 1) {
      graph = pelo::sim::WindowGraph(graph, every_n);
    }
    benchmark::DoNotOptimize(graph.dump());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SimGraphBodyFromDom)->Arg(1)->Arg(5)->Arg(30)->Unit(benchmark::kMillisecond);

void BM_SimWorkoutMetricsFromSamples(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(pelo::sim::SyntheticMetrics(*NextWorkout(i).synthetic));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SimWorkoutMetricsFromSamples)->Unit(benchmark::kMillisecond);

void BM_SimWorkoutMetricsFromDom(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(pelo::sim::ReadMetrics(NextWorkout(i).graph()));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SimWorkoutMetricsFromDom)->Unit(benchmark::kMillisecond);

void BM_SimBuildDefaultWorld(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(pelo::sim::BuildSyntheticDataSet(pelo::sim::Options{}));
  }
}
BENCHMARK(BM_SimBuildDefaultWorld)->Unit(benchmark::kMillisecond);

}  // namespace
