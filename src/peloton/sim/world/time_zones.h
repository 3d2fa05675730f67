// Local time in the member's IANA zone, for the workout-history CSV and the calendar: the tz
// database through common/time_zone.h, so each year has the rules then in force (ADR 0013).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pelo/common/time_zone.h"

namespace pelo::sim {

// The local time of `utc` in `zone`; nullopt for a zone the tz database does not have (the
// routes answer 400 for it, or fall back to the member's default zone).
std::optional<LocalTime> ToLocalTime(std::string_view zone, int64_t utc);

// "YYYY-MM-DD HH:MM (ABBR)", as the workout-history CSV writes timestamps.
std::string FormatCsvTimestamp(const LocalTime& time);

}  // namespace pelo::sim
