// Normal-equation least squares with ridge and t intervals (analytics.md §5.4, §5.5).
#include "pelo/analytics/regression.h"

#include <cmath>
#include <numeric>
#include <utility>

namespace pelo::analytics {
namespace {

using Matrix = std::vector<std::vector<double>>;

// Gauss-Jordan inverse with partial pivoting; nullopt if singular.
std::optional<Matrix> Invert(Matrix m) {
  const size_t k = m.size();
  Matrix inv(k, std::vector<double>(k, 0.0));
  for (size_t i = 0; i < k; ++i) inv[i][i] = 1;
  for (size_t c = 0; c < k; ++c) {
    size_t piv = c;
    for (size_t r = c + 1; r < k; ++r) {
      if (std::fabs(m[r][c]) > std::fabs(m[piv][c])) piv = r;
    }
    if (std::fabs(m[piv][c]) < 1e-12) return std::nullopt;
    std::swap(m[c], m[piv]);
    std::swap(inv[c], inv[piv]);
    const double d = m[c][c];
    for (size_t q = 0; q < k; ++q) {
      m[c][q] /= d;
      inv[c][q] /= d;
    }
    for (size_t r = 0; r < k; ++r) {
      if (r == c || m[r][c] == 0) continue;
      const double f = m[r][c];
      for (size_t q = 0; q < k; ++q) {
        m[r][q] -= f * m[c][q];
        inv[r][q] -= f * inv[c][q];
      }
    }
  }
  return inv;
}

bool Rectangular(const Matrix& rows, size_t n) {
  if (rows.size() != n || rows.empty() || rows[0].empty()) return false;
  for (const auto& r : rows) {
    if (r.size() != rows[0].size()) return false;
  }
  return true;
}

Matrix Gram(const Matrix& rows) {
  const size_t k = rows[0].size();
  Matrix g(k, std::vector<double>(k, 0.0));
  for (const auto& r : rows) {
    for (size_t i = 0; i < k; ++i) {
      for (size_t j = 0; j < k; ++j) g[i][j] += r[i] * r[j];
    }
  }
  return g;
}

std::vector<double> Times(const Matrix& a, const std::vector<double>& v) {
  std::vector<double> out(a.size(), 0.0);
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t j = 0; j < v.size(); ++j) out[i] += a[i][j] * v[j];
  }
  return out;
}

Matrix Times(const Matrix& a, const Matrix& b) {
  Matrix out(a.size(), std::vector<double>(b[0].size(), 0.0));
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t q = 0; q < b.size(); ++q) {
      for (size_t j = 0; j < b[0].size(); ++j) out[i][j] += a[i][q] * b[q][j];
    }
  }
  return out;
}

// Regularized incomplete beta I_x(a, b) by Lentz's continued fraction.
double IncompleteBeta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - IncompleteBeta(b, a, 1 - x);
  const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) +
                                a * std::log(x) + b * std::log(1 - x)) /
                       a;
  constexpr double kTiny = 1e-300;
  double f = 1, c = 1, d = 0;
  for (int i = 0; i <= 400; ++i) {
    const int m = i / 2;
    double num;
    if (i == 0) {
      num = 1;
    } else if (i % 2 == 0) {
      num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
    } else {
      num = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    }
    d = 1 + num * d;
    d = 1 / (std::fabs(d) < kTiny ? kTiny : d);
    c = 1 + num / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    f *= c * d;
    if (std::fabs(1 - c * d) < 1e-14) break;
  }
  return front * (f - 1);
}

double StudentTCdf(double t, int dof) {
  const double v = dof;
  const double tail = 0.5 * IncompleteBeta(v / 2, 0.5, v / (v + t * t));
  return t >= 0 ? 1 - tail : tail;
}

}  // namespace

std::optional<std::vector<double>> SolveNormalEquations(
    const std::vector<std::vector<double>>& rows, const std::vector<double>& y) {
  auto fit = FitLinearModel(rows, y, {.ridge_lambda = 0, .has_intercept = false});
  if (!fit) return std::nullopt;
  return fit->coefficients;
}

std::optional<LinearModelFit> FitLinearModel(const std::vector<std::vector<double>>& rows,
                                             const std::vector<double>& y,
                                             const LinearModelOptions& options) {
  if (!Rectangular(rows, y.size())) return std::nullopt;
  const size_t k = rows[0].size();
  const Matrix gram = Gram(rows);
  Matrix penalized = gram;
  for (size_t i = options.has_intercept ? 1 : 0; i < k; ++i) {
    penalized[i][i] += options.ridge_lambda;
  }
  auto inv = Invert(penalized);
  if (!inv) return std::nullopt;
  std::vector<double> xty(k, 0.0);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t i = 0; i < k; ++i) xty[i] += rows[r][i] * y[r];
  }
  LinearModelFit fit;
  fit.coefficients = Times(*inv, xty);
  fit.n = static_cast<int>(rows.size());
  fit.degrees_of_freedom = fit.n - static_cast<int>(k);
  const double my = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(y.size());
  double rss = 0, tss = 0;
  for (size_t r = 0; r < rows.size(); ++r) {
    double pred = 0;
    for (size_t i = 0; i < k; ++i) pred += rows[r][i] * fit.coefficients[i];
    rss += (y[r] - pred) * (y[r] - pred);
    tss += (y[r] - my) * (y[r] - my);
  }
  fit.r2 = tss > 0 ? 1 - rss / tss : 1.0;
  if (fit.degrees_of_freedom <= 0) return fit;
  const double s2 = rss / fit.degrees_of_freedom;
  const Matrix cov = Times(Times(*inv, gram), *inv);
  const double q = StudentTQuantile(0.5 + options.level / 2, fit.degrees_of_freedom);
  for (size_t i = 0; i < k; ++i) {
    const double se = std::sqrt(std::max(0.0, cov[i][i] * s2));
    fit.standard_errors.push_back(se);
    fit.intervals.push_back({fit.coefficients[i] - q * se, fit.coefficients[i] + q * se});
  }
  return fit;
}

double StudentTQuantile(double p, int dof) {
  if (dof <= 0 || !(p > 0 && p < 1)) return std::nan("");
  double lo = -1e4, hi = 1e4;
  for (int i = 0; i < 200 && hi - lo > 1e-12; ++i) {
    const double mid = (lo + hi) / 2;
    (StudentTCdf(mid, dof) < p ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

std::vector<double> Standardize(const std::vector<double>& x) {
  std::vector<double> z(x.size(), 0.0);
  if (x.size() < 2) return z;
  const double m = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
  double ss = 0;
  for (double v : x) ss += (v - m) * (v - m);
  const double sd = std::sqrt(ss / static_cast<double>(x.size() - 1));
  if (sd <= 0) return z;
  for (size_t i = 0; i < x.size(); ++i) z[i] = (x[i] - m) / sd;
  return z;
}

}  // namespace pelo::analytics
