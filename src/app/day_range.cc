#include "pelo/app/day_range.h"

#include "pelo/analytics/ride_day.h"
#include "pelo/common/time.h"

namespace pelo::app {

bool DayRange::Contains(std::optional<int64_t> start_time, std::string_view timezone) const {
  if (open()) return true;
  if (!start_time) return false;  // undated: in no range
  const analytics::DayNumber day = analytics::RideDay(*start_time, timezone);
  return !(since && day < *since) && !(until && day > *until);
}

analytics::DayNumber RiderToday(std::string_view newest_workout_timezone) {
  return analytics::RideDay(NowEpochSeconds(), newest_workout_timezone);
}

}  // namespace pelo::app
