// pelo's side of bench/fit_vs_js.sh: writes the FIT file of the benchmarks' 3-hour ride
// (fit_activity.h) to a path, for Garmin's JavaScript encoder to write the same messages, and
// times exporter::FitFile on it, in process, as bench/fit_encode_js.mjs times the encoder.
//
//   pelo_fit_write OUT.fit [--gps] [--runs 5]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "fit_activity.h"
#include "pelo/export/fit.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: pelo_fit_write OUT.fit [--gps] [--runs N]\n");
    return 2;
  }
  bool gps = false;
  int runs = 5;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--gps") == 0) gps = true;
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::atoi(argv[++i]);
  }
  const pelo::exporter::Activity a = pelo::bench::FitBenchRide3h(gps);
  pelo::StatusOr<std::string> file = pelo::exporter::FitFile(a);  // warm-up, and the file
  if (!file.ok()) {
    std::fprintf(stderr, "pelo_fit_write: %s\n", file.status().ToString().c_str());
    return 1;
  }
  std::vector<double> ms;
  for (int i = 0; i < std::max(runs, 1); ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    const pelo::StatusOr<std::string> again = pelo::exporter::FitFile(a);
    const auto t1 = std::chrono::steady_clock::now();
    if (!again.ok() || *again != *file) {
      std::fprintf(stderr, "pelo_fit_write: a run gave other bytes\n");
      return 1;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  std::ofstream(argv[1], std::ios::binary) << *file;
  std::printf("pelo_fit_write: %s, %zu bytes, median %.2f ms of %zu\n", gps ? "gps" : "indoor",
              file->size(), ms[ms.size() / 2], ms.size());
  return 0;
}
