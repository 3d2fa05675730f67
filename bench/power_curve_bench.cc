// pelo's side of bench/power_curve_vs_numpy.sh: every ride's power-duration curve and the
// all-history curve of the rides written by ../shared/bench/mmp_numpy.py `make` (JSON Lines,
// {"id": ..., "power": [...]}), on the peer's grid, written as the peer's CSV (duration_s,watts;
// watts > 0 only, 6 decimals): what the peer computes, and what pelo does with a history (each
// ride's curve at sync, a date-range curve as the max over the stored ones).
//   pelo_power_curve_bench --input rides.jsonl --out curve.csv [--threads N]
// Prints the seconds spent computing (loading not counted, as the peer): first the all-history
// curve alone (AllHistoryCurve, pruned across rides), then, last, every ride's curve (RideCurve)
// and their maximum; and checks that the two curves agree bit for bit.
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <thread>
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

// Every ride's curve (split between `threads`), then the max per duration (first ride on a tie).
std::vector<CurvePoint> FromRideCurves(const std::vector<std::vector<double>>& rides,
                                       const std::vector<int>& grid, int threads) {
  std::vector<std::vector<std::optional<double>>> curves(rides.size());
  std::vector<std::thread> workers;
  const auto parts = static_cast<size_t>(std::max(1, threads));
  for (size_t t = 0; t < parts; ++t) {
    workers.emplace_back([&, t] {
      for (size_t r = t; r < rides.size(); r += parts) {
        curves[r] = pelo::analytics::RideCurve(rides[r], grid);
      }
    });
  }
  for (auto& w : workers) w.join();
  std::vector<CurvePoint> out;
  for (size_t k = 0; k < grid.size(); ++k) {
    std::optional<CurvePoint> best;
    for (size_t r = 0; r < rides.size(); ++r) {
      const auto& w = curves[r][k];
      if (w && (!best || *w > best->watts)) best = CurvePoint{grid[k], *w, r};
    }
    if (best) out.push_back(*best);
  }
  return out;
}

bool SameCurve(const std::vector<CurvePoint>& a, const std::vector<CurvePoint>& b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k) {
    if (a[k].duration_s != b[k].duration_s || a[k].watts != b[k].watts ||
        a[k].ride_index != b[k].ride_index) {
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string input, out;
  int threads = 1;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (!std::strcmp(argv[i], "--input") && has_value) {
      input = argv[++i];
    } else if (!std::strcmp(argv[i], "--out") && has_value) {
      out = argv[++i];
    } else if (!std::strcmp(argv[i], "--threads") && has_value) {
      threads = std::stoi(argv[++i]);
    } else {
      input.clear();
      break;
    }
  }
  if (input.empty() || out.empty()) {
    std::fprintf(stderr,
                 "usage: pelo_power_curve_bench --input rides.jsonl --out curve.csv "
                 "[--threads N]\n");
    return 2;
  }
  std::vector<std::vector<double>> rides;
  if (!LoadRides(input, rides)) {
    std::fprintf(stderr, "pelo_power_curve_bench: cannot read %s\n", input.c_str());
    return 1;
  }
  const auto grid = pelo::analytics::CurveGrid();
  auto t0 = std::chrono::steady_clock::now();
  const auto all_history = pelo::analytics::AllHistoryCurve(rides, grid, threads);
  const double all_history_secs = Seconds(t0);
  t0 = std::chrono::steady_clock::now();
  const auto curve = FromRideCurves(rides, grid, threads);
  const double secs = Seconds(t0);
  if (!SameCurve(curve, all_history)) {
    std::fprintf(stderr, "pelo: the all-history curve differs from the rides' curves' max\n");
    return 1;
  }

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
  std::fprintf(stderr, "pelo: the all-history curve alone (pruned across rides): %.4f s\n",
               all_history_secs);
  std::fprintf(stderr,
               "pelo: %zu rides, %.1f h, %zu durations, %d thread(s), every ride's curve and "
               "the all-history curve: %.4f s\n",
               rides.size(), static_cast<double>(samples) / 3600, grid.size(), threads, secs);
  return 0;
}
