// FitFile: a workout as a FIT activity file, in the order of Garmin's activity recipe (file_id,
// device_info, developer fields, timer start, records with the pauses as timer stop/start, laps,
// strength sets, session, time in zones, activity, timer stop).
//
// The title is not written: an activity file has no field for it (session.sport_profile_name is
// the recording device's sport profile, not the class), and the readers name an upload themselves.
#include "pelo/export/fit.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "fit_summary.h"
#include "fit_timeline.h"
#include "pelo/export/fit_exercises.h"
#include "pelo/export/fit_writer.h"

namespace pelo::exporter {
namespace {

using internal::FitTimeline;
namespace fit_types = fit::types;

// Local message types, one per kind of message.
constexpr uint8_t kFitLocalFileId = 0, kFitLocalDeviceInfo = 1, kFitLocalDeveloper = 2,
                  kFitLocalEvent = 3, kFitLocalRecord = 4, kFitLocalLap = 5, kFitLocalSet = 6,
                  kFitLocalSession = 7, kFitLocalTimeInZone = 8, kFitLocalActivity = 9;

// pelo's developer application id ("pelo.peloton.fit" in ASCII), the same in every file so that
// readers that keep developer fields by application (intervals.icu, GoldenCheetah) see one pelo.
constexpr std::array<uint8_t, 16> kFitPeloApplicationId = {'p', 'e', 'l', 'o', '.', 'p', 'e', 'l',
                                                           'o', 't', 'o', 'n', '.', 'f', 'i', 't'};
// The version of pelo's developer fields (their numbers, types and meaning), not of pelo: a new
// pelo must not change the bytes of an old workout's file.
constexpr uint32_t kFitDeveloperFieldsVersion = 1;
constexpr uint8_t kFitDeveloperIndex = 0;
// The values FIT has no field for, under Peloton's names and units: its resistance (a percentage
// of the bike's range, not FIT's record.resistance) and a rower's work per stroke.
constexpr uint8_t kFitResistanceNumber = 0, kFitOutputPerStrokeNumber = 1;

fit::DeveloperField FitResistanceField() {
  return {kFitDeveloperIndex, kFitResistanceNumber, fit::BaseType::kUint8, 1, "Resistance", "%"};
}
fit::DeveloperField FitOutputPerStrokeField() {
  return {kFitDeveloperIndex,     kFitOutputPerStrokeNumber,
          fit::BaseType::kUint16, 1,
          "Output per Stroke",    "J"};
}

int64_t FitFileTime(const Activity& a, int64_t t_s) {
  return fit::FitTimestamp(a.start_time + t_s);
}

// A rower's work per stroke: its power over the time of one stroke (60 s / strokes per minute).
std::optional<double> FitOutputPerStrokeJ(const model::SampleRow& s) {
  if (!s.output_w || !s.stroke_rate_spm || !std::isfinite(*s.output_w) ||
      !std::isfinite(*s.stroke_rate_spm) || *s.output_w <= 0 || *s.stroke_rate_spm <= 0) {
    return std::nullopt;
  }
  return *s.output_w * 60.0 / *s.stroke_rate_spm;
}

// A point on Earth (a point marked is_gap is still where the athlete was).
bool FitValidPosition(const model::GpsPoint& p) {
  return std::isfinite(p.latitude) && std::isfinite(p.longitude) && std::fabs(p.latitude) <= 90 &&
         std::fabs(p.longitude) <= 180;
}

// The position the GPS track gives for second `t`: the first valid point of that exact offset,
// matched by offset, never by index (the track and the samples need not have the same seconds).
// `cursor` walks the track (ordered by offset) along with the samples (ordered by time).
const model::GpsPoint* FitPositionAt(const std::vector<model::GpsPoint>& gps, size_t& cursor,
                                     int64_t t) {
  while (cursor < gps.size() && gps[cursor].seconds_offset < t) ++cursor;
  for (size_t j = cursor; j < gps.size() && gps[j].seconds_offset == t; ++j) {
    if (FitValidPosition(gps[j])) return &gps[j];
  }
  return nullptr;
}

// Which record fields the workout has values for: a field no sample fills is left out of the
// layout rather than written INVALID 10,800 times.
struct FitRecordLayout {
  bool position = false, altitude = false, heart_rate = false, cadence = false, distance = false,
       speed = false, power = false, grade = false, resistance = false, output_per_stroke = false;

