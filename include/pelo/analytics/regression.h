// Multiple linear regression (least squares, optionally ridge) with confidence intervals
// (analytics.md §5.4 Method B, §5.5 Banister fit). §5.4's "normal equations" are the maths; the
// solver is a rank-revealing QR (Eigen's ColPivHouseholderQR), never an explicit inverse of x'x.
#pragma once

#include <optional>
#include <vector>

#include "pelo/analytics/stats.h"

namespace pelo::analytics {

// A column counts as independent of the others only if more than this fraction of its norm lies
// outside their span (R's lm.fit uses the same 1e-7). Below it the data cannot tell the
// coefficients apart and any estimate is rounding noise.
inline constexpr double kRankTolerance = 1e-7;

// Least-squares coefficients b of rows * b ~ y (what Appendix A's `solve_normal` computes).
// nullopt if sizes mismatch or the columns are rank deficient: insufficient data.
std::optional<std::vector<double>> SolveLeastSquares(const std::vector<std::vector<double>>& rows,
                                                     const std::vector<double>& y);

struct LinearModelOptions {
  // Ridge penalty on every coefficient but the intercept (column 0 when has_intercept).
  double ridge_lambda = 0;
  bool has_intercept = true;
  double level = 0.95;
};

struct LinearModelFit {
  std::vector<double> coefficients;
  // Standard errors and CIs (Student t, n - p degrees of freedom); empty when n <= p.
  std::vector<double> standard_errors;
  std::vector<Interval> intervals;
  double r2 = 0;
  int n = 0;
  int degrees_of_freedom = 0;
};

// Fits y = rows * b (+ ridge). With ridge, SEs use the sandwich (X'X+L)^-1 X'X (X'X+L)^-1 s^2.
// nullopt if sizes mismatch, a value is not finite, or the (penalized) columns are rank deficient
// (one is, to within kRankTolerance of its norm, a combination of the others; fewer rows than
// columns):
// the data cannot tell the coefficients apart, which the analytics spec calls insufficient data.
std::optional<LinearModelFit> FitLinearModel(const std::vector<std::vector<double>>& rows,
                                             const std::vector<double>& y,
                                             const LinearModelOptions& options = {});

// Two-sided quantile of Student's t: P(T <= q) = p, dof > 0, 0 < p < 1.
double StudentTQuantile(double p, int dof);

// z-scores (x - mean) / sd with the sample sd; all zeros if x is constant.
std::vector<double> Standardize(const std::vector<double>& x);

}  // namespace pelo::analytics
