// Internal: what the FIT writer derives from an Activity before writing a message: when the
// timer ran (the samples' own time axis, with its pauses), each sample's values as FIT can hold
// them, and the totals of a stretch of samples. Records, laps and the session all read the same
// values, so a lap's maximum is a record's value and the laps' times add up to the session's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "pelo/export/activity.h"

namespace pelo::exporter::internal {

// A stretch of the samples' time axis [begin_s, end_s) while the timer ran.
struct FitTimerRun {
  int64_t begin_s = 0;
  int64_t end_s = 0;
};

// The session's time: from the workout's start (t = 0, or the first sample or set if earlier)
// to the end of the last sample's step or the last set, whichever is later. The timer runs from
// the first sample (or from 0 when that is within one step of it) and stops wherever the next
// sample comes more than a step later (a pause: the workout's data has a hole there, and FIT
// says so with a timer stop and start instead of inventing records).
struct FitTimeline {
  int64_t step_s = 1;
  int64_t begin_s = 0;
  int64_t end_s = 0;
  std::vector<FitTimerRun> runs;

  int64_t ElapsedS() const { return end_s - begin_s; }
  int64_t TimerS() const { return TimerS(begin_s, end_s); }
  // The timer's seconds within [from_s, to_s).
  int64_t TimerS(int64_t from_s, int64_t to_s) const;
};

FitTimeline MakeFitTimeline(const Activity& activity);

// How long sample `i` stands for: until the next sample, at most one step (the last: one step).
int64_t FitHoldS(const std::vector<model::SampleRow>& samples, size_t i, int64_t step_s);

// A sample's values as their FIT record fields hold them, nullopt where absent or out of the
// field's range (dropped, never wrapped or clamped): power uint16 W (65535 is INVALID), heart
// rate uint8 bpm (0 is Peloton's "no sensor"), cadence uint8 rpm (a rower's strokes per minute),
// speed m/s (enhanced_speed, uint32 mm/s).
struct FitSampleValues {
  std::optional<uint16_t> power_w;
  std::optional<uint8_t> heart_rate_bpm;
  std::optional<uint8_t> cadence;
  std::optional<double> speed_mps;
};
FitSampleValues FitValuesOf(const model::SampleRow& s);

// Mean and maximum of the values a stretch holds.
struct FitStat {
  double sum = 0;
  int64_t n = 0;
  double max = 0;

  void Add(double v) {
    max = n == 0 ? v : (v > max ? v : max);
    sum += v;
    ++n;
  }
  void Merge(const FitStat& o) {
    if (o.n == 0) return;
    max = n == 0 ? o.max : (o.max > max ? o.max : max);
    sum += o.sum;
    n += o.n;
  }
  std::optional<double> Mean() const {
    return n > 0 ? std::optional<double>(sum / static_cast<double>(n)) : std::nullopt;
  }
  std::optional<double> Max() const { return n > 0 ? std::optional<double>(max) : std::nullopt; }
};

// The statistics of a stretch of samples: of a lap, or (merged) of the session.
struct FitSampleStats {
  FitStat power, heart_rate, cadence, speed;
  double work_j = 0;  // power x the time each sample stands for (FitHoldS)

  void Add(const FitSampleValues& v, int64_t hold_s);
  void Merge(const FitSampleStats& o);
  std::optional<double> WorkJ() const {
    return power.n > 0 ? std::optional<double>(work_j) : std::nullopt;
  }
};

}  // namespace pelo::exporter::internal
