// What the dashboard's workout page costs per request: one 3-hour ride at 1 Hz (10,800 samples
// of five channels, its metrics, curve, segments and heart-rate zones; with a GPS point per
// second when outdoors) read from a read-only store (Store::LoadWorkoutDetail, app::LoadRide)
// and written as JSON (app::RideJson).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "pelo/analytics/power_curve.h"
#include "pelo/app/json.h"
#include "pelo/app/ride.h"
#include "pelo/store/store.h"

namespace pelo::bench {
namespace {

constexpr int kSeconds = 3 * 3600;
constexpr char kIndoor[] = "0123456789abcdef0123456789abcde0";
constexpr char kOutdoor[] = "0123456789abcdef0123456789abcde1";

model::Metric Channel(const char* slug, const char* unit, double (*value)(int)) {
  model::Metric m;
  m.slug = slug;
  m.display_unit = unit;
  for (int t = 0; t < kSeconds; ++t) m.values.push_back(value(t));
  return m;
}

store::WorkoutBundle ThreeHourRide(const std::string& id, bool outdoor) {
  store::WorkoutBundle b;
  b.workout.id = id;
  b.workout.fitness_discipline = "cycling";
  b.workout.title = "180 min Endurance Ride";
  b.workout.timezone = "America/New_York";
  b.workout.start_time = 1780000000;
  b.workout.is_outdoor = outdoor;
  b.graph.duration = kSeconds;
  for (int t = 0; t < kSeconds; ++t) b.graph.seconds_since_pedaling_start.push_back(t);
  // Whole watts, rpm, % and bpm, as Peloton sends them; speed in mph, stored in km/h (every
  // value then has decimals).
  b.graph.metrics.push_back(Channel("output", "watts", [](int t) { return 180.0 + t % 97; }));
  b.graph.metrics.push_back(Channel("cadence", "rpm", [](int t) { return 80.0 + t % 23; }));
  b.graph.metrics.push_back(Channel("resistance", "%", [](int t) { return 40.0 + t % 17; }));
  b.graph.metrics.push_back(
      Channel("speed", "mph", [](int t) { return std::round((18 + (t % 61) / 10.0) * 10) / 10; }));
  model::Metric hr = Channel("heart_rate", "bpm", [](int t) { return 120.0 + t % 51; });
  for (int z = 0; z < 5; ++z) {
    hr.zones.push_back({"zone" + std::to_string(z + 1), 100.0 + 20 * z, 119.0 + 20 * z, 600.0});
  }
  b.graph.metrics.push_back(hr);
  for (int s = 0; s < 12; ++s)
    b.graph.segments.push_back({"", "Cycling", "cycling", "", s * 900, 900, {}});
  if (outdoor) {
    for (int t = 0; t < kSeconds; ++t) {
      b.graph.gps.push_back({t, 40.7127753 + t * 1.37e-5, -74.0059728 + t * 0.91e-5, 3.2,
                             t * 0.0089, "km", "", false});
    }
  }
  b.resolved_ftp = 250;
  b.metrics = model::RideMetricsRow{};
  b.metrics->ftp = 250;
  b.metrics->np = 231.4;
  b.metrics->pz3_s = 5400;
  const size_t points = analytics::CurveGrid().size();
  b.curve_w = std::vector<double>(points);
  for (size_t i = 0; i < points; ++i) (*b.curve_w)[i] = 900.0 / (1 + 0.01 * i) + 1.0 / 3.0;
  return b;
}

// A database with both rides, made once per process and removed at its end.
class BenchDb {
 public:
  BenchDb()
      : dir_(std::filesystem::temp_directory_path() /
             ("pelo-bench-ride-" + std::to_string(getpid()))) {
    std::filesystem::create_directories(dir_);
    auto store = store::OpenSqliteStore(path());
    if (!store.ok()) return;
    static_cast<void>((*store)->SaveWorkout(ThreeHourRide(kIndoor, false)));
    static_cast<void>((*store)->SaveWorkout(ThreeHourRide(kOutdoor, true)));
  }
  ~BenchDb() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string path() const { return (dir_ / "bench.db").string(); }

 private:
  std::filesystem::path dir_;
};

const std::string& DbPath() {
  static const BenchDb db;
  static const std::string path = db.path();
  return path;
}

const char* IdOf(const benchmark::State& state) { return state.range(0) ? kOutdoor : kIndoor; }

std::unique_ptr<store::Store> OpenReadOnly(benchmark::State& state) {
  auto store = store::OpenSqliteStoreReadOnly(DbPath());
  if (!store.ok()) {
    state.SkipWithError(store.status().ToString().c_str());
    return nullptr;
  }
  return std::move(store).value();
}

// The store's read alone, on an open read-only store.
void BM_LoadWorkoutDetail3h(benchmark::State& state) {
  auto store = OpenReadOnly(state);
  if (!store) return;
  for (auto _ : state) {
    auto detail = store->LoadWorkoutDetail(IdOf(state));
    if (!detail.ok() || !detail->has_value()) state.SkipWithError("not loaded");
    benchmark::DoNotOptimize(detail);
  }
}
BENCHMARK(BM_LoadWorkoutDetail3h)->ArgName("gps")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The encoder alone, on a loaded ride.
void BM_RideJson3h(benchmark::State& state) {
  auto store = OpenReadOnly(state);
  if (!store) return;
  auto ride = app::LoadRide(*store, IdOf(state));
  if (!ride.ok() || !ride->has_value()) {
    state.SkipWithError("not loaded");
    return;
  }
  size_t bytes = 0;
  for (auto _ : state) {
    const std::string json = app::RideJson(**ride, false);
    bytes = json.size();
    benchmark::DoNotOptimize(json.data());
  }
  state.counters["json_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_RideJson3h)->ArgName("gps")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// A dashboard request: open read-only, LoadRide, RideJson.
void BM_RideRequest3h(benchmark::State& state) {
  DbPath();
  for (auto _ : state) {
    auto store = OpenReadOnly(state);
    if (!store) return;
    auto ride = app::LoadRide(*store, IdOf(state));
    if (!ride.ok() || !ride->has_value()) {
      state.SkipWithError("not loaded");
      return;
    }
    benchmark::DoNotOptimize(app::RideJson(**ride, false));
  }
}
BENCHMARK(BM_RideRequest3h)->ArgName("gps")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pelo::bench
