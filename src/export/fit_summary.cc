#include "fit_summary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace pelo::exporter::internal {
namespace {

namespace fit_enum = fit::types;

// Lower bounds of power zones 2..7 in % of FTP: pelo's 7 zones (analytics.md §2.10), the same
// numbers as analytics::kPowerZonePct in include/pelo/analytics/zones.h, copied because the export
// layer sees only model and common. Zones are half-open: 100 x watts >= pct x FTP is the next zone.
constexpr std::array<int, 6> kFitPowerZoneLowerPct = {55, 75, 90, 105, 120, 150};

// An array element the writer turns into INVALID: -1 is outside every unsigned field's range.
constexpr int64_t kFitUnknownElement = -1;

int64_t FitSummaryTime(const Activity& a, int64_t t_s) {
  return fit::FitTimestamp(a.start_time + t_s);
}

std::optional<int64_t> FitWhole(std::optional<double> v) { return fit::Scaled(v, 1); }

// The largest whole value still below `bound` (the top of a half-open zone [lo, bound) as FIT's
// inclusive *_zone_high_boundary says it): 109 for 110, 117 for 117.5.
std::optional<int64_t> FitLastBelow(double bound) {
  if (!std::isfinite(bound) || bound <= 0 || bound > 1e9) return std::nullopt;
  auto w = static_cast<int64_t>(std::floor(bound));
  while (static_cast<double>(w) >= bound) --w;
  return w;
}

// Seconds as the zone arrays hold them (ms), unknown zones INVALID; empty when none is known.
template <size_t N>
std::vector<int64_t> FitZoneMs(const std::array<std::optional<double>, N>& zones) {
  std::vector<int64_t> ms(N, kFitUnknownElement);
  bool any = false;
  for (size_t z = 0; z < N; ++z) {
    if (const auto v = fit::Milliseconds(zones[z]); v && *v >= 0) {
      ms[z] = *v;
      any = true;
    }
  }
  if (!any) ms.clear();
  return ms;
}

std::optional<double> FitValidFtp(const Activity& a) {
  if (a.ftp_w && std::isfinite(*a.ftp_w) && *a.ftp_w > 0) return a.ftp_w;
  return std::nullopt;
}

// The stored value when there is one, else the samples'.
std::optional<double> FitStored(const std::optional<double>& stored,
                                const std::optional<double>& computed) {
  return stored ? stored : computed;
}

}  // namespace

FitSport FitSportOf(std::string_view d, bool is_outdoor) {
  namespace sport = fit_enum::sport;
  namespace sub = fit_enum::sub_sport;
  if (d == "cycling") return {sport::kCycling, is_outdoor ? sub::kGeneric : sub::kIndoorCycling};
  if (d == "running") return {sport::kRunning, is_outdoor ? sub::kGeneric : sub::kTreadmill};
  if (d == "walking") return {sport::kWalking, is_outdoor ? sub::kGeneric : sub::kTreadmill};
  if (d == "caesar") return {sport::kRowing, is_outdoor ? sub::kGeneric : sub::kIndoorRowing};
  if (d == "strength") return {sport::kTraining, sub::kStrengthTraining};
  if (d == "yoga") return {sport::kTraining, sub::kYoga};
  if (d == "meditation") return {sport::kTraining, sub::kBreathing};
  if (d == "stretching") return {sport::kTraining, sub::kFlexibilityTraining};
  if (d == "cardio" || d == "circuit" || d == "bootcamp" || d == "bike_bootcamp" ||
      d == "caesar_bootcamp") {
    return {sport::kTraining, sub::kCardioTraining};
  }
  return {sport::kGeneric, sub::kGeneric};
}

