#include "peloton/sim/world/time_zones.h"

#include "pelo/common/time.h"

namespace pelo::sim {

std::optional<LocalTime> ToLocalTime(std::string_view zone, int64_t utc) {
  StatusOr<LocalTime> local = LocalTimeIn(zone, utc);
  if (!local.ok()) return std::nullopt;
  return std::move(local).value();
}

std::string FormatCsvTimestamp(const LocalTime& time) {
  return FormatUtcDateTime(time.local).substr(0, 16) + " (" + time.abbreviation + ")";
}

}  // namespace pelo::sim
