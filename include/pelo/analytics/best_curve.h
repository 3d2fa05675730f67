// The power-duration curve of a set of rides from their stored curves (analytics.md §2.4
// "across rides": MMP_window(d) = max over rides of MMP_r(d), with the ride that set each value).
// Unlike AllHistoryCurve it reads no sample: each ride's curve was computed when it was stored.
#pragma once

#include <cstddef>
#include <vector>

namespace pelo::analytics {

struct BestCurvePoint {
  int duration_s = 0;
  double watts = 0;
  size_t ride = 0;                  // the ride that set it: its index in the order added
  bool resolution_limited = false;  // duration < that ride's every_n (§1.2): a lower bound
};

class BestCurve {
 public:
  BestCurve();

  // One ride's curve: MMP (W) at CurveGrid()[i] for i < watts.size() (longer input is cut at
  // the grid's end). On a tie the ride added first keeps the point: add rides oldest first and
  // each point names the earliest ride that reached it.
  void Add(const std::vector<double>& watts, int every_n);

  // The durations some ride reached, in grid order.
  std::vector<BestCurvePoint> Points() const;
  size_t rides() const { return rides_; }

 private:
  std::vector<int> grid_;
  std::vector<double> watts_;  // per grid point; only the first `reached_` are set
  std::vector<size_t> ride_;   // per grid point
  std::vector<int> every_n_;   // of ride_, per grid point
  size_t reached_ = 0;         // grid points with a value
  size_t rides_ = 0;
};

}  // namespace pelo::analytics