std::vector<FitLapSpan> FitLapSpans(const Activity& a, const FitTimeline& tl) {
  std::vector<FitLapSpan> laps;
  if (!a.sets.empty()) {
    for (const StrengthSet& s : a.sets) laps.push_back({s.start_s, s.duration_s, 0, 0});
  } else if (!a.laps.empty()) {
    for (const Lap& l : a.laps) laps.push_back({l.start_s, l.length_s, 0, 0});
  } else {
    laps.push_back({tl.begin_s, tl.ElapsedS(), 0, 0});
  }
  auto first_at = [&](int64_t t) {
    return static_cast<size_t>(
        std::lower_bound(a.samples.begin(), a.samples.end(), t,
                         [](const model::SampleRow& s, int64_t x) { return s.t_s < x; }) -
        a.samples.begin());
  };
  size_t begin = 0;
  for (size_t l = 0; l < laps.size(); ++l) {
    laps[l].length_s = std::max<int64_t>(0, laps[l].length_s);
    const size_t end =
        l + 1 < laps.size() ? std::max(begin, first_at(laps[l + 1].start_s)) : a.samples.size();
    laps[l].begin = begin;
    laps[l].end = end;
    begin = end;
  }
  return laps;
}

std::vector<FitSampleStats> FitLapStats(const Activity& a, const FitTimeline& tl,
                                        const std::vector<FitSampleValues>& values,
                                        const std::vector<FitLapSpan>& laps) {
  std::vector<FitSampleStats> stats(laps.size());
  for (size_t l = 0; l < laps.size(); ++l) {
    for (size_t i = laps[l].begin; i < laps[l].end && i < values.size(); ++i) {
      stats[l].Add(values[i], FitHoldS(a.samples, i, tl.step_s));
    }
  }
  return stats;
}

Status FitMessage::Write(fit::FitWriter& w, uint8_t local, uint16_t global) const {
  PELO_RETURN_IF_ERROR(w.Define(local, {global, fields_}));
  return w.Write(local, values_);
}

Status WriteFitLaps(fit::FitWriter& w, uint8_t local, const FitSummaryInput& in,
                    const std::vector<FitLapSpan>& laps, const std::vector<FitSampleStats>& stats) {
  namespace lap = fit::lap;
  const Activity& a = in.activity;
  PELO_RETURN_IF_ERROR(w.Define(local, {fit::mesg_num::kLap,
                                        {lap::kTimestamp,
                                         lap::kMessageIndex,
                                         lap::kEvent,
                                         lap::kEventType,
                                         lap::kStartTime,
                                         lap::kTotalElapsedTime,
                                         lap::kTotalTimerTime,
                                         lap::kTotalDistance,
                                         lap::kTotalCalories,
                                         lap::kAvgSpeed,
                                         lap::kMaxSpeed,
                                         lap::kEnhancedAvgSpeed,
                                         lap::kEnhancedMaxSpeed,
                                         lap::kAvgHeartRate,
                                         lap::kMaxHeartRate,
                                         lap::kAvgCadence,
                                         lap::kMaxCadence,
                                         lap::kAvgPower,
                                         lap::kMaxPower,
                                         lap::kTotalWork,
                                         lap::kLapTrigger,
                                         lap::kSport,
                                         lap::kSubSport}}));
  // Calories shared by time, rounded on the running sum so that the laps add up to the total
  // (as the TCX file shares them): no lap has its own count.
  int64_t lap_time = 0;
  for (const FitLapSpan& l : laps) lap_time += l.length_s;
  const std::optional<int64_t> total_kcal = FitWhole(a.calories_kcal);
  const std::vector<double>& d = in.distance_m;
  int64_t elapsed = 0, kcal_before = 0;
  for (size_t i = 0; i < laps.size(); ++i) {
    const FitLapSpan& l = laps[i];
    const FitSampleStats& st = stats[i];
    const int64_t timer_s = in.timeline.TimerS(l.start_s, l.start_s + l.length_s);
    elapsed += l.length_s;
    std::optional<int64_t> kcal;
    if (total_kcal && *total_kcal >= 0 && lap_time > 0) {
      const auto upto = static_cast<int64_t>(
          std::llround(static_cast<double>(*total_kcal) * static_cast<double>(elapsed) /
                       static_cast<double>(lap_time)));
      kcal = upto - kcal_before;
      kcal_before = upto;
    }
    // The lap's distance: from its first sample to the next lap's first, so that the laps add up
    // to the last sample's distance, the session's.
    std::optional<double> distance, avg_speed;
    if (in.has_distance) {
      const double from = l.begin < d.size() ? d[l.begin] : d.back();
      const double to = l.end < d.size() ? d[l.end] : d.back();
      distance = std::max(0.0, to - from);
      if (timer_s > 0) avg_speed = *distance / static_cast<double>(timer_s);
    }
    const bool last = i + 1 == laps.size();
    PELO_RETURN_IF_ERROR(
        w.Write(local, {FitSummaryTime(a, l.start_s + l.length_s),
                        static_cast<int64_t>(i),
                        fit_enum::event::kLap,
                        fit_enum::event_type::kStop,
                        FitSummaryTime(a, l.start_s),
                        l.length_s * 1000,
                        timer_s * 1000,
                        fit::DistanceM(distance),
                        kcal,
                        fit::SpeedMps(avg_speed),
                        fit::SpeedMps(st.speed.Max()),
                        fit::SpeedMps(avg_speed),
                        fit::SpeedMps(st.speed.Max()),
                        FitWhole(st.heart_rate.Mean()),
                        FitWhole(st.heart_rate.Max()),
                        FitWhole(st.cadence.Mean()),
                        FitWhole(st.cadence.Max()),
                        FitWhole(st.power.Mean()),
                        FitWhole(st.power.Max()),
                        FitWhole(st.WorkJ()),
                        last ? fit_enum::lap_trigger::kSessionEnd : fit_enum::lap_trigger::kManual,
                        in.sport.sport,
                        in.sport.sub_sport}));
  }
  return OkStatus();
}

