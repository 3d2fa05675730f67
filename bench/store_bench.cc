// How fast one full-resolution workout (1800 samples) is stored in one transaction.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>

#include "bench_fixtures.h"
#include "pelo/store/store.h"

namespace pelo::bench {
namespace {

void BM_SaveWorkout1800Samples(benchmark::State& state) {
  const std::string dir =
      std::filesystem::temp_directory_path() / ("pelo-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto store = store::OpenSqliteStore(dir + "/bench.db");
  if (!store.ok()) {
    state.SkipWithError(store.status().ToString().c_str());
    return;
  }
  store::WorkoutBundle bundle;
  bundle.workout = *api::ParseWorkout(CyclingWorkoutJson());
  bundle.graph = *api::ParsePerformanceGraph(CyclingGraphJson());
  int64_t n = 0;
  for (auto _ : state) {
    bundle.workout.id = "bench" + std::to_string(n++);
    if (Status s = (*store)->SaveWorkout(bundle); !s.ok()) state.SkipWithError(s.message().c_str());
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(bundle.graph.seconds_since_pedaling_start.size()));
  store->reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_SaveWorkout1800Samples)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pelo::bench
