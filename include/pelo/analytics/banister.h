// Banister impulse-response (fitness-fatigue) model as GoldenCheetah's Banister.cpp fits it
// (analytics.md §5.5).
#pragma once

#include <optional>
#include <vector>

#include "pelo/analytics/stats.h"

namespace pelo::analytics {

inline constexpr double kBanisterTau1Days = 50;  // GC's fixed fitness time constant
inline constexpr double kBanisterTau2Days = 11;  // GC's fixed fatigue time constant

// The two impulse responses g (fitness) and h (fatigue), one per day of `daily_load`:
// g_d = g_{d-1} e^{-1/tau1} + L_d, likewise h with tau2, and g = h = 0 on day 0 (Appendix A
// `banister_features`: day 0's load is not counted).
struct BanisterResponses {
  std::vector<double> fitness;
  std::vector<double> fatigue;
};
BanisterResponses BanisterFeatures(const std::vector<double>& daily_load,
                                   double tau1 = kBanisterTau1Days,
                                   double tau2 = kBanisterTau2Days);

// A performance test on a day (index into the daily load).
struct PerformanceTest {
  int day = 0;
  double performance = 0;
};

struct BanisterFit {
  double p0 = 0;
  double k1 = 0;
  double k2 = 0;
  double r2 = 0;
  int tests = 0;
  // False unless >= 5 tests spread over >= 56 days (§5.5): the fit exists but is not evidence.
  bool enough_tests = false;
};

inline constexpr int kBanisterMinFitTests = 3;  // one per parameter

// Perf_d = p0 + k1 g_d - k2 h_d fitted by OLS on rows [1, g_d, -h_d] (exact with tau fixed, the
// optimum GC's LM reaches). nullopt (insufficient data) with fewer than kBanisterMinFitTests
// usable tests, or when the rows are rank deficient (FitLinearModel): the load before the tests
// was too uniform to tell p0, fitness and fatigue apart (a constant load makes h constant).
std::optional<BanisterFit> FitBanister(const std::vector<double>& daily_load,
                                       const std::vector<PerformanceTest>& tests,
                                       double tau1 = kBanisterTau1Days,
                                       double tau2 = kBanisterTau2Days);

// Predicted performance on each day.
std::vector<double> BanisterPredict(const BanisterFit& fit, const BanisterResponses& responses);

// GC powerIndex(): 100 x power / the "typical athlete" 3-parameter curve
// (CP 261 W, W' 15500 J, Pmax 1100 W) at the same duration; nullopt where that curve is not
// sensible (GC returns 0 there).
std::optional<double> PowerIndex(double average_watts, double duration_s);

// §5.5 extension: one fitness gain per load component (e.g. TSS in Z1-Z2, Z3-Z4, Z5-Z7), one
// shared fatigue term, fitted by ridge (the components are collinear). Coefficients are
// [p0, k1_component..., k2]; `lambda` applies to all but p0. nullopt (insufficient data) with
// too few tests, or when a response is constant at the tests (within kRankTolerance): ridge
// separates collinear components, not a column from the intercept.
struct BanisterComponentFit {
  double p0 = 0;
  std::vector<double> k1;
  double k2 = 0;
  std::vector<Interval> k1_intervals;  // bootstrap percentile CIs over tests (may be empty)
};
std::optional<BanisterComponentFit> FitBanisterComponents(
    const std::vector<std::vector<double>>& component_loads,
    const std::vector<PerformanceTest>& tests, double lambda, const BootstrapOptions& bootstrap,
    double tau1 = kBanisterTau1Days, double tau2 = kBanisterTau2Days);

}  // namespace pelo::analytics
