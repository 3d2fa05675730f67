// Least squares by a rank-revealing QR, with ridge and t intervals (analytics.md §5.4, §5.5).
#include "pelo/analytics/regression.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace pelo::analytics {
namespace {

using Matrix = std::vector<std::vector<double>>;

bool Rectangular(const Matrix& rows, size_t n) {
  if (rows.size() != n || rows.empty() || rows[0].empty()) return false;
  for (const auto& r : rows) {
    if (r.size() != rows[0].size()) return false;
  }
  return true;
}

// The least-squares solution of a * b ~ rhs and (a'a)^-1, or nullopt if a has rank below its
// column count. Columns are scaled to unit norm first, so the rank test asks how much of each
// column the others explain, whatever its units (kRankTolerance). The normal equations squared
// the condition number instead: a constant load's fatigue response, constant to ~1e-12, came back
// from them as a Banister fit with R^2 of -557 or worse.
struct QrSolution {
  Eigen::VectorXd b;
  Eigen::MatrixXd inverse_gram;
};
std::optional<QrSolution> SolveByQr(const Eigen::MatrixXd& a, const Eigen::VectorXd& rhs) {
  const Eigen::Index k = a.cols();
  if (a.rows() < k || !a.allFinite() || !rhs.allFinite()) return std::nullopt;
  const Eigen::VectorXd norms = a.colwise().norm().transpose();
  if ((norms.array() <= 0).any()) return std::nullopt;
  const Eigen::VectorXd inv_norms = norms.cwiseInverse();
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(a.rows(), k);
  qr.setThreshold(kRankTolerance);
  qr.compute(a * inv_norms.asDiagonal());
  if (qr.rank() < k) return std::nullopt;
  QrSolution out;
  out.b = inv_norms.asDiagonal() * qr.solve(rhs);
  // Scaled a = Q R P', so its (a'a)^-1 = P R^-1 R^-T P'; then undo the scaling on both sides.
  const Eigen::MatrixXd r_inv =
      qr.matrixR().topLeftCorner(k, k).triangularView<Eigen::Upper>().solve(
          Eigen::MatrixXd::Identity(k, k));
  const Eigen::MatrixXd p_r_inv = qr.colsPermutation() * r_inv;
  out.inverse_gram =
      inv_norms.asDiagonal() * (p_r_inv * p_r_inv.transpose()) * inv_norms.asDiagonal();
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

std::optional<std::vector<double>> SolveLeastSquares(const std::vector<std::vector<double>>& rows,
                                                     const std::vector<double>& y) {
  auto fit = FitLinearModel(rows, y, {.ridge_lambda = 0, .has_intercept = false});
  if (!fit) return std::nullopt;
  return fit->coefficients;
}

std::optional<LinearModelFit> FitLinearModel(const std::vector<std::vector<double>>& rows,
                                             const std::vector<double>& y,
                                             const LinearModelOptions& options) {
  if (!Rectangular(rows, y.size())) return std::nullopt;
  const auto n = static_cast<Eigen::Index>(rows.size());
  const auto k = static_cast<Eigen::Index>(rows[0].size());
  const Eigen::Index first_penalized = options.has_intercept ? 1 : 0;
  const Eigen::Index penalized = options.ridge_lambda > 0 ? k - first_penalized : 0;
  // Ridge as least squares on x stacked over sqrt(lambda) I (intercept row left out): its
  // normal equations are (x'x + lambda I) b = x'y, solved without forming x'x.
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(n + penalized, k);
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n + penalized);
  for (Eigen::Index r = 0; r < n; ++r) {
    const auto& row = rows[static_cast<size_t>(r)];
    for (Eigen::Index i = 0; i < k; ++i) a(r, i) = row[static_cast<size_t>(i)];
    rhs(r) = y[static_cast<size_t>(r)];
  }
  for (Eigen::Index i = 0; i < penalized; ++i) {
    a(n + i, first_penalized + i) = std::sqrt(options.ridge_lambda);
  }
  const auto solved = SolveByQr(a, rhs);
  if (!solved) return std::nullopt;
  const Eigen::MatrixXd x = a.topRows(n);
  const Eigen::VectorXd residual = rhs.head(n) - x * solved->b;
  LinearModelFit fit;
  fit.coefficients.assign(solved->b.data(), solved->b.data() + k);
  fit.n = static_cast<int>(n);
  fit.degrees_of_freedom = fit.n - static_cast<int>(k);
  const double rss = residual.squaredNorm();
  const double tss = (rhs.head(n).array() - rhs.head(n).mean()).matrix().squaredNorm();
  fit.r2 = tss > 0 ? 1 - rss / tss : 1.0;
  if (fit.degrees_of_freedom <= 0) return fit;
  const double s2 = rss / fit.degrees_of_freedom;
  // (x'x + L)^-1 x'x (x'x + L)^-1 = (x M)'(x M) with M = (x'x + L)^-1; (x'x)^-1 without ridge.
  const Eigen::MatrixXd xm = x * solved->inverse_gram;
  const Eigen::VectorXd variance = xm.colwise().squaredNorm().transpose() * s2;
  const double q = StudentTQuantile(0.5 + options.level / 2, fit.degrees_of_freedom);
  for (Eigen::Index i = 0; i < k; ++i) {
    const double c = solved->b(i);
    const double se = std::sqrt(std::max(0.0, variance(i)));
    fit.standard_errors.push_back(se);
    fit.intervals.push_back({c - q * se, c + q * se});
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