Status WriteFitSession(fit::FitWriter& w, uint8_t local, const FitSummaryInput& in,
                       const FitSampleStats& st, size_t num_laps) {
  namespace s = fit::session;
  const Activity& a = in.activity;
  const FitTimeline& tl = in.timeline;
  std::optional<double> distance;
  if (a.distance_km && std::isfinite(*a.distance_km) && *a.distance_km >= 0) {
    distance = *a.distance_km * 1000.0;
  } else if (in.has_distance) {
    distance = in.distance_m.back();
  }
  std::optional<double> avg_speed;
  if (distance && tl.TimerS() > 0) avg_speed = *distance / static_cast<double>(tl.TimerS());
  std::optional<double> work_j = st.WorkJ();
  if (a.total_work_kj) work_j = *a.total_work_kj * 1000.0;
  const std::vector<int64_t> hr_zones = FitZoneMs(a.heart_rate_zone_s);
  const std::vector<int64_t> power_zones = FitZoneMs(a.power_zone_s);

  FitMessage m;
  m.Add(s::kTimestamp, FitSummaryTime(a, tl.end_s));
  m.Add(s::kMessageIndex, 0);
  m.Add(s::kEvent, fit_enum::event::kSession);
  m.Add(s::kEventType, fit_enum::event_type::kStop);
  m.Add(s::kStartTime, FitSummaryTime(a, tl.begin_s));
  m.Add(s::kSport, in.sport.sport);
  m.Add(s::kSubSport, in.sport.sub_sport);
  m.Add(s::kTotalElapsedTime, tl.ElapsedS() * 1000);
  m.Add(s::kTotalTimerTime, tl.TimerS() * 1000);
  m.AddIfPresent(s::kTotalDistance, fit::DistanceM(distance));
  m.AddIfPresent(s::kTotalCalories, FitWhole(a.calories_kcal));
  m.AddIfPresent(s::kAvgSpeed, fit::SpeedMps(avg_speed));
  m.AddIfPresent(s::kMaxSpeed, fit::SpeedMps(st.speed.Max()));
  m.AddIfPresent(s::kEnhancedAvgSpeed, fit::SpeedMps(avg_speed));
  m.AddIfPresent(s::kEnhancedMaxSpeed, fit::SpeedMps(st.speed.Max()));
  m.AddIfPresent(s::kAvgHeartRate, FitWhole(FitStored(a.avg_heart_rate_bpm, st.heart_rate.Mean())));
  m.AddIfPresent(s::kMaxHeartRate, FitWhole(FitStored(a.max_heart_rate_bpm, st.heart_rate.Max())));
  m.AddIfPresent(s::kAvgCadence, FitWhole(FitStored(a.avg_cadence_rpm, st.cadence.Mean())));
  m.AddIfPresent(s::kMaxCadence, FitWhole(st.cadence.Max()));
  m.AddIfPresent(s::kAvgPower, FitWhole(FitStored(a.avg_power_w, st.power.Mean())));
  m.AddIfPresent(s::kMaxPower, FitWhole(FitStored(a.max_power_w, st.power.Max())));
  m.AddIfPresent(s::kTotalWork, FitWhole(work_j));
  m.AddIfPresent(s::kTotalAscent, FitWhole(a.total_ascent_m));
  // NP, IF and TSS are pelo's analytics; the export layer does not compute them again.
  m.AddIfPresent(s::kNormalizedPower, FitWhole(a.normalized_power_w));
  m.AddIfPresent(s::kIntensityFactor, fit::Scaled(a.intensity_factor, 1000));
  m.AddIfPresent(s::kTrainingStressScore, fit::Scaled(a.training_stress_score, 10));
  m.AddIfPresent(s::kThresholdPower, FitWhole(FitValidFtp(a)));
  if (!hr_zones.empty()) {
    m.Add(fit::WithCount(s::kTimeInHrZone, static_cast<uint8_t>(hr_zones.size())), hr_zones);
  }
  if (!power_zones.empty()) {
    m.Add(fit::WithCount(s::kTimeInPowerZone, static_cast<uint8_t>(power_zones.size())),
          power_zones);
  }
  m.Add(s::kFirstLapIndex, 0);
  m.Add(s::kNumLaps, static_cast<int64_t>(num_laps));
  m.Add(s::kTrigger, fit_enum::session_trigger::kActivityEnd);
  return m.Write(w, local, fit::mesg_num::kSession);
}

