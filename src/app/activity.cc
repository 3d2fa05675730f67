// BuildActivity, the laps of each source and StackActivities: a stored workout (or several back to
// back) as the file writers take it.
#include "pelo/app/activity.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

#include "pelo/analytics/power.h"
#include "pelo/analytics/ride_power.h"
#include "pelo/common/time_zone.h"
#include "pelo/export/csv.h"
#include "pelo/export/fit.h"

namespace pelo::app {
namespace {

constexpr double kMetresPerMile = 1609.344;
constexpr double kKgPerLb = 0.45359237;

bool IsRowing(std::string_view discipline) { return discipline == "caesar"; }

// `laps` in time order, made to tile the samples' span [first t_s, last t_s + step): a lap that
// starts past the end is left out, a gap between two laps goes to the earlier, an overlap is cut
// at the later lap's start, the first lap reaches back to the first sample and the last one on
// to the end. Without samples the laps stay as given (ordered, positive).
std::vector<exporter::Lap> TileLaps(std::vector<exporter::Lap> laps,
                                    const std::vector<model::SampleRow>& samples) {
  std::erase_if(laps, [](const exporter::Lap& lap) { return lap.length_s <= 0; });
  std::stable_sort(laps.begin(), laps.end(), [](const exporter::Lap& a, const exporter::Lap& b) {
    return a.start_s < b.start_s;
  });
  if (samples.empty() || laps.empty()) return laps;
  const int64_t begin = samples.front().t_s;
  const int64_t end = samples.back().t_s + exporter::SampleStepS(samples);
  std::erase_if(laps, [end](const exporter::Lap& lap) { return lap.start_s >= end; });
  // Laps starting at the same second: the later one wins the second (the earlier is empty).
  for (size_t i = 0; i + 1 < laps.size();) {
    if (laps[i].start_s == laps[i + 1].start_s) {
      laps.erase(laps.begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      ++i;
    }
  }
  if (laps.empty()) return laps;
  laps.front().length_s += std::max<int64_t>(0, laps.front().start_s - begin);
  laps.front().start_s = std::min(laps.front().start_s, begin);
  for (size_t i = 0; i + 1 < laps.size(); ++i) {
    laps[i].length_s = laps[i + 1].start_s - laps[i].start_s;
  }
  laps.back().length_s = std::max<int64_t>(1, end - laps.back().start_s);
  return laps;
}

// The part's power at 1 Hz (each sample held for its step, analytics.md §1.2); empty without
// power.
std::vector<double> Power1Hz(const exporter::Activity& p) {
  std::vector<std::optional<double>> series;
  series.reserve(p.samples.size());
  bool any = false;
  for (const model::SampleRow& s : p.samples) {
    series.push_back(s.output_w);
    any = any || s.output_w.has_value();
  }
  if (!any) return {};
  return analytics::ToPower1Hz(series, static_cast<int>(exporter::SampleStepS(p.samples)));
}

std::optional<double> Positive(std::optional<double> v) {
  if (v && std::isfinite(*v) && *v > 0) return v;
  return std::nullopt;
}

// Sum of the known values; nullopt when none is known.
void AddTo(std::optional<double>& total, std::optional<double> v) {
  if (!v || !std::isfinite(*v)) return;
  total = total.value_or(0) + *v;
}

}  // namespace

std::optional<LapSource> ParseLapSource(std::string_view text) {
  if (text == "segments") return LapSource::kSegments;
  if (text == "targets") return LapSource::kTargets;
  if (text == "distance") return LapSource::kDistance;
  if (text == "none") return LapSource::kNone;
  return std::nullopt;
}

std::optional<double> ParseLapDistanceM(std::string_view text) {
  double value = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  const auto [end, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || end == first) return std::nullopt;
  const std::string_view unit(end, static_cast<size_t>(last - end));
  double metres = 0;
  if (unit == "m") {
    metres = value;
  } else if (unit == "km") {
    metres = value * 1000;
  } else if (unit == "mi") {
    metres = value * kMetresPerMile;
  } else {
    return std::nullopt;
  }
  if (!std::isfinite(metres) || metres < 1 || metres > 1e7) return std::nullopt;
  return metres;
}

std::vector<exporter::Lap> SegmentLaps(const std::vector<model::Segment>& segments) {
  std::vector<exporter::Lap> laps;
  laps.reserve(segments.size());
  for (const model::Segment& s : segments) {
    if (s.length > 0) laps.push_back({s.start_time_offset, s.length, s.name});
  }
  return laps;
}

std::vector<exporter::Lap> DistanceLaps(const exporter::Activity& activity, double lap_m) {
  std::vector<exporter::Lap> laps;
  if (!(lap_m > 0) || activity.samples.empty()) return laps;
  const std::vector<double> distance = exporter::CumulativeDistanceM(activity);
  if (!(distance.back() > 0)) return laps;
  const auto& samples = activity.samples;
  int64_t start = samples.front().t_s;
  double next = lap_m;
  for (size_t i = 0; i < samples.size(); ++i) {
    if (distance[i] + 1e-6 < next) continue;
    if (samples[i].t_s > start) {
      laps.push_back({start, samples[i].t_s - start, ""});
      start = samples[i].t_s;
    }
    while (next <= distance[i] + 1e-6) next += lap_m;
  }
  const int64_t end = samples.back().t_s + exporter::SampleStepS(samples);
  if (end > start) laps.push_back({start, end - start, ""});
  return laps;
}

std::vector<exporter::Lap> TargetLaps(const std::vector<model::TargetBlock>& blocks,
                                      std::optional<int64_t> pedaling_start_offset_s) {
  std::vector<exporter::Lap> laps;
  laps.reserve(blocks.size());
  const int64_t zero = pedaling_start_offset_s.value_or(0);
  for (const model::TargetBlock& b : blocks) {
    if (b.end_s < b.start_s) continue;
    std::string name;
    for (const model::TargetMetric& m : b.metrics) {
      if (!m.lower && !m.upper) continue;
      if (!name.empty()) name += ", ";
      name += m.name == "power_zone" ? "power zone" : m.name;
      name += ' ';
      if (m.lower && m.upper && *m.lower != *m.upper) {
        name += exporter::FormatNumber(m.lower) + "-" + exporter::FormatNumber(m.upper);
      } else {
        name += exporter::FormatNumber(m.lower ? m.lower : m.upper);
      }
    }
    laps.push_back({b.start_s - zero, b.end_s - b.start_s + 1, std::move(name)});
  }
  return laps;
}

std::vector<exporter::StrengthSet> StrengthSets(const std::vector<model::TrackedMovement>& tracked,
                                                const std::vector<model::ClassPlanStep>& plan) {
  std::vector<exporter::StrengthSet> sets;
  auto rest = [](int64_t start, int64_t length) {
    exporter::StrengthSet set;
    set.start_s = start;
    set.duration_s = length;
    set.rest = true;
    set.movement_name = "Rest";
    return set;
  };
  if (!tracked.empty()) {
    std::vector<const model::TrackedMovement*> order;
    for (const model::TrackedMovement& m : tracked) order.push_back(&m);
    std::stable_sort(order.begin(), order.end(),
                     [](const auto* a, const auto* b) { return a->offset_s < b->offset_s; });
    for (const model::TrackedMovement* m : order) {
      if (!sets.empty()) {
        const int64_t end = sets.back().start_s + sets.back().duration_s;
        if (m->offset_s > end) sets.push_back(rest(end, m->offset_s - end));
      }
      exporter::StrengthSet set;
      set.start_s = m->offset_s;
      set.duration_s = std::max<int64_t>(0, m->length_s);
      set.movement_id = m->movement_id;
      set.movement_name = m->movement_name;
      if (!m->is_hold && m->completed_number && std::isfinite(*m->completed_number) &&
          *m->completed_number >= 0 && *m->completed_number < 1e6) {
        set.repetitions = std::llround(*m->completed_number);
      }
      // Two dumbbells are two entries: the weight moved is their sum (P2G halves it, #727).
      for (const model::MovementWeight& w : m->weights) {
        if (!std::isfinite(w.value) || w.value < 0) continue;
        if (w.unit == "lb") {
          set.weight_kg = set.weight_kg.value_or(0) + w.value * kKgPerLb;
        } else if (w.unit == "kg") {
          set.weight_kg = set.weight_kg.value_or(0) + w.value;
        }
      }
      sets.push_back(std::move(set));
    }
    return sets;
  }
  std::vector<const model::ClassPlanStep*> steps;
  for (const model::ClassPlanStep& step : plan) {
    if (step.length_s > 0) steps.push_back(&step);
  }
  std::stable_sort(steps.begin(), steps.end(),
                   [](const auto* a, const auto* b) { return a->offset_s < b->offset_s; });
  for (const model::ClassPlanStep* step : steps) {
    std::vector<const model::PlannedMovement*> movements;
    for (const model::PlannedMovement& m : step->movements) {
      if (m.name != "Rest") movements.push_back(&m);
    }
    if (step->type == "rest" || movements.empty()) {
      sets.push_back(rest(step->offset_s, step->length_s));
      continue;
    }
    // The step's time shared among its movements (a circuit of two: half each), the remainder
    // to the last, so that the sets tile the step.
    const auto n = static_cast<int64_t>(movements.size());
    const int64_t each = step->length_s / n;
    for (int64_t i = 0; i < n; ++i) {
      if (each == 0 && i + 1 < n) continue;
      exporter::StrengthSet set;
      set.start_s = step->offset_s + i * each;
      set.duration_s = i + 1 < n ? each : step->length_s - i * each;
      set.movement_id = movements[static_cast<size_t>(i)]->id;
      set.movement_name = movements[static_cast<size_t>(i)]->name;
      sets.push_back(std::move(set));
    }
  }
  return sets;
}

void ToSampleTime(exporter::Activity& a) {
  if (a.samples.size() < 2) return;
  // The pauses: where t_s jumps by more than a sampling step, from the step after the sample
  // before the jump, for the rest of it.
  const int64_t step = exporter::SampleStepS(a.samples);
  std::vector<std::pair<int64_t, int64_t>> pauses;  // (first paused second, length)
  for (size_t i = 1; i < a.samples.size(); ++i) {
    const int64_t jump = a.samples[i].t_s - a.samples[i - 1].t_s;
    if (jump > step) pauses.emplace_back(a.samples[i - 1].t_s + step, jump - step);
  }
  if (pauses.empty()) return;
  auto map = [&pauses](int64_t class_s) {
    int64_t t = class_s;
    for (const auto& [from, length] : pauses) {
      if (t >= from) t += length;
    }
    return t;
  };
  for (exporter::Lap& lap : a.laps) {
    const int64_t end = map(lap.start_s + lap.length_s);
    lap.start_s = map(lap.start_s);
    lap.length_s = end - lap.start_s;
  }
  for (exporter::StrengthSet& set : a.sets) {
    const int64_t end = map(set.start_s + set.duration_s);
    set.start_s = map(set.start_s);
    set.duration_s = end - set.start_s;
  }
}

exporter::Activity BuildActivity(const RideDetail& ride, const ActivityOptions& options) {
  const model::WorkoutRow& w = ride.workout;
  exporter::Activity a;
  a.workout_id = w.workout_id;
  a.title = w.title;
  a.discipline = w.discipline;
  a.is_outdoor = ride.is_outdoor;
  a.start_time = w.start_time.value_or(0);
  a.samples = ride.samples;
  a.gps = ride.gps;
  exporter::AddRouteSeconds(a);
  a.distance_km = Positive(w.distance_km);
  a.calories_kcal = w.calories_kcal;
  if (w.start_time && !w.timezone.empty()) {
    if (const auto offset = UtcOffsetSeconds(w.timezone, *w.start_time)) a.utc_offset_s = *offset;
  }

  // Peloton's own summary first (what `pelo workouts` shows); pelo's metrics where it has none.
  const model::RideMetricsRow* m = ride.metrics ? &ride.metrics->metrics : nullptr;
  a.total_work_kj = w.total_output;
  a.avg_power_w = w.average_output;
  a.max_power_w = w.max_output;
  a.avg_heart_rate_bpm = w.average_heart_rate;
  a.max_heart_rate_bpm = w.max_heart_rate;
  a.avg_cadence_rpm = w.average_cadence;
  if (m) {
    if (!a.total_work_kj) a.total_work_kj = m->kj;
    if (!a.avg_power_w) a.avg_power_w = m->avg_power;
    if (!a.max_power_w) a.max_power_w = m->mmp_1s;
    if (!a.avg_heart_rate_bpm) a.avg_heart_rate_bpm = m->avg_hr;
    a.normalized_power_w = m->np;
    a.intensity_factor = m->intensity_factor;
    a.training_stress_score = m->tss;
  }
  a.ftp_w = Positive(ride.ftp);
  for (const PowerZoneBand& z : ride.power_zones) {
    if (z.zone >= 1 && z.zone <= 7) a.power_zone_s[static_cast<size_t>(z.zone - 1)] = z.seconds;
  }
  for (const HeartRateZoneBand& z : ride.heart_rate_zones) {
    if (z.zone < 1 || z.zone > 5) continue;
    const auto i = static_cast<size_t>(z.zone - 1);
    a.heart_rate_zone_s[i] = z.seconds;
    if (i < a.heart_rate_zone_high_bpm.size()) a.heart_rate_zone_high_bpm[i] = z.high_bpm;
  }
  const auto device = options.devices.find(w.discipline);
  a.device = device != options.devices.end()
                 ? device->second
                 : exporter::DefaultFitDevice(w.discipline, ride.is_outdoor);

  a.total_ascent_m = Positive(ride.elevation_gain_m);
  a.sets = StrengthSets(ride.tracked_movements, ride.class_plan);

  // Segments, target blocks and sets are on the class's clock; distance laps come from the
  // samples themselves.
  if (options.laps == LapSource::kSegments) a.laps = SegmentLaps(ride.segments);
  if (options.laps == LapSource::kTargets) {
    a.laps = TargetLaps(ride.target_blocks, ride.pedaling_start_offset_s);
  }
  ToSampleTime(a);
  if (options.laps == LapSource::kDistance) {
    a.laps = DistanceLaps(a, options.lap_distance_m.value_or(IsRowing(w.discipline) ? 500 : 1000));
  }
  a.laps = TileLaps(std::move(a.laps), a.samples);
  return a;
}

exporter::Activity StackActivities(std::vector<exporter::Activity> parts) {
  exporter::Activity a = std::move(parts.front());
  const int64_t origin = a.start_time;
  // The whole of each part, by its samples, else its sets (its own laps give way to one lap per
  // class).
  auto span = [](const exporter::Activity& p) -> std::pair<int64_t, int64_t> {
    if (!p.samples.empty()) {
      return {std::min<int64_t>(0, p.samples.front().t_s),
              p.samples.back().t_s + exporter::SampleStepS(p.samples)};
    }
    if (!p.sets.empty()) {
      return {p.sets.front().start_s, p.sets.back().start_s + p.sets.back().duration_s};
    }
    return {0, 0};
  };
  {
    const auto [from, to] = span(a);
    a.laps = {exporter::Lap{from, to - from, a.title}};
  }
  // NP over the classes' riding time, the breaks between them left out (as a pause is).
  std::vector<double> power_1hz = Power1Hz(a);
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::vector<double> more = Power1Hz(parts[i]);
    power_1hz.insert(power_1hz.end(), more.begin(), more.end());
  }
  if (parts.size() == 1) return a;
  double seconds = static_cast<double>(span(a).second - span(a).first);
  // Duration-weighted sums of the averages, each with the seconds it covers.
  struct Weighted {
    double sum = 0, seconds = 0;
    void Add(std::optional<double> v, double s) {
      if (!v || !std::isfinite(*v) || s <= 0) return;
      sum += *v * s;
      seconds += s;
    }
    std::optional<double> Mean() const {
      return seconds > 0 ? std::optional<double>(sum / seconds) : std::nullopt;
    }
  } power, hr, cadence;
  power.Add(a.avg_power_w, seconds);
  hr.Add(a.avg_heart_rate_bpm, seconds);
  cadence.Add(a.avg_cadence_rpm, seconds);
  bool distance_known = a.distance_km.has_value();
  for (size_t i = 1; i < parts.size(); ++i) {
    exporter::Activity& p = parts[i];
    const int64_t shift = p.start_time - origin;
    const auto [from, to] = span(p);
    a.laps.push_back({from + shift, to - from, p.title});
    for (model::SampleRow& s : p.samples) s.t_s += shift;
    for (model::GpsPoint& g : p.gps) g.seconds_offset += shift;
    for (exporter::StrengthSet& set : p.sets) set.start_s += shift;
    a.samples.insert(a.samples.end(), std::make_move_iterator(p.samples.begin()),
                     std::make_move_iterator(p.samples.end()));
    a.gps.insert(a.gps.end(), p.gps.begin(), p.gps.end());
    a.sets.insert(a.sets.end(), p.sets.begin(), p.sets.end());
    const double s = static_cast<double>(to - from);
    power.Add(p.avg_power_w, s);
    hr.Add(p.avg_heart_rate_bpm, s);
    cadence.Add(p.avg_cadence_rpm, s);
    distance_known = distance_known && p.distance_km.has_value();
    AddTo(a.distance_km, p.distance_km);
    AddTo(a.calories_kcal, p.calories_kcal);
    AddTo(a.total_work_kj, p.total_work_kj);
    AddTo(a.training_stress_score, p.training_stress_score);
    AddTo(a.total_ascent_m, p.total_ascent_m);
    for (size_t z = 0; z < a.power_zone_s.size(); ++z) AddTo(a.power_zone_s[z], p.power_zone_s[z]);
    for (size_t z = 0; z < a.heart_rate_zone_s.size(); ++z) {
      AddTo(a.heart_rate_zone_s[z], p.heart_rate_zone_s[z]);
    }
    for (std::optional<double> exporter::Activity::*field :
         {&exporter::Activity::max_power_w, &exporter::Activity::max_heart_rate_bpm}) {
      if (p.*field && (!(a.*field) || *(p.*field) > *(a.*field))) a.*field = p.*field;
    }
  }
  // A part without a stored distance would make the sum short of what the samples cover.
  if (!distance_known) a.distance_km.reset();
  a.avg_power_w = power.Mean();
  a.avg_heart_rate_bpm = hr.Mean();
  a.avg_cadence_rpm = cadence.Mean();
  a.normalized_power_w = analytics::NormalizedPower(power_1hz);
  a.intensity_factor.reset();
  if (a.normalized_power_w && a.ftp_w) a.intensity_factor = *a.normalized_power_w / *a.ftp_w;
  return a;
}

}  // namespace pelo::app
