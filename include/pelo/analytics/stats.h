// Statistics primitives for the drivers analysis (analytics.md §5): ranks and correlation with
// confidence intervals, trend slopes, and the polarization index.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace pelo::analytics {

// A two-sided interval [lo, hi].
struct Interval {
  double lo = 0;
  double hi = 0;
  double Width() const { return hi - lo; }
  bool Contains(double v) const { return lo <= v && v <= hi; }
};

// 1-based ranks; ties get the mean of the ranks they span (mid-ranks, Appendix A `ranks`).
std::vector<double> MidRanks(const std::vector<double>& x);

// Pearson's r; nullopt if the sizes differ, n < 2 or either series is constant.
std::optional<double> Pearson(const std::vector<double>& x, const std::vector<double>& y);

// Spearman's rho: Pearson's r of the mid-ranks (§5.3 step 4, TV-24).
std::optional<double> Spearman(const std::vector<double>& x, const std::vector<double>& y);

// §5.3: CI of Spearman's rho with the Fieller-Hartley-Pearson SE sqrt(1.06/(n-3)) on atanh(rho):
// tanh(atanh(rho) +- z*SE). z defaults to 1.96 as in the spec. nullopt if n <= 3. |rho| = 1
// gives the degenerate interval [rho, rho].
std::optional<Interval> SpearmanCi(double rho, int n, double z = 1.96);

// y = intercept + slope * x.
struct LinearFit {
  double slope = 0;
  double intercept = 0;
};

// Ordinary least squares line (Appendix A `ols`); nullopt if n < 2 or x is constant.
std::optional<LinearFit> OlsLine(const std::vector<double>& x, const std::vector<double>& y);

// Theil-Sen slope: median of the pairwise slopes over pairs with distinct x (§5.6, TV-23).
std::optional<double> TheilSenSlope(const std::vector<double>& x, const std::vector<double>& y);

// The median (mean of the middle two for even n); nullopt if empty.
std::optional<double> Median(std::vector<double> v);

// The p-quantile (0..1) with linear interpolation between order statistics; nullopt if empty.
std::optional<double> Quantile(std::vector<double> v, double p);

// §5.2 (Treff 2019): log10(f_low / f_mid * f_high * 100); nullopt if f_mid or f_high is 0
// (or any fraction is negative). > 2.00 means polarized (TV-22).
std::optional<double> PolarizationIndex(double f_low, double f_mid, double f_high);

// Deterministic 64-bit generator (splitmix64): the same draws on every platform.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next();
  // Uniform integer in [0, n), n > 0.
  uint64_t Below(uint64_t n);

 private:
  uint64_t state_;
};

struct BootstrapOptions {
  int block_length = 4;  // weeks (§5.3 step 6c)
  int resamples = 2000;
  uint64_t seed = 1;
  double level = 0.95;
};

// Percentile CI of Spearman's rho by moving-block bootstrap of the pairs (x_i, y_i): each
// resample joins blocks of `block_length` consecutive pairs at random starts, cut to n.
// nullopt if n < block_length, n < 4, or too few resamples have a defined rho.
std::optional<Interval> BlockBootstrapSpearmanCi(const std::vector<double>& x,
                                                 const std::vector<double>& y,
                                                 const BootstrapOptions& options = {});

}  // namespace pelo::analytics
