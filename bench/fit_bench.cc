// The FIT encoder core on a 3-hour ride at 1 Hz: 10,800 record messages of a timestamp and
// seven channels (heart rate, cadence, distance, enhanced speed, power, enhanced altitude, and
// Peloton's resistance as a developer field), with positions as well when outdoors. The samples
// are doubles, as the store gives them, so each iteration scales them too. And the whole FIT
// activity file of such a ride (exporter::FitFile: records, laps, session, zones).
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "fit_activity.h"
#include "pelo/export/fit.h"
#include "pelo/export/fit_writer.h"

namespace pelo::bench {
namespace {

constexpr int kFitSeconds = 3 * 3600;

struct FitSamples {
  std::vector<double> power, cadence, resistance, speed_mps, heart_rate, distance_m, altitude_m,
      lat, lon;
};

FitSamples MakeFitSamples() {
  FitSamples s;
  for (int t = 0; t < kFitSeconds; ++t) {
    s.power.push_back(180.0 + t % 97);
    s.cadence.push_back(80.0 + t % 23);
    s.resistance.push_back(40.0 + t % 17);
    s.speed_mps.push_back((18 + (t % 61) / 10.0) / 3.6);
    s.heart_rate.push_back(120.0 + t % 51);
    s.distance_m.push_back(t * 5.4);
    s.altitude_m.push_back(20 + 10 * std::sin(t / 600.0));
    s.lat.push_back(40.7127753 + t * 1.37e-5);
    s.lon.push_back(-74.0059728 + t * 0.91e-5);
  }
  return s;
}

void BM_FitEncode3h(benchmark::State& state) {
  namespace fit = exporter::fit;
  const bool outdoor = state.range(0) != 0;
  const FitSamples s = MakeFitSamples();
  const int64_t start = fit::FitTimestamp(1780000000);
  size_t bytes = 0;
  for (auto _ : state) {
    fit::FitWriter w(outdoor ? 450 * 1024 : 350 * 1024);
    (void)w.WriteDeveloperDataId(1, 0, {}, 1);
    (void)w.WriteFieldDescription(1, {0, 0, fit::BaseType::kUint8, 1, "resistance", "percent"});
    std::vector<fit::FieldDef> fields = {fit::record::kTimestamp,       fit::record::kHeartRate,
                                         fit::record::kCadence,         fit::record::kDistance,
                                         fit::record::kEnhancedSpeed,   fit::record::kPower,
                                         fit::record::kEnhancedAltitude};
    if (outdoor) {
      fields.push_back(fit::record::kPositionLat);
      fields.push_back(fit::record::kPositionLong);
    }
    (void)w.Define(0, {fit::mesg_num::kRecord, fields, {{0, 0}}});
    for (int t = 0; t < kFitSeconds; ++t) {
      const auto hr = fit::Scaled(s.heart_rate[t], 1);
      const auto cadence = fit::Scaled(s.cadence[t], 1);
      const auto distance = fit::DistanceM(s.distance_m[t]);
      const auto speed = fit::SpeedMps(s.speed_mps[t]);
      const auto power = fit::Scaled(s.power[t], 1);
      const auto altitude = fit::AltitudeM(s.altitude_m[t]);
      const auto resistance = fit::Scaled(s.resistance[t], 1);
      if (outdoor) {
        (void)w.Write(0, {start + t, hr, cadence, distance, speed, power, altitude,
                          fit::Semicircles(s.lat[t]), fit::Semicircles(s.lon[t]), resistance});
      } else {
        (void)w.Write(0, {start + t, hr, cadence, distance, speed, power, altitude, resistance});
      }
    }
    const std::string file = w.Finish();
    bytes = file.size();
    benchmark::DoNotOptimize(file.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
  state.SetItemsProcessed(state.iterations() * kFitSeconds);
}
BENCHMARK(BM_FitEncode3h)->Arg(0)->Arg(1)->ArgName("gps")->Unit(benchmark::kMillisecond);

// FitFile of the 3-hour ride: the distance so far per sample, GPS matched by offset, 10,800
// records, 12 laps with their statistics, the session and time in zones.
void BM_FitFile3h(benchmark::State& state) {
  const exporter::Activity a = FitBenchRide3h(state.range(0) != 0);
  size_t bytes = 0;
  for (auto _ : state) {
    StatusOr<std::string> file = exporter::FitFile(a);
    if (!file.ok()) {
      state.SkipWithError(file.status().ToString().c_str());
      break;
    }
    bytes = file->size();
    benchmark::DoNotOptimize(file->data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(a.samples.size()));
}
BENCHMARK(BM_FitFile3h)->Arg(0)->Arg(1)->ArgName("gps")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pelo::bench