Status WriteFitTimeInZone(fit::FitWriter& w, uint8_t local, const FitSummaryInput& in) {
  namespace z = fit::time_in_zone;
  const Activity& a = in.activity;
  const std::vector<int64_t> hr_zones = FitZoneMs(a.heart_rate_zone_s);
  const std::vector<int64_t> power_zones = FitZoneMs(a.power_zone_s);
  const std::optional<double> ftp = FitValidFtp(a);
  // Each zone's highest whole value; the top zone is open, so its bound is INVALID.
  std::vector<int64_t> power_bounds;
  if (ftp) {
    for (const int pct : kFitPowerZoneLowerPct) {
      power_bounds.push_back(
          FitLastBelow(static_cast<double>(pct) * *ftp / 100.0).value_or(kFitUnknownElement));
    }
    power_bounds.push_back(kFitUnknownElement);
  }
  std::vector<int64_t> hr_bounds;
  bool any_hr_bound = false;
  for (const std::optional<double>& b : a.heart_rate_zone_high_bpm) {
    // Already each zone's highest heart rate (activity.h); a fraction is not a whole bpm of it.
    const std::optional<int64_t> v =
        b && std::isfinite(*b) && *b >= 0 ? fit::Scaled(std::floor(*b), 1) : std::nullopt;
    hr_bounds.push_back(v.value_or(kFitUnknownElement));
    any_hr_bound = any_hr_bound || v.has_value();
  }
  hr_bounds.push_back(kFitUnknownElement);
  if (!any_hr_bound) hr_bounds.clear();
  if (hr_zones.empty() && power_zones.empty() && !ftp && hr_bounds.empty()) return OkStatus();

  FitMessage m;
  m.Add(z::kTimestamp, FitSummaryTime(a, in.timeline.end_s));
  m.Add(z::kReferenceMesg, fit::mesg_num::kSession);
  m.Add(z::kReferenceIndex, 0);
  auto add_array = [&](fit::FieldDef field, const std::vector<int64_t>& values) {
    if (!values.empty()) m.Add(fit::WithCount(field, static_cast<uint8_t>(values.size())), values);
  };
  add_array(z::kTimeInHrZone, hr_zones);
  add_array(z::kTimeInPowerZone, power_zones);
  add_array(z::kHrZoneHighBoundary, hr_bounds);
  add_array(z::kPowerZoneHighBoundary, power_bounds);
  if (ftp) {
    m.Add(z::kPwrCalcType, fit_enum::pwr_zone_calc::kPercentFtp);
    m.Add(z::kFunctionalThresholdPower, FitWhole(ftp));
  }
  return m.Write(w, local, fit::mesg_num::kTimeInZone);
}

}  // namespace pelo::exporter::internal
