// Internal: the FIT file's summary messages (laps, session, time in zones) and what they need:
// the sport of a discipline, the laps' spans of samples, and a message built field by field.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fit_timeline.h"
#include "pelo/common/status.h"
#include "pelo/export/activity.h"
#include "pelo/export/fit_writer.h"

namespace pelo::exporter::internal {

// session.sport and session.sub_sport (formats.md's table, profile 21.217's numbers).
struct FitSport {
  uint8_t sport = 0;
  uint8_t sub_sport = 0;
};
FitSport FitSportOf(std::string_view discipline, bool is_outdoor);

// One lap: its time and the samples [begin, end) it summarises (each sample goes to the last lap
// started at or before it, the first lap takes any before it, as in the TCX file).
struct FitLapSpan {
  int64_t start_s = 0;
  int64_t length_s = 0;
  size_t begin = 0;
  size_t end = 0;
};

// The laps: one per strength set when there are sets (Garmin Connect wants at least one lap, and
// a watch's strength file has one per set), else one per Activity::laps entry, else one for the
// whole session.
std::vector<FitLapSpan> FitLapSpans(const Activity& activity, const FitTimeline& timeline);

// Each lap's statistics from the samples' values (FitValuesOf of each sample, in order). The laps
// share the samples out, so merged they are the session's.
std::vector<FitSampleStats> FitLapStats(const Activity& activity, const FitTimeline& timeline,
                                        const std::vector<FitSampleValues>& values,
                                        const std::vector<FitLapSpan>& laps);

// A message of the fields that have something to say: a field is added with its value only when
// the value is present, so a message's layout holds no field that is always INVALID.
class FitMessage {
 public:
  void Add(fit::FieldDef field, fit::Value value) {
    fields_.push_back(field);
    values_.push_back(value);
  }
  void AddIfPresent(fit::FieldDef field, fit::Value value) {
    if (value.kind() != fit::Value::Kind::kAbsent) Add(field, value);
  }
  // Defines `local` as this layout of message `global` and writes the message.
  Status Write(fit::FitWriter& w, uint8_t local, uint16_t global) const;

 private:
  std::vector<fit::FieldDef> fields_;
  std::vector<fit::Value> values_;
};

// What the summary messages share.
struct FitSummaryInput {
  const Activity& activity;
  const FitTimeline& timeline;
  const std::vector<double>& distance_m;  // CumulativeDistanceM
  bool has_distance = false;              // any sample moved
  FitSport sport;
};

// A lap message per span, message_index 0, 1, ...
Status WriteFitLaps(fit::FitWriter& w, uint8_t local, const FitSummaryInput& in,
                    const std::vector<FitLapSpan>& laps, const std::vector<FitSampleStats>& stats);

// The session (message_index 0): pelo's stored totals, or the samples' (`stats`) where none is
// stored.
Status WriteFitSession(fit::FitWriter& w, uint8_t local, const FitSummaryInput& in,
                       const FitSampleStats& stats, size_t num_laps);

// The time_in_zone message of the session, when the activity knows any zone time or its FTP.
Status WriteFitTimeInZone(fit::FitWriter& w, uint8_t local, const FitSummaryInput& in);

}  // namespace pelo::exporter::internal
