#include "pelo/analytics/power_curve.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <thread>

#include "pelo/analytics/power.h"

namespace pelo::analytics {
namespace {

constexpr size_t kFine = 32;     // start positions per fine block
constexpr size_t kCoarse = 256;  // start positions per coarse block (8 fine blocks)
constexpr size_t kNone = std::numeric_limits<size_t>::max();
constexpr double kMinusInf = -std::numeric_limits<double>::infinity();

// The best work (C[s+d] - C[s]) at one duration so far and the ride that did it.
struct Best {
  double work = kMinusInf;
  size_t ride = kNone;
};

// (work, ride) beats `best`: more work, or as much from a lower ride index.
bool Beats(double work, size_t ride, const Best& best) {
  return work > best.work || (work == best.work && ride < best.ride);
}

// a[j] holds max(v[j .. j+from-1]) (clipped at the end); afterwards max(v[j .. j+to-1]).
// Doubling: each pass is a vectorisable max of two shifted arrays.
void WidenWindowMax(std::vector<double>& a, size_t from, size_t to) {
  const size_t len = a.size();
  for (size_t w = from; w < to; w *= 2) {
    double* x = a.data();
    for (size_t j = 0; j + w < len; ++j) x[j] = std::max(x[j], x[j + w]);
  }
}

// out[i] = min (or max, by `pick`) of v[i·group .. (i+1)·group) (clipped), i = 0, 1, ...
template <typename Pick>
void BlockReduce(const std::vector<double>& v, size_t group, Pick pick, std::vector<double>& out) {
  out.resize((v.size() + group - 1) / group);
  for (size_t i = 0; i < out.size(); ++i) {
    const size_t end = std::min((i + 1) * group, v.size());
    double r = v[i * group];
    for (size_t j = i * group + 1; j < end; ++j) r = pick(r, v[j]);
    out[i] = r;
  }
}

const auto kMin = [](double a, double b) { return std::min(a, b); };
const auto kMax = [](double a, double b) { return std::max(a, b); };

// One block size's bounds (see the header): for windows of d seconds starting in block i,
// [b, b+size) with b = i·size,
//   work <= max(c[b+d .. b+d+size-1]) - min(c[b .. b+size-1])   (prefix sums), and
//   work <= d · max(p_max[i .. last block the windows touch])     (samples), while few blocks.
// When no sample is negative, c is non-decreasing: the max and the min are the end points.
struct Level {
  size_t size = 0;
  std::vector<double> window_max;  // window_max[j] = max c[j .. j+size-1]; only if not monotone
  std::vector<double> c_min;       // min of c over block i; only if not monotone
  std::vector<double> p_max;       // max of the samples over block i

  double Bound(const std::vector<double>& c, bool monotone, size_t i, size_t d,
               double margin) const {
    const size_t b = i * size;
    const double by_prefix = monotone ? c[std::min(b + size - 1 + d, c.size() - 1)] - c[b]
                                      : window_max[b + d] - c_min[i];
    const size_t last = std::min(i + (size + d - 2) / size, p_max.size() - 1);
    if (last > i + 3) return by_prefix;
    double top = p_max[i];
    for (size_t j = i + 1; j <= last; ++j) top = std::max(top, p_max[j]);
    // The prefix sums' rounding can put a computed difference a little above the exact sum.
    return std::min(by_prefix, static_cast<double>(d) * top + margin);
  }
};

// One ride's prefix sums and bounds. Reused between rides.
struct RideBounds {
  std::vector<double> c;  // prefix sums, N + 1
  bool monotone = true;   // no negative sample: c never decreases
  Level fine, coarse;
  double margin = 0;  // above any rounding error of a computed window sum

