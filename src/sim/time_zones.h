// Local time in the IANA zones members commonly use, for the workout-history CSV and the
// calendar. GCC 12 has no std::chrono time-zone database and setenv("TZ") is not thread-safe,
// so the simulator carries a small table of zones with their standard offsets and daylight-
// saving rules (US, EU and southern-Australian rules as in force since 2007).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pelo::sim {

struct LocalTime {
  int64_t local = 0;         // epoch seconds shifted by the zone's offset at that instant
  int offset = 0;            // seconds east of UTC
  std::string abbreviation;  // "EST", "EDT", "BST", ...
};

// The local time of `utc` in `zone`; nullopt for a zone the table does not have.
std::optional<LocalTime> ToLocalTime(std::string_view zone, int64_t utc);

// "YYYY-MM-DD HH:MM (ABBR)", as the workout-history CSV writes timestamps.
std::string FormatCsvTimestamp(const LocalTime& time);

}  // namespace pelo::sim
