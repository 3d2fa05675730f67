#include "fit_timeline.h"

#include <algorithm>
#include <cmath>

#include "pelo/export/fit_writer.h"

namespace pelo::exporter::internal {
namespace {

// A whole number of `v` within [lo, hi], as the field would hold it; nullopt otherwise.
std::optional<int64_t> FitWholeIn(const std::optional<double>& v, int64_t lo, int64_t hi) {
  const std::optional<int64_t> whole = fit::Scaled(v, 1);
  if (!whole || *whole < lo || *whole > hi) return std::nullopt;
  return whole;
}

}  // namespace

int64_t FitTimeline::TimerS(int64_t from_s, int64_t to_s) const {
  int64_t total = 0;
  for (const FitTimerRun& run : runs) {
    const int64_t b = std::max(run.begin_s, from_s);
    const int64_t e = std::min(run.end_s, to_s);
    if (e > b) total += e - b;
  }
  return total;
}

int64_t FitHoldS(const std::vector<model::SampleRow>& samples, size_t i, int64_t step_s) {
  if (i + 1 >= samples.size()) return step_s;
  return std::clamp<int64_t>(samples[i + 1].t_s - samples[i].t_s, 0, step_s);
}

FitTimeline MakeFitTimeline(const Activity& a) {
  FitTimeline tl;
  tl.step_s = SampleStepS(a.samples);
  const auto& samples = a.samples;
  int64_t first = 0, last = 0;
  bool any = false;
  auto cover = [&](int64_t from, int64_t to) {
    first = any ? std::min(first, from) : from;
    last = any ? std::max(last, to) : to;
    any = true;
  };
  if (!samples.empty()) cover(samples.front().t_s, samples.back().t_s + tl.step_s);
  for (const StrengthSet& s : a.sets)
    cover(s.start_s, s.start_s + std::max<int64_t>(0, s.duration_s));
  tl.begin_s = std::min<int64_t>(0, first);
  tl.end_s = std::max(last, tl.begin_s);

  if (samples.empty()) {
    // Sets alone: nothing says the timer stopped between them.
    tl.runs.push_back({tl.begin_s, tl.end_s});
    return tl;
  }
  // A first sample within a step of the start continues the timer from the start.
  int64_t run_begin =
      samples.front().t_s - tl.begin_s <= tl.step_s ? tl.begin_s : samples.front().t_s;
  for (size_t i = 0; i + 1 < samples.size(); ++i) {
    if (samples[i + 1].t_s - samples[i].t_s > tl.step_s) {
      tl.runs.push_back({run_begin, samples[i].t_s + tl.step_s});
      run_begin = samples[i + 1].t_s;
    }
  }
  // The last run lasts to the session's end: a set after the last sample is timed too.
  tl.runs.push_back({run_begin, tl.end_s});
  return tl;
}

std::optional<int64_t> FitPowerW(const model::SampleRow& s) {
  return FitWholeIn(s.output_w, 0, 65534);
}

std::optional<int64_t> FitHeartRateBpm(const model::SampleRow& s) {
  return FitWholeIn(s.heart_rate_bpm, 1, 254);
}

std::optional<int64_t> FitCadence(const model::SampleRow& s) {
  return FitWholeIn(s.cadence_rpm ? s.cadence_rpm : s.stroke_rate_spm, 0, 254);
}

std::optional<double> FitSpeedMps(const model::SampleRow& s) {
  const std::optional<double> v = SampleSpeedMps(s);
  // enhanced_speed is uint32 mm/s: anything a workout reaches fits, a corrupt value may not.
  if (!v || *v * 1000.0 > 4294967294.0) return std::nullopt;
  return v;
}

FitSampleStats FitStatsOf(const Activity& a, const FitTimeline& tl, size_t begin, size_t end) {
  FitSampleStats st;
  double work = 0;
  for (size_t i = begin; i < end && i < a.samples.size(); ++i) {
    const model::SampleRow& s = a.samples[i];
    if (const auto v = FitPowerW(s)) {
      st.power.Add(static_cast<double>(*v));
      work += static_cast<double>(*v) * static_cast<double>(FitHoldS(a.samples, i, tl.step_s));
    }
    if (const auto v = FitHeartRateBpm(s)) st.heart_rate.Add(static_cast<double>(*v));
    if (const auto v = FitCadence(s)) st.cadence.Add(static_cast<double>(*v));
    if (const auto v = FitSpeedMps(s)) st.speed.Add(*v);
  }
  if (st.power.n > 0) st.work_j = work;
  return st;
}

}  // namespace pelo::exporter::internal
