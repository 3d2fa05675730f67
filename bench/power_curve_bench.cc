// pelo's side of bench/power_curve_vs_numpy.sh: the all-history power-duration curve of the
// rides written by ../shared/bench/mmp_numpy.py `make` (JSON Lines, {"id": ..., "power": [...]}),
// on the peer's grid, written as the peer's CSV (duration_s,watts; watts > 0 only, 6 decimals).
//   pelo_power_curve_bench --input rides.jsonl --out curve.csv [--threads N] [--ride-curves]
// Prints the seconds spent computing (loading not counted, as the peer). --ride-curves also
// times every ride's full curve (RideCurve, brute force) and checks the all-history curve is
// their maximum, bit for bit.
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "pelo/analytics/power_curve.h"

namespace {

using pelo::analytics::CurvePoint;

bool LoadRides(const std::string& path, std::vector<std::vector<double>>& rides) {
  simdjson::padded_string json;
  if (simdjson::padded_string::load(path).get(json)) return false;
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document_stream stream;
  if (parser.iterate_many(json).get(stream)) return false;
  for (auto doc : stream) {
    simdjson::ondemand::array power;
    if (doc["power"].get_array().get(power)) return false;
    std::vector<double> ride;
    for (auto value : power) {
      double w;
      if (value.get_double().get(w)) return false;
      ride.push_back(w);
    }
    rides.push_back(std::move(ride));
  }
  return true;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Every ride's curve, brute force; true if `curve` is their maximum (first ride on a tie).
bool CheckAgainstRideCurves(const std::vector<std::vector<double>>& rides,
                            const std::vector<int>& grid, const std::vector<CurvePoint>& curve) {
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<double> best(grid.size(), -1.0);
  std::vector<size_t> who(grid.size(), 0);
  for (size_t r = 0; r < rides.size(); ++r) {
    const auto ride_curve = pelo::analytics::RideCurve(rides[r], grid);
    for (size_t k = 0; k < grid.size(); ++k) {
      if (ride_curve[k] && *ride_curve[k] > best[k]) best[k] = *ride_curve[k], who[k] = r;
    }
  }
  std::fprintf(stderr, "pelo: every ride's curve (RideCurve, brute force): %.3f s\n", Seconds(t0));
  size_t k = 0;
  for (const CurvePoint& p : curve) {
    while (k < grid.size() && grid[k] != p.duration_s) ++k;
    if (k == grid.size() || best[k] != p.watts || who[k] != p.ride_index) return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string input, out;
  int threads = 1;
  bool ride_curves = false;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (!std::strcmp(argv[i], "--input") && has_value) {
      input = argv[++i];
    } else if (!std::strcmp(argv[i], "--out") && has_value) {
      out = argv[++i];
    } else if (!std::strcmp(argv[i], "--threads") && has_value) {
      threads = std::stoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--ride-curves")) {
      ride_curves = true;
    } else {
      input.clear();
      break;
    }
  }
  if (input.empty() || out.empty()) {
    std::fprintf(stderr,
                 "usage: pelo_power_curve_bench --input rides.jsonl --out curve.csv "
                 "[--threads N] [--ride-curves]\n");
    return 2;
  }
  std::vector<std::vector<double>> rides;
  if (!LoadRides(input, rides)) {
    std::fprintf(stderr, "pelo_power_curve_bench: cannot read %s\n", input.c_str());
    return 1;
  }
  const auto grid = pelo::analytics::CurveGrid();
  const auto t0 = std::chrono::steady_clock::now();
  const auto curve = pelo::analytics::AllHistoryCurve(rides, grid, threads);
  const double secs = Seconds(t0);

  std::FILE* f = std::fopen(out.c_str(), "w");
  if (f == nullptr) {
    std::fprintf(stderr, "pelo_power_curve_bench: cannot write %s\n", out.c_str());
    return 1;
  }
  std::fprintf(f, "duration_s,watts\n");
  for (const CurvePoint& p : curve) {
    if (p.watts > 0) std::fprintf(f, "%d,%.6f\n", p.duration_s, p.watts);
  }
  std::fclose(f);
  size_t samples = 0;
  for (const auto& r : rides) samples += r.size();
  std::fprintf(stderr, "pelo: %zu rides, %.1f h, %zu durations, %d thread(s): %.4f s\n",
               rides.size(), static_cast<double>(samples) / 3600, grid.size(), threads, secs);
  if (ride_curves && !CheckAgainstRideCurves(rides, grid, curve)) {
    std::fprintf(stderr, "pelo: the all-history curve differs from the rides' curves\n");
    return 1;
  }
  return 0;
}
