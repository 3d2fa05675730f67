// Multiple linear regression by the normal equations, with ridge and confidence intervals
// (analytics.md §5.4 Method B, §5.5 Banister fit).
#pragma once

#include <optional>
#include <vector>

#include "pelo/analytics/stats.h"

namespace pelo::analytics {

// Least-squares coefficients b of rows * b ~ y via the normal equations (Appendix A
// `solve_normal`, Gauss-Jordan with partial pivoting). nullopt if singular or sizes mismatch.
std::optional<std::vector<double>> SolveNormalEquations(
    const std::vector<std::vector<double>>& rows, const std::vector<double>& y);

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
std::optional<LinearModelFit> FitLinearModel(const std::vector<std::vector<double>>& rows,
                                             const std::vector<double>& y,
                                             const LinearModelOptions& options = {});

// Two-sided quantile of Student's t: P(T <= q) = p, dof > 0, 0 < p < 1.
double StudentTQuantile(double p, int dof);

// z-scores (x - mean) / sd with the sample sd; all zeros if x is constant.
std::vector<double> Standardize(const std::vector<double>& x);

}  // namespace pelo::analytics