  void Build(const std::vector<double>& power) {
    c.resize(power.size() + 1);
    double sum = 0, abs_sum = 0;  // the same sums as PrefixSums (power.h)
    c[0] = 0;
    monotone = true;
    for (size_t i = 0; i < power.size(); ++i) {
      c[i + 1] = sum += power[i];
      abs_sum += std::abs(power[i]);
      monotone = monotone && power[i] >= 0;
    }
    // Each prefix sum is within N·u·sum|p| of exact (u = 2^-53); a difference of two, rounded,
    // within twice that plus u of the result. 1e-15 > 4u, and 1e-12 covers d · top's rounding.
    margin = 1e-15 * static_cast<double>(c.size()) * abs_sum + 1e-12 * abs_sum;
    constexpr size_t kGroup = kCoarse / kFine;
    fine.size = kFine;
    coarse.size = kCoarse;
    BlockReduce(power, kFine, kMax, fine.p_max);
    BlockReduce(fine.p_max, kGroup, kMax, coarse.p_max);
    if (monotone) return;
    fine.window_max = c;
    WidenWindowMax(fine.window_max, 1, kFine);
    coarse.window_max = fine.window_max;
    WidenWindowMax(coarse.window_max, kFine, kCoarse);
    BlockReduce(c, kFine, kMin, fine.c_min);
    BlockReduce(fine.c_min, kGroup, kMin, coarse.c_min);
  }
};

// max(c[s+d] - c[s]) for s in [begin, end); four running maxima break the dependency chain.
double ScanMax(const double* c, size_t begin, size_t end, size_t d) {
  double m[4] = {kMinusInf, kMinusInf, kMinusInf, kMinusInf};
  size_t s = begin;
  for (; s + 4 <= end; s += 4) {
    for (size_t k = 0; k < 4; ++k) m[k] = std::max(m[k], c[s + k + d] - c[s + k]);
  }
  for (; s < end; ++s) m[0] = std::max(m[0], c[s + d] - c[s]);
  return std::max(std::max(m[0], m[1]), std::max(m[2], m[3]));
}

// Ride `ride`'s best work over d seconds if it can beat `best`, else (possibly) less: only the
// blocks whose bound exceeds both `best` and the ride's own best so far are scanned.
double PrunedBestWork(const RideBounds& r, size_t d, size_t ride, const Best& best) {
  const size_t windows = r.c.size() - d;  // start positions 0 .. N-d
  double own = kMinusInf;
  const auto matters = [&](double bound) { return bound > own && Beats(bound, ride, best); };
  const double* c = r.c.data();
  for (size_t cb = 0; cb < windows; cb += kCoarse) {
    if (!matters(r.coarse.Bound(r.c, r.monotone, cb / kCoarse, d, r.margin))) continue;
    const size_t coarse_end = std::min(cb + kCoarse, windows);
    for (size_t fb = cb; fb < coarse_end; fb += kFine) {
      if (!matters(r.fine.Bound(r.c, r.monotone, fb / kFine, d, r.margin))) continue;
      own = std::max(own, ScanMax(c, fb, std::min(fb + kFine, coarse_end), d));
    }
  }
  return own;
}

// A window's work and where it starts.
struct Found {
  double work = kMinusInf;
  size_t start = kNone;
};

// Where in [begin, end) the first window with work `work` starts (`work` is one of them).
size_t StartOf(const double* c, size_t begin, size_t end, size_t d, double work) {
  for (size_t s = begin; s < end; ++s) {
    if (c[s + d] - c[s] == work) return s;
  }
  return begin;
}

constexpr size_t kMicro = 8;  // start positions per micro block (monotone rides only)

// One ride's exact best work over d seconds. The window that was best at the previous duration
// usually nearly is at this one: its work is a lower bound that prunes most blocks before the
// first is scanned. Only blocks whose bound beats the best so far are scanned; the maximum of
// the same computed differences is the brute force's, bit for bit. With no negative sample a
// fine block is cut once more into micro blocks, whose bound (1), C[b+7+d] - C[b], costs two
// loads: it over-counts 7 s of work where the fine block's over-counts 31.
Found OwnBestWork(const RideBounds& r, size_t d, size_t seed) {
  const size_t windows = r.c.size() - d;  // start positions 0 .. N-d
  const double* c = r.c.data();
  const size_t last = r.c.size() - 1;
  Found own;
  if (seed != kNone && seed < windows) own = {c[seed + d] - c[seed], seed};
  auto scan = [&](size_t begin, size_t end) {
    const double m = ScanMax(c, begin, end, d);
    if (m > own.work) own = {m, StartOf(c, begin, end, d, m)};
  };
  for (size_t cb = 0; cb < windows; cb += kCoarse) {
    if (!(r.coarse.Bound(r.c, r.monotone, cb / kCoarse, d, r.margin) > own.work)) continue;
    const size_t coarse_end = std::min(cb + kCoarse, windows);
    for (size_t fb = cb; fb < coarse_end; fb += kFine) {
      if (!(r.fine.Bound(r.c, r.monotone, fb / kFine, d, r.margin) > own.work)) continue;
      const size_t fine_end = std::min(fb + kFine, coarse_end);
      if (!r.monotone) {
        scan(fb, fine_end);
        continue;
      }
      for (size_t mb = fb; mb < fine_end; mb += kMicro) {
        const size_t micro_end = std::min(mb + kMicro, fine_end);
        if (c[std::min(micro_end - 1 + d, last)] - c[mb] > own.work) scan(mb, micro_end);
      }
    }
  }
  return own;
}

// The best per grid duration over rides[first], rides[first + step], ...
std::vector<Best> BestOver(const std::vector<std::vector<double>>& rides,
                           const std::vector<int>& grid, size_t first, size_t step) {
  std::vector<Best> best(grid.size());
  RideBounds bounds;
  for (size_t ride = first; ride < rides.size(); ride += step) {
    const size_t n = rides[ride].size();
    if (n == 0) continue;
    bounds.Build(rides[ride]);
    for (size_t k = 0; k < grid.size(); ++k) {
      if (grid[k] < 1 || static_cast<size_t>(grid[k]) > n) continue;
      const double work = PrunedBestWork(bounds, static_cast<size_t>(grid[k]), ride, best[k]);
      if (work != kMinusInf && Beats(work, ride, best[k])) best[k] = {work, ride};
    }
  }
  return best;
}

}  // namespace

std::vector<int> CurveGrid() {
  std::vector<int> grid;
  for (int d = 1; d <= 120; ++d) grid.push_back(d);
  for (int d = 125; d <= 1200; d += 5) grid.push_back(d);
  for (int d = 1230; d <= 10800; d += 30) grid.push_back(d);
  return grid;
}

std::vector<std::optional<double>> RideCurve(const std::vector<double>& power_1hz,
                                             const std::vector<int>& grid) {
  const size_t n = power_1hz.size();
  std::vector<std::optional<double>> curve(grid.size());
  if (n == 0) return curve;
  RideBounds bounds;
  bounds.Build(power_1hz);
  size_t seed = kNone;  // where the best window of the previous duration starts
  for (size_t k = 0; k < grid.size(); ++k) {
    if (grid[k] < 1 || static_cast<size_t>(grid[k]) > n) continue;
    const auto d = static_cast<size_t>(grid[k]);
    const Found best = OwnBestWork(bounds, d, seed);
    curve[k] = best.work / static_cast<double>(d);
    seed = best.start;
  }
  return curve;
}

std::vector<CurvePoint> AllHistoryCurve(const std::vector<std::vector<double>>& rides,
                                        const std::vector<int>& grid, int threads) {
  const size_t parts = static_cast<size_t>(std::clamp(threads, 1, 64));
  std::vector<std::vector<Best>> partial(parts);
  if (parts == 1) {
    partial[0] = BestOver(rides, grid, 0, 1);
  } else {
    std::vector<std::thread> workers;
    for (size_t t = 0; t < parts; ++t) {
      workers.emplace_back([&, t] { partial[t] = BestOver(rides, grid, t, parts); });
    }
    for (auto& w : workers) w.join();
  }
  std::vector<CurvePoint> curve;
  for (size_t k = 0; k < grid.size(); ++k) {
    Best best;
    for (const auto& p : partial) {
      if (p[k].ride != kNone && Beats(p[k].work, p[k].ride, best)) best = p[k];
    }
    if (best.ride == kNone) continue;
    curve.push_back({grid[k], best.work / static_cast<double>(grid[k]), best.ride});
  }
  return curve;
}

}  // namespace pelo::analytics
