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

FitSampleValues FitValuesOf(const model::SampleRow& s) {
  FitSampleValues v;
  if (const auto w = FitWholeIn(s.output_w, 0, 65534)) v.power_w = static_cast<uint16_t>(*w);
  if (const auto hr = FitWholeIn(s.heart_rate_bpm, 1, 254)) {
    v.heart_rate_bpm = static_cast<uint8_t>(*hr);
  }
  const auto cadence = FitWholeIn(s.cadence_rpm ? s.cadence_rpm : s.stroke_rate_spm, 0, 254);
  if (cadence) v.cadence = static_cast<uint8_t>(*cadence);
  // enhanced_speed is uint32 mm/s: anything a workout reaches fits, a corrupt value may not.
  const std::optional<double> speed = SampleSpeedMps(s);
  if (speed && *speed * 1000.0 <= 4294967294.0) v.speed_mps = speed;
  return v;
}

void FitSampleStats::Add(const FitSampleValues& v, int64_t hold_s) {
  if (v.power_w) {
    power.Add(*v.power_w);
    work_j += static_cast<double>(*v.power_w) * static_cast<double>(hold_s);
  }
  if (v.heart_rate_bpm) heart_rate.Add(*v.heart_rate_bpm);
  if (v.cadence) cadence.Add(*v.cadence);
  if (v.speed_mps) speed.Add(*v.speed_mps);
}

void FitSampleStats::Merge(const FitSampleStats& o) {
  power.Merge(o.power);
  heart_rate.Merge(o.heart_rate);
  cadence.Merge(o.cadence);
  speed.Merge(o.speed);
  work_j += o.work_j;
}

}  // namespace pelo::exporter::internal
