// The block-bootstrap interval of `stats drivers` (analytics.md §5.3 step 6c): the library,
// which ranks each resample by counting, against ranking each resample by sorting it (Spearman
// of the resampled values, what it did before). Both give the same interval to the bit
// (tests/unit/analytics/stats_test.cc); this measures what the counting saves.
//   pelo_bench --benchmark_filter=Bootstrap
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "pelo/analytics/stats.h"

namespace {

using pelo::analytics::BootstrapOptions;

// Two years of weeks: a feature with ties (whole hours) and an outcome.
void Weeks(size_t n, std::vector<double>& x, std::vector<double>& y) {
  for (size_t i = 0; i < n; ++i) {
    x.push_back(std::round(4 + 3 * std::sin(0.3 * static_cast<double>(i))));
    y.push_back(200 + 0.5 * static_cast<double>(i) + 6 * std::cos(0.7 * static_cast<double>(i)));
  }
}

void BM_BootstrapCiByCounting(benchmark::State& state) {
  std::vector<double> x, y;
  Weeks(static_cast<size_t>(state.range(0)), x, y);
  for (auto _ : state) {
    benchmark::DoNotOptimize(pelo::analytics::BlockBootstrapSpearmanCi(x, y));
  }
}
BENCHMARK(BM_BootstrapCiByCounting)->Arg(104)->Arg(520);

void BM_BootstrapCiBySortingEachResample(benchmark::State& state) {
  std::vector<double> x, y;
  Weeks(static_cast<size_t>(state.range(0)), x, y);
  const BootstrapOptions o;
  const size_t n = x.size(), len = static_cast<size_t>(o.block_length);
  for (auto _ : state) {
    pelo::analytics::SplitMix64 rng(o.seed);
    std::vector<double> rhos, bx, by;
    for (int r = 0; r < o.resamples; ++r) {
      bx.clear();
      by.clear();
      while (bx.size() < n) {
        const size_t start = rng.Below(n - len + 1);
        for (size_t k = start; k < start + len && bx.size() < n; ++k) {
          bx.push_back(x[k]);
          by.push_back(y[k]);
        }
      }
      if (auto rho = pelo::analytics::Spearman(bx, by)) rhos.push_back(*rho);
    }
    const double tail = (1 - o.level) / 2;
    benchmark::DoNotOptimize(pelo::analytics::Quantile(rhos, tail));
    benchmark::DoNotOptimize(pelo::analytics::Quantile(rhos, 1 - tail));
  }
}
BENCHMARK(BM_BootstrapCiBySortingEachResample)->Arg(104)->Arg(520);

}  // namespace
