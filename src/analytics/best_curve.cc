#include "pelo/analytics/best_curve.h"

#include <algorithm>

#include "pelo/analytics/power_curve.h"

namespace pelo::analytics {

BestCurve::BestCurve()
    : grid_(CurveGrid()),
      watts_(grid_.size(), 0.0),
      ride_(grid_.size(), 0),
      every_n_(grid_.size(), 1) {}

void BestCurve::Add(const std::vector<double>& watts, int every_n) {
  const size_t ride = rides_++;
  const size_t n = std::min(watts.size(), grid_.size());
  for (size_t i = 0; i < n; ++i) {
    // Strictly greater: a tie stays with the earlier ride. Points past `reached_` are unset.
    if (i >= reached_ || watts[i] > watts_[i]) {
      watts_[i] = watts[i];
      ride_[i] = ride;
      every_n_[i] = every_n;
    }
  }
  reached_ = std::max(reached_, n);
}

std::vector<BestCurvePoint> BestCurve::Points() const {
  std::vector<BestCurvePoint> points;
  points.reserve(reached_);
  for (size_t i = 0; i < reached_; ++i) {
    points.push_back({grid_[i], watts_[i], ride_[i], grid_[i] < every_n_[i]});
  }
  return points;
}

}  // namespace pelo::analytics
