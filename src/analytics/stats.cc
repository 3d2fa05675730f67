// Statistics primitives (analytics.md §5, Appendix A ranks/pearson/spearman/ols/theil_sen).
#include "pelo/analytics/stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

namespace pelo::analytics {
namespace {

double Mean(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

}  // namespace

std::vector<double> MidRanks(const std::vector<double>& x) {
  std::vector<size_t> idx(x.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (size_t i = 0; i < idx.size();) {
    size_t j = i;
    while (j + 1 < idx.size() && x[idx[j + 1]] == x[idx[i]]) ++j;
    const double rank = static_cast<double>(i + j) / 2 + 1;
    for (size_t q = i; q <= j; ++q) r[idx[q]] = rank;
    i = j + 1;
  }
  return r;
}

std::optional<double> Pearson(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size() || x.size() < 2) return std::nullopt;
  const double mx = Mean(x), my = Mean(y);
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (sxx <= 0 || syy <= 0) return std::nullopt;
  return sxy / std::sqrt(sxx * syy);
}

std::optional<double> Spearman(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size()) return std::nullopt;
  return Pearson(MidRanks(x), MidRanks(y));
}

std::optional<Interval> SpearmanCi(double rho, int n, double z) {
  if (n <= 3 || !(std::fabs(rho) <= 1)) return std::nullopt;
  if (std::fabs(rho) == 1) return Interval{rho, rho};
  const double se = std::sqrt(1.06 / (n - 3));
  const double f = std::atanh(rho);
  return Interval{std::tanh(f - z * se), std::tanh(f + z * se)};
}

std::optional<LinearFit> OlsLine(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size() || x.size() < 2) return std::nullopt;
  const double mx = Mean(x), my = Mean(y);
  double sxx = 0, sxy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
  }
  if (sxx <= 0) return std::nullopt;
  const double b = sxy / sxx;
  return LinearFit{b, my - b * mx};
}

std::optional<double> TheilSenSlope(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size()) return std::nullopt;
  std::vector<double> slopes;
  for (size_t i = 0; i < x.size(); ++i) {
    for (size_t j = i + 1; j < x.size(); ++j) {
      if (x[j] != x[i]) slopes.push_back((y[j] - y[i]) / (x[j] - x[i]));
    }
  }
  return Median(std::move(slopes));
}

std::optional<double> Median(std::vector<double> v) { return Quantile(std::move(v), 0.5); }

std::optional<double> Quantile(std::vector<double> v, double p) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  const double pos = std::clamp(p, 0.0, 1.0) * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

std::optional<double> PolarizationIndex(double f_low, double f_mid, double f_high) {
  if (f_mid <= 0 || f_high <= 0 || f_low < 0) return std::nullopt;
  const double arg = f_low / f_mid * f_high * 100;
  if (arg <= 0) return std::nullopt;
  return std::log10(arg);
}

uint64_t SplitMix64::Next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

uint64_t SplitMix64::Below(uint64_t n) {
  // Rejection keeps the draw unbiased.
  const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  uint64_t v;
  do v = Next();
  while (v >= limit);
  return v % n;
}

namespace {

// Mid-ranks of resamples of one vector, without sorting each resample: a value's mid-rank in a
// resample depends only on how many of the resample's values are below it and equal to it, so
// the values' order is found once (classes of equal values, in increasing order) and each
// resample is ranked by counting. Gives exactly MidRanks of the resampled values.
class ResampleRanker {
 public:
  explicit ResampleRanker(const std::vector<double>& v) : class_of_(v.size()) {
    std::vector<size_t> idx(v.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
    for (size_t q = 0; q < idx.size(); ++q) {
      if (q > 0 && !(v[idx[q]] == v[idx[q - 1]])) ++classes_;
      class_of_[idx[q]] = classes_;
    }
    ++classes_;
  }

  // MidRanks({v[picks[0]], v[picks[1]], ...}).
  void Rank(const std::vector<size_t>& picks, std::vector<double>& ranks) {
    count_.assign(classes_, 0);
    for (size_t pick : picks) ++count_[class_of_[pick]];
    below_.resize(classes_);
    size_t below = 0;
    for (size_t c = 0; c < classes_; ++c) {
      below_[c] = below;
      below += count_[c];
    }
    ranks.resize(picks.size());
    for (size_t k = 0; k < picks.size(); ++k) {
      const size_t c = class_of_[picks[k]];
      // As MidRanks: the tie group's first and last 0-based positions i and j.
      const size_t i = below_[c], j = below_[c] + count_[c] - 1;
      ranks[k] = static_cast<double>(i + j) / 2 + 1;
    }
  }

 private:
  std::vector<size_t> class_of_;
  size_t classes_ = 0;
  std::vector<size_t> count_, below_;
};

bool AnyNan(const std::vector<double>& v) {
  return std::any_of(v.begin(), v.end(), [](double d) { return std::isnan(d); });
}

}  // namespace

std::optional<Interval> BlockBootstrapSpearmanCi(const std::vector<double>& x,
                                                 const std::vector<double>& y,
                                                 const BootstrapOptions& options) {
  const size_t n = x.size();
  const auto len = static_cast<size_t>(std::max(1, options.block_length));
  if (y.size() != n || n < 4 || n < len || options.resamples < 1) return std::nullopt;
  // NaN has no place in an order: such input keeps Spearman's own ranking of each resample.
  const bool by_counting = !AnyNan(x) && !AnyNan(y);
  std::optional<ResampleRanker> rank_x, rank_y;
  if (by_counting) {
    rank_x.emplace(x);
    rank_y.emplace(y);
  }
  SplitMix64 rng(options.seed);
  std::vector<double> rhos, rx, ry;
  std::vector<size_t> picks;
  for (int r = 0; r < options.resamples; ++r) {
    picks.clear();
    while (picks.size() < n) {
      const size_t start = rng.Below(n - len + 1);
      for (size_t k = start; k < start + len && picks.size() < n; ++k) picks.push_back(k);
    }
    std::optional<double> rho;
    if (by_counting) {
      rank_x->Rank(picks, rx);
      rank_y->Rank(picks, ry);
      rho = Pearson(rx, ry);
    } else {
      rx.clear();
      ry.clear();
      for (size_t k : picks) {
        rx.push_back(x[k]);
        ry.push_back(y[k]);
      }
      rho = Spearman(rx, ry);
    }
    if (rho) rhos.push_back(*rho);
  }
  if (rhos.size() < static_cast<size_t>(options.resamples) / 2) return std::nullopt;
  const double tail = (1 - options.level) / 2;
  return Interval{*Quantile(rhos, tail), *Quantile(rhos, 1 - tail)};
}

}  // namespace pelo::analytics
