// CP / W' 2-parameter fits (analytics.md §3.4, Appendix A cp_worktime / cp_invtime).
#include "pelo/analytics/critical_power.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "pelo/analytics/stats.h"

namespace pelo::analytics {
namespace {

constexpr double kMinWPrime = 1000;
constexpr double kMinCp = 100;
constexpr double kMaxCp = 1000;
constexpr double kMinBeginnerCp = 50;

// Best power per duration within [from, to].
std::map<int, double> Window(const std::vector<MmpPoint>& curve, int from, int to) {
  std::map<int, double> best;
  for (const auto& p : curve) {
    if (p.seconds < from || p.seconds > to || !std::isfinite(p.watts)) continue;
    auto [it, inserted] = best.emplace(p.seconds, p.watts);
    if (!inserted) it->second = std::max(it->second, p.watts);
  }
  return best;
}

// GC PDModel::deriveCPParameters for CP2 (t0 = 0), in seconds: CP from the aerobic window given
// W', W' from the anaerobic window given CP, until W' settles. Each estimate is the envelope:
// the model touches one point of the window and stays at or above the others.
std::optional<std::pair<double, double>> EnvelopeFit(const std::vector<MmpPoint>& curve,
                                                     const CpFitOptions& o) {
  const auto anaerobic = Window(curve, o.anaerobic_from, o.anaerobic_to);
  const auto aerobic = Window(curve, o.aerobic_from, o.aerobic_to);
  if (anaerobic.empty() || aerobic.empty()) return std::nullopt;
  constexpr double kMinTauMinutes = 0.5;  // GC tau_min
  constexpr double kTauDelta = 1e-4;      // GC tau_delta_max
  constexpr int kMaxLoops = 100;          // GC max_loops
  double tau = 1;                         // minutes; GC's initial estimate
  double cp = 0;
  for (int loop = 0; loop <= kMaxLoops; ++loop) {
    const double tau_prev = tau;
    cp = 0;
    for (auto [t, p] : aerobic) cp = std::max(cp, p / (1 + tau / (t / 60.0)));
    if (cp <= 0) return std::nullopt;
    tau = kMinTauMinutes;
    for (auto [t, p] : anaerobic) tau = std::max(tau, (p / cp - 1) * (t / 60.0));
    if (std::fabs(tau - tau_prev) <= kTauDelta) break;
  }
  return std::make_pair(cp, cp * tau * 60);
}

}  // namespace

double CriticalPowerModel(double cp_w, double w_prime_j, double seconds) {
  return cp_w + w_prime_j / seconds;
}

std::optional<CpFit> FitCriticalPower(const std::vector<MmpPoint>& curve,
                                      const CpFitOptions& options) {
  // OLS uses (min, max]; the envelope its own windows, checked against the same bounds.
  const auto used = Window(curve, options.min_seconds + 1, options.max_seconds);
  if (used.size() < 3) return std::nullopt;
  std::vector<double> t, p;
  for (auto [s, w] : used) {
    t.push_back(s);
    p.push_back(w);
  }
  CpFit fit;
  if (options.method == CpFitMethod::kEnvelope) {
    auto env = EnvelopeFit(curve, options);
    if (!env) return std::nullopt;
    std::tie(fit.cp_w, fit.w_prime_j) = *env;
  } else if (options.method == CpFitMethod::kWorkTime) {
    std::vector<double> work(t.size());
    for (size_t i = 0; i < t.size(); ++i) work[i] = p[i] * t[i];
    auto line = OlsLine(t, work);
    if (!line) return std::nullopt;
    fit.cp_w = line->slope;
    fit.w_prime_j = line->intercept;
  } else {
    std::vector<double> inv(t.size());
    for (size_t i = 0; i < t.size(); ++i) inv[i] = 1.0 / t[i];
    auto line = OlsLine(inv, p);
    if (!line) return std::nullopt;
    fit.cp_w = line->intercept;
    fit.w_prime_j = line->slope;
  }
  fit.points = static_cast<int>(t.size());
  double mean = 0;
  for (double w : p) mean += w / static_cast<double>(p.size());
  double ss_res = 0, ss_tot = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    const double e = p[i] - CriticalPowerModel(fit.cp_w, fit.w_prime_j, t[i]);
    ss_res += e * e;
    ss_tot += (p[i] - mean) * (p[i] - mean);
  }
  fit.r2 = ss_tot > 0 ? 1 - ss_res / ss_tot : 1.0;
  fit.rmse_w = std::sqrt(ss_res / static_cast<double>(t.size()));
  const bool w_ok = fit.w_prime_j > kMinWPrime && fit.cp_w < kMaxCp;
  fit.plausible = w_ok && fit.cp_w > kMinCp;
  fit.beginner = w_ok && !fit.plausible && fit.cp_w > kMinBeginnerCp;
  return fit;
}

std::vector<MmpPoint> AggregateMmp(const std::vector<std::vector<MmpPoint>>& curves) {
  std::map<int, double> best;
  for (const auto& c : curves) {
    for (const auto& p : c) {
      auto [it, inserted] = best.emplace(p.seconds, p.watts);
      if (!inserted) it->second = std::max(it->second, p.watts);
    }
  }
  std::vector<MmpPoint> out;
  for (auto [s, w] : best) out.push_back({s, w});
  return out;
}

}  // namespace pelo::analytics
