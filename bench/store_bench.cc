// How fast one full-resolution workout (1800 samples) is stored in one transaction, and how fast
// the stored ride curves of a 2,000-ride history are read back (what `pelo stats curve` reads).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <vector>

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

// 2,000 rides with a one-hour curve each (416 grid points, 3.3 KB), read with ForEachRideCurve.
void BM_ForEachRideCurve2000Rides(benchmark::State& state) {
  constexpr int kRides = 2000;
  constexpr size_t kPoints = 416;  // CurveGrid() up to 3600 s
  const std::string dir =
      std::filesystem::temp_directory_path() / ("pelo-bench-curves-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto store = store::OpenSqliteStore(dir + "/bench.db");
  if (!store.ok()) {
    state.SkipWithError(store.status().ToString().c_str());
    return;
  }
  store::WorkoutBundle bundle;
  bundle.workout = *api::ParseWorkout(CyclingWorkoutJson());
  bundle.metrics = model::RideMetricsRow{};
  bundle.curve_w = std::vector<double>(kPoints);
  for (int i = 0; i < kRides; ++i) {
    bundle.workout.id = "ride" + std::to_string(i);
    bundle.workout.start_time = 1600000000 + 86400LL * i;
    for (size_t p = 0; p < kPoints; ++p) (*bundle.curve_w)[p] = 900.0 / (1 + 0.01 * p) + i % 7;
    if (Status s = (*store)->SaveWorkout(bundle); !s.ok()) {
      state.SkipWithError(s.message().c_str());
      return;
    }
  }
  for (auto _ : state) {
    double best = 0;
    Status s = (*store)->ForEachRideCurve([&](const model::RideCurveListing& c) {
      best = std::max(best, c.watts.back());
      return OkStatus();
    });
    if (!s.ok()) state.SkipWithError(s.message().c_str());
    benchmark::DoNotOptimize(best);
  }
  state.SetItemsProcessed(state.iterations() * kRides);
  store->reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_ForEachRideCurve2000Rides)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pelo::bench
