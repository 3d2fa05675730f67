// The power-duration curve: the peer's grid, one ride's curve (TV-2, TV-2b) and the pruned
// all-history curve against brute force on random rides.
#include "pelo/analytics/power_curve.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "pelo/analytics/power.h"
#include "rides.h"

namespace pelo::analytics {
namespace {

// Random rides: blocks of steady effort with noise, coasting zeros, spikes, fractional watts,
// and every length from empty to longer than a coarse block of the pruning.
std::vector<std::vector<double>> RandomRides(unsigned seed, int count, int max_len) {
  std::mt19937 rng(seed);
  std::vector<std::vector<double>> rides;
  for (int r = 0; r < count; ++r) {
    const int len = std::uniform_int_distribution<int>(0, max_len)(rng);
    std::vector<double> p;
    while (static_cast<int>(p.size()) < len) {
      const int block = std::uniform_int_distribution<int>(1, 120)(rng);
      const int kind = std::uniform_int_distribution<int>(0, 5)(rng);
      const double level = std::uniform_real_distribution<double>(50, 400)(rng);
      for (int i = 0; i < block && static_cast<int>(p.size()) < len; ++i) {
        if (kind == 0) {
          p.push_back(0);  // coasting
        } else if (kind == 1) {
          p.push_back(std::uniform_real_distribution<double>(0, 1000)(rng));  // spiky
        } else if (kind == 2) {
          p.push_back(std::round(level + std::normal_distribution<double>(0, 10)(rng)));
        } else {
          p.push_back(std::max(0.0, level + std::normal_distribution<double>(0, 25)(rng)));
        }
      }
    }
    rides.push_back(std::move(p));
  }
  return rides;
}

// Brute force over prefix sums: O(N) per duration, nothing skipped.
std::optional<double> BruteMmp(const std::vector<double>& ride, int d) {
  return MeanMaximalPowerFromPrefix(PrefixSums(ride), d);
}

// Brute force: every ride's curve, the max per duration, the first ride to reach it.
std::vector<CurvePoint> BruteForce(const std::vector<std::vector<double>>& rides,
                                   const std::vector<int>& grid) {
  std::vector<CurvePoint> out;
  for (size_t k = 0; k < grid.size(); ++k) {
    std::optional<CurvePoint> best;
    for (size_t r = 0; r < rides.size(); ++r) {
      const auto mmp = BruteMmp(rides[r], grid[k]);
      if (mmp && (!best || *mmp > best->watts)) best = CurvePoint{grid[k], *mmp, r};
    }
    if (best) out.push_back(*best);
  }
  return out;
}

void ExpectSameCurve(const std::vector<CurvePoint>& got, const std::vector<CurvePoint>& want,
                     const std::vector<std::vector<double>>& rides) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t k = 0; k < got.size(); ++k) {
    EXPECT_EQ(got[k].duration_s, want[k].duration_s) << k;
    EXPECT_EQ(got[k].watts, want[k].watts) << got[k].duration_s;  // bit for bit
    EXPECT_EQ(got[k].ride_index, want[k].ride_index) << got[k].duration_s;
    // And against the independent running-sum MMP of power.h.
    const auto direct = MeanMaximalPower(rides[got[k].ride_index], got[k].duration_s);
    ASSERT_TRUE(direct.has_value());
    EXPECT_NEAR(got[k].watts, *direct, 1e-9) << got[k].duration_s;
  }
}

TEST(CurveGrid, IsThePeersGrid) {
  const auto grid = CurveGrid();
  ASSERT_EQ(grid.size(), 656u);
  EXPECT_EQ(grid[0], 1);
  EXPECT_EQ(grid[119], 120);
  EXPECT_EQ(grid[120], 125);
  EXPECT_EQ(grid[335], 1200);
  EXPECT_EQ(grid[336], 1230);
  EXPECT_EQ(grid.back(), 10800);
  EXPECT_TRUE(std::is_sorted(grid.begin(), grid.end()));
}

TEST(RideCurve, RideAMatchesTv2) {
  const auto curve = RideCurve(testing::RideA(), {1, 5, 30, 60, 300, 1200, 3600, 3601});
  const double expected[] = {900.0, 900.0, 525.0, 487.5, 355.6667, 280.2083, 191.5833};
  for (size_t k = 0; k < 7; ++k) EXPECT_NEAR(*curve[k], expected[k], 1e-4) << k;
  EXPECT_FALSE(curve[7].has_value());
}

TEST(RideCurve, IsNotMonotoneAndNulloptBeyondTheRide) {
  // TV-2b: [10, 0, 10] -> 10, 5, 6.6667; nothing at 4 s nor at 0 s.
  const auto curve = RideCurve({10, 0, 10}, {1, 2, 3, 4, 0});
  EXPECT_DOUBLE_EQ(*curve[0], 10.0);
  EXPECT_DOUBLE_EQ(*curve[1], 5.0);
  EXPECT_NEAR(*curve[2], 20.0 / 3, 1e-12);
  EXPECT_FALSE(curve[3].has_value());
  EXPECT_FALSE(curve[4].has_value());
  EXPECT_FALSE(RideCurve({}, {1})[0].has_value());
}

TEST(RideCurve, EqualsRunningSumMmpOnRandomRides) {
  const auto rides = RandomRides(11, 6, 2000);
  const auto grid = CurveGrid();
  for (const auto& ride : rides) {
    const auto curve = RideCurve(ride, grid);
    for (size_t k = 0; k < grid.size(); ++k) {
      const auto direct = MeanMaximalPower(ride, grid[k]);
      ASSERT_EQ(curve[k].has_value(), direct.has_value()) << grid[k];
      if (direct) {
        EXPECT_NEAR(*curve[k], *direct, 1e-9) << grid[k];
      }
    }
  }
}