  std::vector<fit::FieldDef> Fields() const {
    namespace r = fit::record;
    std::vector<fit::FieldDef> f = {r::kTimestamp};
    if (position) f.insert(f.end(), {r::kPositionLat, r::kPositionLong});
    if (altitude) f.push_back(r::kEnhancedAltitude);
    if (heart_rate) f.push_back(r::kHeartRate);
    if (cadence) f.push_back(r::kCadence);
    if (distance) f.push_back(r::kDistance);
    if (speed) f.push_back(r::kEnhancedSpeed);
    if (power) f.push_back(r::kPower);
    if (grade) f.push_back(r::kGrade);
    return f;
  }
  std::vector<fit::DeveloperFieldRef> DeveloperFields() const {
    std::vector<fit::DeveloperFieldRef> f;
    if (resistance) f.push_back({kFitDeveloperIndex, kFitResistanceNumber});
    if (output_per_stroke) f.push_back({kFitDeveloperIndex, kFitOutputPerStrokeNumber});
    return f;
  }
};

FitRecordLayout FitRecordLayoutOf(const Activity& a,
                                  const std::vector<internal::FitSampleValues>& values,
                                  bool has_distance) {
  FitRecordLayout l;
  l.distance = has_distance;
  l.position = std::any_of(a.gps.begin(), a.gps.end(), FitValidPosition);
  for (const internal::FitSampleValues& v : values) {
    l.heart_rate = l.heart_rate || v.heart_rate_bpm.has_value();
    l.cadence = l.cadence || v.cadence.has_value();
    l.speed = l.speed || v.speed_mps.has_value();
    l.power = l.power || v.power_w.has_value();
  }
  for (const model::SampleRow& s : a.samples) {
    l.altitude = l.altitude || (s.altitude_m && std::isfinite(*s.altitude_m));
    l.grade = l.grade || (s.incline_pct && std::isfinite(*s.incline_pct));
    const auto resistance = fit::Scaled(s.resistance_pct, 1);
    l.resistance = l.resistance || (resistance && *resistance >= 0 && *resistance <= 254);
    l.output_per_stroke = l.output_per_stroke || FitOutputPerStrokeJ(s).has_value();
  }
  return l;
}

Status WriteFitEvent(fit::FitWriter& w, const Activity& a, int64_t t_s, uint8_t event_type) {
  return w.Write(kFitLocalEvent, {FitFileTime(a, t_s), fit_types::event::kTimer, event_type});
}

Status WriteFitIdentity(fit::FitWriter& w, const Activity& a) {
  // An Activity that names no device (all zero: no FIT manufacturer is 0) gets its discipline's.
  const DeviceIdentity device =
      a.device == DeviceIdentity{} ? DefaultFitDevice(a.discipline, a.is_outdoor) : a.device;
  namespace f = fit::file_id;
  PELO_RETURN_IF_ERROR(w.Define(kFitLocalFileId, {fit::mesg_num::kFileId,
                                                  {f::kType, f::kManufacturer, f::kProduct,
                                                   f::kSerialNumber, f::kTimeCreated}}));
  PELO_RETURN_IF_ERROR(
      w.Write(kFitLocalFileId, {fit_types::file::kActivity, device.manufacturer, device.product,
                                device.serial_number, FitFileTime(a, 0)}));
  namespace d = fit::device_info;
  PELO_RETURN_IF_ERROR(
      w.Define(kFitLocalDeviceInfo, {fit::mesg_num::kDeviceInfo,
                                     {d::kTimestamp, d::kDeviceIndex, d::kManufacturer,
                                      d::kSerialNumber, d::kProduct, d::kSoftwareVersion}}));
  constexpr uint8_t kCreator = 0;  // device_index of the device that made the file
  return w.Write(kFitLocalDeviceInfo,
                 {FitFileTime(a, 0), kCreator, device.manufacturer, device.serial_number,
                  device.product, device.software_version});
}

// The records, one per sample at its own second, with a timer stop where the next sample comes
// more than a step later and a start at that sample (the runs of `tl`).
Status WriteFitRecords(fit::FitWriter& w, const Activity& a, const FitTimeline& tl,
                       const std::vector<internal::FitSampleValues>& sample_values,
                       const std::vector<double>& distance, const FitRecordLayout& layout) {
  PELO_RETURN_IF_ERROR(w.Define(
      kFitLocalRecord, {fit::mesg_num::kRecord, layout.Fields(), layout.DeveloperFields()}));
  size_t cursor = 0;
  std::array<fit::Value, 16> values;
  for (size_t i = 0; i < a.samples.size(); ++i) {
    const model::SampleRow& s = a.samples[i];
    const internal::FitSampleValues& v = sample_values[i];
    if (i > 0 && s.t_s - a.samples[i - 1].t_s > tl.step_s) {
      PELO_RETURN_IF_ERROR(
          WriteFitEvent(w, a, a.samples[i - 1].t_s + tl.step_s, fit_types::event_type::kStopAll));
      PELO_RETURN_IF_ERROR(WriteFitEvent(w, a, s.t_s, fit_types::event_type::kStart));
    }
    size_t n = 0;
    values[n++] = FitFileTime(a, s.t_s);
    if (layout.position) {
      const model::GpsPoint* p = FitPositionAt(a.gps, cursor, s.t_s);
      values[n++] = p ? fit::Semicircles(p->latitude) : std::nullopt;
      values[n++] = p ? fit::Semicircles(p->longitude) : std::nullopt;
    }
    if (layout.altitude) values[n++] = fit::AltitudeM(s.altitude_m);
    if (layout.heart_rate) values[n++] = v.heart_rate_bpm;
    if (layout.cadence) values[n++] = v.cadence;
    if (layout.distance) values[n++] = fit::DistanceM(distance[i]);
    if (layout.speed) values[n++] = fit::SpeedMps(v.speed_mps);
    if (layout.power) values[n++] = v.power_w;
    if (layout.grade) values[n++] = fit::Scaled(s.incline_pct, 100);
    if (layout.resistance) values[n++] = fit::Scaled(s.resistance_pct, 1);
    if (layout.output_per_stroke) values[n++] = fit::Scaled(FitOutputPerStrokeJ(s), 1);
    PELO_RETURN_IF_ERROR(w.Write(kFitLocalRecord, std::span<const fit::Value>(values.data(), n)));
  }
  return OkStatus();
}

// A set message per strength set: its exercise from the movement's name (category unknown when
// pelo has no mapping: the set is kept, never dropped), reps and weight where tracked.
Status WriteFitSets(fit::FitWriter& w, const Activity& a) {
  namespace s = fit::set;
  PELO_RETURN_IF_ERROR(w.Define(
      kFitLocalSet,
      {fit::mesg_num::kSet,
       {s::kTimestamp, s::kMessageIndex, s::kStartTime, s::kDuration, s::kSetType, s::kRepetitions,
        s::kWeight, fit::WithCount(s::kCategory, 1), fit::WithCount(s::kCategorySubtype, 1)}}));
  for (size_t i = 0; i < a.sets.size(); ++i) {
    const StrengthSet& set = a.sets[i];
    const bool rest = set.rest || IsRestMovement(set.movement_name);
    std::optional<int64_t> category, subtype;
    if (!rest) {
      const std::optional<FitExercise> e = FitExerciseFor(set.movement_name);
      category = e ? e->category : fit_types::exercise_category::kUnknown;
      if (e) subtype = e->subtype;
    }
    const int64_t duration_s = std::max<int64_t>(0, set.duration_s);
    PELO_RETURN_IF_ERROR(w.Write(
        kFitLocalSet, {FitFileTime(a, set.start_s + duration_s), static_cast<int64_t>(i),
                       FitFileTime(a, set.start_s), duration_s * 1000,
                       rest ? fit_types::set_type::kRest : fit_types::set_type::kActive,
                       rest ? std::nullopt : set.repetitions,
                       rest ? std::nullopt : fit::SetWeightKg(set.weight_kg), category, subtype}));
  }
  return OkStatus();
}

Status WriteFitActivity(fit::FitWriter& w, const Activity& a, const FitTimeline& tl) {
  namespace m = fit::activity;
  const int64_t end = FitFileTime(a, tl.end_s);
  internal::FitMessage msg;
  msg.Add(m::kTimestamp, end);
  msg.Add(m::kTotalTimerTime, tl.TimerS() * 1000);
  msg.Add(m::kNumSessions, 1);
  msg.Add(m::kType, fit_types::activity::kManual);
  msg.Add(m::kEvent, fit_types::event::kActivity);
  msg.Add(m::kEventType, fit_types::event_type::kStop);
  if (a.utc_offset_s) msg.Add(m::kLocalTimestamp, end + *a.utc_offset_s);
  return msg.Write(w, kFitLocalActivity, fit::mesg_num::kActivity);
}

}  // namespace

StatusOr<std::string> FitFile(const Activity& a) {
  if (a.samples.empty() && a.sets.empty()) {
    return Status(ErrorCode::kInvalidArgument, "no samples");
  }
  const FitTimeline tl = internal::MakeFitTimeline(a);
  const std::vector<double> distance = CumulativeDistanceM(a);
  const bool has_distance = !distance.empty() && distance.back() > 0;
  // Each sample's values, worked out once for its record, its lap and the session.
  std::vector<internal::FitSampleValues> values;
  values.reserve(a.samples.size());
  for (const model::SampleRow& s : a.samples) values.push_back(internal::FitValuesOf(s));
  const FitRecordLayout layout = FitRecordLayoutOf(a, values, has_distance);
  const std::vector<internal::FitLapSpan> laps = internal::FitLapSpans(a, tl);
  const std::vector<internal::FitSampleStats> lap_stats =
      internal::FitLapStats(a, tl, values, laps);
  internal::FitSampleStats session_stats;
  for (const internal::FitSampleStats& st : lap_stats) session_stats.Merge(st);
  const internal::FitSummaryInput summary{a, tl, distance, has_distance,
                                          internal::FitSportOf(a.discipline, a.is_outdoor)};

  // About 40 bytes a record and a few kilobytes for the rest.
  fit::FitWriter w(4096 + a.samples.size() * 40 + a.sets.size() * 64);
  PELO_RETURN_IF_ERROR(WriteFitIdentity(w, a));
  if (layout.resistance || layout.output_per_stroke) {
    PELO_RETURN_IF_ERROR(w.WriteDeveloperDataId(kFitLocalDeveloper, kFitDeveloperIndex,
                                                kFitPeloApplicationId, kFitDeveloperFieldsVersion));
    if (layout.resistance) {
      PELO_RETURN_IF_ERROR(w.WriteFieldDescription(kFitLocalDeveloper, FitResistanceField()));
    }
    if (layout.output_per_stroke) {
      PELO_RETURN_IF_ERROR(w.WriteFieldDescription(kFitLocalDeveloper, FitOutputPerStrokeField()));
    }
  }
  namespace e = fit::event;
  PELO_RETURN_IF_ERROR(
      w.Define(kFitLocalEvent, {fit::mesg_num::kEvent, {e::kTimestamp, e::kEvent, e::kEventType}}));
  PELO_RETURN_IF_ERROR(WriteFitEvent(w, a, tl.runs.front().begin_s, fit_types::event_type::kStart));
  if (!a.samples.empty()) {
    PELO_RETURN_IF_ERROR(WriteFitRecords(w, a, tl, values, distance, layout));
  }
  PELO_RETURN_IF_ERROR(internal::WriteFitLaps(w, kFitLocalLap, summary, laps, lap_stats));
  if (!a.sets.empty()) PELO_RETURN_IF_ERROR(WriteFitSets(w, a));
  PELO_RETURN_IF_ERROR(
      internal::WriteFitSession(w, kFitLocalSession, summary, session_stats, laps.size()));
  PELO_RETURN_IF_ERROR(internal::WriteFitTimeInZone(w, kFitLocalTimeInZone, summary));
  PELO_RETURN_IF_ERROR(WriteFitActivity(w, a, tl));
  PELO_RETURN_IF_ERROR(WriteFitEvent(w, a, tl.end_s, fit_types::event_type::kStopAll));
  return w.Finish();
}

}  // namespace pelo::exporter
