// Banister impulse-response fits (analytics.md §5.5, Appendix A banister_features; GC
// Banister.cpp powerIndex).
#include "pelo/analytics/banister.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pelo/analytics/regression.h"

namespace pelo::analytics {
namespace {

constexpr int kMinTests = 5;
constexpr int kMinSpanDays = 56;
constexpr double kTypicalCp = 261;
constexpr double kTypicalWPrime = 15500;
constexpr double kTypicalPmax = 1100;

std::vector<double> Response(const std::vector<double>& load, double tau) {
  std::vector<double> out(load.size(), 0.0);
  const double decay = std::exp(-1 / tau);
  for (size_t i = 1; i < load.size(); ++i) out[i] = out[i - 1] * decay + load[i];
  return out;
}

bool InRange(const PerformanceTest& t, size_t days) {
  return t.day >= 0 && static_cast<size_t>(t.day) < days;
}

// Ridge on standardized columns, mapped back to raw units: [p0, b_1..b_k].
std::optional<std::vector<double>> RidgeRaw(const std::vector<std::vector<double>>& columns,
                                            const std::vector<double>& y, double lambda) {
  const size_t n = y.size();
  std::vector<std::vector<double>> rows(n, std::vector<double>{1.0});
  std::vector<double> mean(columns.size()), sd(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) {
    double m = 0, ss = 0;
    for (double v : columns[c]) m += v / static_cast<double>(n);
    for (double v : columns[c]) ss += (v - m) * (v - m);
    mean[c] = m;
    sd[c] = std::sqrt(ss / static_cast<double>(n));
    // Constant to rounding is constant: standardizing would blow the rounding up to unit variance.
    if (sd[c] <= kRankTolerance * std::sqrt(m * m + sd[c] * sd[c])) return std::nullopt;
    for (size_t i = 0; i < n; ++i) rows[i].push_back((columns[c][i] - m) / sd[c]);
  }
  auto fit = FitLinearModel(rows, y, {.ridge_lambda = lambda});
  if (!fit) return std::nullopt;
  std::vector<double> out{fit->coefficients[0]};
  for (size_t c = 0; c < columns.size(); ++c) {
    out.push_back(fit->coefficients[c + 1] / sd[c]);
    out[0] -= out.back() * mean[c];
  }
  return out;
}

}  // namespace

BanisterResponses BanisterFeatures(const std::vector<double>& daily_load, double tau1,
                                   double tau2) {
  return {Response(daily_load, tau1), Response(daily_load, tau2)};
}

std::optional<BanisterFit> FitBanister(const std::vector<double>& daily_load,
                                       const std::vector<PerformanceTest>& tests, double tau1,
                                       double tau2) {
  const auto r = BanisterFeatures(daily_load, tau1, tau2);
  std::vector<std::vector<double>> rows;
  std::vector<double> y;
  int first = std::numeric_limits<int>::max(), last = std::numeric_limits<int>::min();
  for (const auto& t : tests) {
    if (!InRange(t, daily_load.size())) continue;
    const auto d = static_cast<size_t>(t.day);
    rows.push_back({1.0, r.fitness[d], -r.fatigue[d]});
    y.push_back(t.performance);
    first = std::min(first, t.day);
    last = std::max(last, t.day);
  }
  if (rows.size() < static_cast<size_t>(kBanisterMinFitTests)) return std::nullopt;
  auto lm = FitLinearModel(rows, y, {.has_intercept = true});
  if (!lm) return std::nullopt;
  BanisterFit fit;
  fit.p0 = lm->coefficients[0];
  fit.k1 = lm->coefficients[1];
  fit.k2 = lm->coefficients[2];
  fit.r2 = lm->r2;
  fit.tests = static_cast<int>(rows.size());
  fit.enough_tests = fit.tests >= kMinTests && last - first >= kMinSpanDays;
  return fit;
}

std::vector<double> BanisterPredict(const BanisterFit& fit, const BanisterResponses& responses) {
  std::vector<double> out(responses.fitness.size());
  for (size_t i = 0; i < out.size(); ++i) {
    out[i] = fit.p0 + fit.k1 * responses.fitness[i] - fit.k2 * responses.fatigue[i];
  }
  return out;
}

std::optional<double> PowerIndex(double average_watts, double duration_s) {
  if (average_watts <= 0 || duration_s <= 0) return std::nullopt;
  const double typical =
      kTypicalWPrime / (duration_s - kTypicalWPrime / (kTypicalCp - kTypicalPmax)) + kTypicalCp;
  if (typical < 0 || typical > 2500) return std::nullopt;
  return 100.0 * average_watts / typical;
}

std::optional<BanisterComponentFit> FitBanisterComponents(
    const std::vector<std::vector<double>>& component_loads,
    const std::vector<PerformanceTest>& tests, double lambda, const BootstrapOptions& bootstrap,
    double tau1, double tau2) {
  if (component_loads.empty()) return std::nullopt;
  const size_t days = component_loads[0].size();
  std::vector<double> total(days, 0.0);
  std::vector<std::vector<double>> fitness;
  for (const auto& load : component_loads) {
    if (load.size() != days) return std::nullopt;
    for (size_t d = 0; d < days; ++d) total[d] += load[d];
    fitness.push_back(Response(load, tau1));
  }
  const auto fatigue = Response(total, tau2);
  std::vector<PerformanceTest> used;
  for (const auto& t : tests) {
    if (InRange(t, days)) used.push_back(t);
  }
  // Columns over a set of tests: each component's g, then -h.
  auto fit_on = [&](const std::vector<size_t>& pick) {
    std::vector<std::vector<double>> cols(fitness.size() + 1);
    std::vector<double> y;
    for (size_t i : pick) {
      const auto d = static_cast<size_t>(used[i].day);
      for (size_t c = 0; c < fitness.size(); ++c) cols[c].push_back(fitness[c][d]);
      cols.back().push_back(-fatigue[d]);
      y.push_back(used[i].performance);
    }
    return RidgeRaw(cols, y, lambda);
  };
  std::vector<size_t> all(used.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  if (used.size() < fitness.size() + 2) return std::nullopt;
  auto coef = fit_on(all);
  if (!coef) return std::nullopt;
  BanisterComponentFit out;
  out.p0 = (*coef)[0];
  out.k1.assign(coef->begin() + 1, coef->end() - 1);
  out.k2 = coef->back();
  // Bootstrap over tests (resampled with replacement) for the k1 intervals.
  SplitMix64 rng(bootstrap.seed);
  std::vector<std::vector<double>> draws(out.k1.size());
  for (int b = 0; b < bootstrap.resamples; ++b) {
    std::vector<size_t> pick(used.size());
    for (auto& p : pick) p = rng.Below(used.size());
    if (auto c = fit_on(pick)) {
      for (size_t k = 0; k < out.k1.size(); ++k) draws[k].push_back((*c)[k + 1]);
    }
  }
  const double tail = (1 - bootstrap.level) / 2;
  for (auto& d : draws) {
    if (d.size() < static_cast<size_t>(bootstrap.resamples) / 2) break;
    out.k1_intervals.push_back({*Quantile(d, tail), *Quantile(d, 1 - tail)});
  }
  if (out.k1_intervals.size() != out.k1.size()) out.k1_intervals.clear();
  return out;
}

}  // namespace pelo::analytics