// The pruned per-ride curve is the brute force's bit for bit, whatever the order of the grid
// (the previous duration's best window seeds the next) and with negative samples (no
// monotone prefix sums) or long flat stretches (ties everywhere).
TEST(RideCurve, EqualsBruteForceBitForBit) {
  auto rides = RandomRides(21, 12, 6000);
  rides.push_back(std::vector<double>(3000, 200.0));  // flat: every window ties
  std::vector<double> with_negatives = rides[0];
  for (size_t i = 0; i < with_negatives.size(); i += 7) with_negatives[i] = -5;
  rides.push_back(with_negatives);
  std::vector<int> shuffled = CurveGrid();
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(3));
  shuffled.insert(shuffled.end(), {0, -1, 1, 1, 5999, 6001});
  for (const std::vector<int>& grid : {CurveGrid(), shuffled}) {
    for (const auto& ride : rides) {
      const auto curve = RideCurve(ride, grid);
      ASSERT_EQ(curve.size(), grid.size());
      for (size_t k = 0; k < grid.size(); ++k) {
        const auto brute = BruteMmp(ride, grid[k]);
        ASSERT_EQ(curve[k].has_value(), brute.has_value()) << grid[k];
        if (brute) {
          EXPECT_EQ(*curve[k], *brute) << grid[k] << " of a " << ride.size() << " s ride";
        }
      }
    }
  }
}

TEST(AllHistoryCurve, EqualsBruteForceOnRandomRides) {
  for (unsigned seed : {1u, 2u, 3u}) {
    const auto rides = RandomRides(seed, 40, 1500);
    const auto grid = CurveGrid();
    ExpectSameCurve(AllHistoryCurve(rides, grid), BruteForce(rides, grid), rides);
  }
}

TEST(AllHistoryCurve, EqualsBruteForceOnEveryDurationOfShortRides) {
  // Rides of 0..70 s against every duration 1..80: most durations are longer than most rides.
  const auto rides = RandomRides(5, 60, 70);
  std::vector<int> grid;
  for (int d = 1; d <= 80; ++d) grid.push_back(d);
  ExpectSameCurve(AllHistoryCurve(rides, grid), BruteForce(rides, grid), rides);
}

TEST(AllHistoryCurve, EqualsBruteForceWithNegativeSamples) {
  // Negative samples (not repaired data) make the prefix sums non-monotone: the general bound.
  auto rides = RandomRides(4, 30, 1500);
  std::mt19937 rng(4);
  for (auto& ride : rides) {
    for (double& w : ride) {
      if (std::uniform_int_distribution<int>(0, 9)(rng) == 0) w = -w;
    }
  }
  const auto grid = CurveGrid();
  ExpectSameCurve(AllHistoryCurve(rides, grid), BruteForce(rides, grid), rides);
  ExpectSameCurve(AllHistoryCurve(rides, grid, 2), BruteForce(rides, grid), rides);
}

TEST(AllHistoryCurve, DoesNotDependOnThreads) {
  const auto rides = RandomRides(7, 30, 3000);
  const auto grid = CurveGrid();
  const auto want = BruteForce(rides, grid);
  for (int threads : {1, 2, 3, 8}) {
    SCOPED_TRACE(threads);
    ExpectSameCurve(AllHistoryCurve(rides, grid, threads), want, rides);
  }
}

TEST(AllHistoryCurve, TiesGoToTheLowestRideIndex) {
  const std::vector<double> a = testing::RideA();
  std::vector<double> shifted(100, 0.0);  // the same efforts later in a longer ride
  shifted.insert(shifted.end(), a.begin(), a.end());
  const std::vector<std::vector<double>> rides = {{100, 100}, a, shifted, a};
  for (int threads : {1, 2, 4}) {
    const auto curve = AllHistoryCurve(rides, {1, 60, 3600, 3700}, threads);
    ASSERT_EQ(curve.size(), 4u);
    EXPECT_EQ(curve[0].ride_index, 1u);
    EXPECT_EQ(curve[1].ride_index, 1u);
    EXPECT_DOUBLE_EQ(curve[1].watts, 487.5);
    EXPECT_EQ(curve[2].ride_index, 1u);
    EXPECT_EQ(curve[3].ride_index, 2u);  // only the shifted ride is 3700 s long
  }
}

TEST(AllHistoryCurve, AllZeroRidesAndDurationsNoRideReaches) {
  const std::vector<std::vector<double>> rides = {{}, std::vector<double>(50, 0.0), {0, 0}};
  const auto curve = AllHistoryCurve(rides, {0, -3, 1, 2, 50, 51});
  ASSERT_EQ(curve.size(), 3u);
  EXPECT_EQ(curve[0].duration_s, 1);
  EXPECT_EQ(curve[0].watts, 0.0);
  EXPECT_EQ(curve[0].ride_index, 1u);
  EXPECT_EQ(curve[2].duration_s, 50);
  EXPECT_TRUE(AllHistoryCurve({}, CurveGrid()).empty());
}

TEST(AllHistoryCurve, AcceptsAnUnsortedGrid) {
  const auto rides = RandomRides(9, 20, 900);
  const std::vector<int> grid = {600, 5, 1200, 1, 300, 30, 5};
  ExpectSameCurve(AllHistoryCurve(rides, grid), BruteForce(rides, grid), rides);
}

}  // namespace
}  // namespace pelo::analytics
