// Work-interval detection (analytics.md §2.16; Appendix A `detect_intervals`): maximal runs at
// or above a % of FTP, merged across short dips, kept when long enough.
#pragma once

#include <vector>

namespace pelo::analytics {

// One parameter set of §2.16.
struct IntervalParams {
  int threshold_pct = 105;  // a sample is "on" when 100·P >= threshold_pct·FTP
  int min_len_s = 30;       // shorter runs (dips included) are dropped
  int max_gap_s = 5;        // runs separated by at most this many "off" samples merge
};

inline constexpr IntervalParams kHiIntervals = {105, 30, 5};          // VO2/anaerobic
inline constexpr IntervalParams kThresholdIntervals = {90, 180, 10};  // threshold/sweet spot
inline constexpr IntervalParams kSprintIntervals = {150, 5, 1};       // sprints

// A detected work interval on the 1 Hz series (not stats.h's confidence Interval: one name for
// two types in one namespace broke the One Definition Rule): samples [start_s, end_s], both
// inclusive.
struct WorkInterval {
  long start_s = 0;
  long end_s = 0;
  long length_s = 0;          // end_s - start_s + 1
  double mean_power_w = 0.0;  // over the whole interval, merged dips included
};

// §2.16 the intervals of `power_1hz` at `ftp`, in time order; none if ftp <= 0.
std::vector<WorkInterval> DetectIntervals(const std::vector<double>& power_1hz, double ftp,
                                          const IntervalParams& params = kHiIntervals);

// Seconds with 100·P >= pct·FTP (e.g. t_hi at 105 %, §5.2); 0 if ftp <= 0.
double SecondsAtOrAbove(const std::vector<double>& power_1hz, double ftp, int pct);

}  // namespace pelo::analytics
