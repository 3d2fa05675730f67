// The power-duration curve (analytics.md §2.4): one ride's mean-maximal power on a grid of
// durations, and the all-history curve (the best over many rides, with the ride that set it).
//
// How the all-history curve stays exact while skipping most of the work. With prefix sums
// C[0] = 0, C[i+1] = C[i] + p[i], the best work over d seconds is W(d) = max_s (C[s+d] - C[s]),
// s = 0..N-d. Cut the start positions s into blocks [b, b+B) (B = 32, and coarse blocks of 256
// tested first). Every window starting in the block satisfies two bounds:
//   (1) C[s+d] - C[s] <= max(C[b+d .. b+d+B-1]) - min(C[b .. b+B-1]), since each term is taken
//       at its extreme; with no negative sample C never decreases and this is C[b+B-1+d] - C[b].
//       Floating-point subtraction is monotone (a larger minuend or a smaller subtrahend never
//       rounds to a smaller result), so (1) also bounds the computed differences.
//   (2) sum(p[s .. s+d-1]) <= d · max(p[b .. b+B+d-2]), the samples those windows cover: tight
//       for short d, where (1) is about W(d+B-1). It bounds the exact sum, so a margin above the
//       prefix sums' rounding error (N·sum|p|·1e-15) is added.
// A block whose bound cannot beat the running best (over the rides so far, or the ride's own
// best so far) is not scanned. The result is bit for bit the brute force's: the same computed
// differences, the same maximum, divided by d once. No bound uses MMP at a shorter duration:
// MMP is not monotone in d (TV-2b).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace pelo::analytics {

// The grid of the numpy peer (../shared/bench/mmp_numpy.py): every second 1..120 s, every 5 s
// to 1200 s, every 30 s to 10800 s (656 durations, ascending).
std::vector<int> CurveGrid();

// MMP(d) of one 1 Hz ride for each d of `grid`, in grid order; nullopt where d < 1 or d is
// longer than the ride. Equal (bit for bit) to brute force over prefix sums, but each duration
// starts from the work of the previous duration's best window and scans only the blocks whose
// bound beats it (the bounds above); a grid in ascending order prunes best.
std::vector<std::optional<double>> RideCurve(const std::vector<double>& power_1hz,
                                             const std::vector<int>& grid);

// One point of the all-history curve: the best MMP over rides at `duration_s` and the index
// (into the rides given) of the ride that set it; on a tie, the lowest index.
struct CurvePoint {
  int duration_s;
  double watts;
  size_t ride_index;
};

// The all-history curve: for each d of `grid` (in grid order) that at least one ride is long
// enough for, max over rides of MMP(d). Durations < 1 or longer than every ride give no point.
// Equal (bit for bit) to taking the max of every ride's RideCurve, but skips the windows that
// cannot beat the best so far (see the bound above). `threads` > 1 splits the rides between
// that many threads (the result does not depend on it).
std::vector<CurvePoint> AllHistoryCurve(const std::vector<std::vector<double>>& rides,
                                        const std::vector<int>& grid, int threads = 1);

}  // namespace pelo::analytics
