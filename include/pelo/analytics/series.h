// §1 preprocessing (analytics.md): sample order, gap repair, missing values and the every_n hold
// expansion, so that every metric of §2 runs on one contiguous 1 Hz series.
#pragma once

#include <cstddef>
#include <vector>

#include "pelo/analytics/ride_input.h"

namespace pelo::analytics {

// Short-ride rules (§1.5): the fewest 1 Hz samples (after expansion) a metric needs.
inline constexpr size_t kMinSamplesNp = 30;            // NP, IF, TSS, VI, EF
inline constexpr size_t kMinSamplesDecoupling = 1200;  // aerobic decoupling
inline constexpr size_t kMinSamplesTrimp = 60;         // TRIMP

// Indices that put `times_s` in ascending order, keeping the first of equal timestamps and
// dropping non-finite ones (§1.2, last bullet). Stable.
std::vector<size_t> SortedUniqueOrder(const std::vector<double>& times_s);

// One channel through gap repair (§1.3; Appendix A `fix_gaps`). `times_s` ascending and unique,
// `values` the same length, `dt` = every_n. Where gap = t[k] - t[k-1] - dt >= tolerance, inserts
// floor(gap / dt) samples: linearly interpolated (step / (cnt + 1)) when gap <= stop, 0 beyond.
// Samples inserted next to a missing value are missing.
Samples FixGaps(const std::vector<double>& times_s, const Samples& values, double dt,
                const GapOptions& options = {});

// A channel as 1 Hz values: missing, NaN and negative samples become 0 (§1.4), each sample is
// held every_n seconds (§1.2).
std::vector<double> ToZeroFilled1Hz(const Samples& values, int every_n);

// True when `values` holds at least one present, finite sample.
bool HasChannel(const Samples& values);

// A workout after §1: each present channel is `seconds` long at 1 Hz; an absent channel is
// empty (§1.4).
struct Series1Hz {
  int every_n = 1;     // seconds per native sample
  size_t samples = 0;  // native samples after sorting, de-duplication and gap repair
  size_t seconds = 0;  // samples * every_n = duration (§2.1)
  std::vector<double> power_w;
  std::vector<double> heart_rate_bpm;
  std::vector<double> cadence_rpm;
  std::vector<double> speed;
};

// §1 for one workout: sorts by time, drops duplicate timestamps, repairs gaps (when `times_s`
// is given) and hold-expands every channel to 1 Hz. Channels shorter than the time axis are
// padded with missing samples.
Series1Hz PrepareSeries(const RideInput& in, const GapOptions& gaps = {});

}  // namespace pelo::analytics
