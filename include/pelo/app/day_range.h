// The one day rule of every date-range view (`workouts`, `stats rides`, `stats curve`, the
// report and dashboard to come): a workout counts on its rider's local day, the calendar date in
// the workout's own time zone (analytics.md §1.6), as the rider reads dates; the UTC date when
// its zone is unknown. ADR 0015.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "pelo/analytics/days.h"

namespace pelo::app {

// [since, until], both days included; an unset end is open.
struct DayRange {
  std::optional<analytics::DayNumber> since;
  std::optional<analytics::DayNumber> until;

  bool open() const { return !since && !until; }
  // Whether a workout that started at `start_time` (epoch s) in IANA zone `timezone` falls in
  // the range: an undated workout is in the open range only.
  bool Contains(std::optional<int64_t> start_time, std::string_view timezone) const;
};

// Today in the rider's zone: that of their newest workout, UTC without one.
analytics::DayNumber RiderToday(std::string_view newest_workout_timezone);

}  // namespace pelo::app
