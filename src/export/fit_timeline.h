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

// A sample's values as their FIT fields hold them, nullopt where absent or out of the field's
// range (dropped, never wrapped or clamped): power uint16 W, heart rate uint8 bpm (0 is
// Peloton's "no sensor"), cadence uint8 rpm (a rower's strokes per minute), speed m/s.
std::optional<int64_t> FitPowerW(const model::SampleRow& s);
std::optional<int64_t> FitHeartRateBpm(const model::SampleRow& s);
std::optional<int64_t> FitCadence(const model::SampleRow& s);
std::optional<double> FitSpeedMps(const model::SampleRow& s);

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
  std::optional<double> Mean() const {
    return n > 0 ? std::optional<double>(sum / static_cast<double>(n)) : std::nullopt;
  }
  std::optional<double> Max() const { return n > 0 ? std::optional<double>(max) : std::nullopt; }
};

// The totals of samples [begin, end).
struct FitSampleStats {
  FitStat power, heart_rate, cadence, speed;
  std::optional<double> work_j;  // power x the time each sample stands for; nullopt without power
};

FitSampleStats FitStatsOf(const Activity& activity, const FitTimeline& timeline, size_t begin,
                          size_t end);

}  // namespace pelo::exporter::internal
