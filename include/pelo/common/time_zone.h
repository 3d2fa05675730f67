// Local calendar dates in a workout's own time zone (analytics.md §1.6), from the system tz
// database: TZif files under $TZDIR, else /usr/share/zoneinfo (Debian's tzdata package).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pelo {

// True when `iana_zone` may name a tz database file: non-empty, only [A-Za-z0-9_+-/], no "..",
// not an absolute path. Zone names come from the network, so nothing else is ever opened.
bool IsValidZoneName(std::string_view iana_zone);

// The UTC offset (seconds east of Greenwich) in `iana_zone` (e.g. "America/New_York") at
// `epoch_s`; nullopt for an invalid or unknown zone or an unreadable file. Zones are read once
// and cached; thread-safe.
std::optional<int32_t> UtcOffsetSeconds(std::string_view iana_zone, int64_t epoch_s);

// The local calendar date of `epoch_s` in `iana_zone` as days since 1970-01-01 (the numbering of
// analytics::DayNumber); UTC when the zone is empty or unknown.
int64_t LocalDayNumber(int64_t epoch_s, std::string_view iana_zone);

// The local calendar date of `epoch_s` in `zone` as "YYYY-MM-DD"; UTC when the zone is empty or
// unknown.
std::string FormatLocalDate(int64_t epoch_s, std::string_view zone);

}  // namespace pelo
