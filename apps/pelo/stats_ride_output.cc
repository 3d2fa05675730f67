#include "stats_ride_output.h"

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "pelo/analytics/ride_day.h"
#include "pelo/common/time.h"
#include "pelo/common/time_zone.h"
#include "render.h"
#include "stats_output.h"

namespace pelo::cli {
namespace {

// "45:00", "1:30:00": a duration in whole seconds; "" when unknown.
std::string DurationCell(const std::optional<double>& seconds) {
  if (!seconds || !std::isfinite(*seconds) || *seconds < 0) return "";
  const auto s = static_cast<int64_t>(std::llround(*seconds));
  if (s < 3600) return ClockCell(s);
  return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
}

// "21:37 EST (2020-11-18 02:37 UTC)": the start as the rider's clock read it, then in UTC, as
// the other tables show times; UTC alone when the workout's zone is unknown.
std::string StartCell(const model::WorkoutRow& w) {
  if (!w.start_time) return "";
  const std::string utc = WhenCell(w.start_time) + " UTC";
  if (w.timezone.empty()) return utc;
  StatusOr<LocalTime> local = LocalTimeIn(w.timezone, *w.start_time);
  if (!local.ok()) return utc;
  return FormatUtcDateTime(local->local).substr(11, 5) + " " + local->abbreviation + " (" + utc +
         ")";
}

std::string WattsCell(const std::optional<double>& w) { return w ? NumberCell(w, 0) + " W" : ""; }

void PrintHeadline(const app::RideDetail& ride, std::ostream& out) {
  const model::WorkoutRow& w = ride.workout;
  PrintFields({{"title", w.title},
               {"instructor", w.instructor},
               {"discipline", w.discipline + (ride.is_outdoor ? " (outdoor)" : "")},
               {"day", ride.day ? analytics::FormatDay(*ride.day) : ""},
               {"start", StartCell(w)},
               {"duration", DurationCell(w.duration)},
               {"ftp", WattsCell(ride.ftp)},
               {"workout", w.workout_id}},
              out);
}

void PrintSegments(const std::vector<model::Segment>& segments, std::ostream& out) {
  if (segments.empty()) return;
  Table table({{"start", 7, true}, {"length", 7, true}, {"segment", 40}});
  for (const model::Segment& s : segments) {
    table.Add({DurationCell(static_cast<double>(s.start_time_offset)),
               DurationCell(static_cast<double>(s.length)), s.name});
  }
  out << "\nSegments\n";
  table.Print(out);
}

void PrintPowerZones(const std::vector<app::PowerZoneBand>& zones, std::ostream& out) {
  if (zones.empty()) return;
  Table table({{"zone", 4}, {"from W", 6, true}, {"to W", 6, true}, {"time", 7, true}});
  for (const app::PowerZoneBand& z : zones) {
    table.Add({"Z" + std::to_string(z.zone), NumberCell(z.low_w, 0), NumberCell(z.high_w, 0),
               DurationCell(z.seconds)});
  }
  out << "\nTime in power zones\n";
  table.Print(out);
}

void PrintHeartRateZones(const std::vector<app::HeartRateZoneBand>& zones, std::ostream& out) {
  if (zones.empty()) return;
  Table table({{"zone", 4}, {"from bpm", 8, true}, {"to bpm", 6, true}, {"time", 7, true}});
  for (const app::HeartRateZoneBand& z : zones) {
    table.Add({"Z" + std::to_string(z.zone), NumberCell(z.low_bpm, 0), NumberCell(z.high_bpm, 0),
               DurationCell(z.seconds)});
  }
  out << "\nTime in heart-rate zones\n";
  table.Print(out);
}

}  // namespace

void PrintRide(const app::RideDetail& ride, std::ostream& out) {
  PrintHeadline(ride, out);
  if (ride.metrics) {
    out << "\nMetrics\n";
    PrintFields(RideStatsFields(*ride.metrics), out);
  }
  PrintSegments(ride.segments, out);
  PrintPowerZones(ride.power_zones, out);
  PrintHeartRateZones(ride.heart_rate_zones, out);
}

}  // namespace pelo::cli
