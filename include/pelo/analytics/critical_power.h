// Critical Power / W' with the 2-parameter model P(t) = CP + W'/t (analytics.md §3.4).
#pragma once

#include <optional>
#include <vector>

namespace pelo::analytics {

// One point of a mean-maximal power curve.
struct MmpPoint {
  int seconds = 0;
  double watts = 0;
};

enum class CpFitMethod {
  kWorkTime,  // normative: OLS of work J = P*t on t; slope CP, intercept W' (GC LinearRegression)
  kInverseTime,  // OLS of P on 1/t; the optimum GC's LM fit (LeastSquares) converges to
  kEnvelope,     // GC's default: CP2Model/deriveCPParameters, alternating envelope estimates
};

struct CpFitOptions {
  CpFitMethod method = CpFitMethod::kWorkTime;
  // OLS fits use min_seconds < t <= max_seconds (§3.4: 2-20 min).
  int min_seconds = 120;
  int max_seconds = 1200;
  // Envelope windows (GC CP2Model, per §3.4): anaerobic and aerobic, both inclusive.
  int anaerobic_from = 120;
  int anaerobic_to = 200;
  int aerobic_from = 720;
  int aerobic_to = 1200;
};

struct CpFit {
  double cp_w = 0;
  double w_prime_j = 0;
  double r2 = 0;           // of P(t) against the points used
  double rmse_w = 0;       // of P(t) against the points used
  int points = 0;          // distinct durations used
  bool plausible = false;  // GC Estimator bounds: W' > 1000 J and 100 < CP < 1000 W
  bool beginner = false;   // only passes the relaxed bound 50 < CP <= 100 W: show it, flagged
};

// Fits CP and W' to an MMP curve (any order; duplicate durations keep the highest power).
// nullopt with fewer than 3 distinct durations in the window (§1.5) or a degenerate fit.
std::optional<CpFit> FitCriticalPower(const std::vector<MmpPoint>& curve,
                                      const CpFitOptions& options = {});

// The model's power at `seconds`: CP + W'/t.
double CriticalPowerModel(double cp_w, double w_prime_j, double seconds);

// The aggregated curve of several rides: for each duration, the best power (§2.4, GC
// meanMaxAggregate). Sorted by duration.
std::vector<MmpPoint> AggregateMmp(const std::vector<std::vector<MmpPoint>>& curves);

}  // namespace pelo::analytics
