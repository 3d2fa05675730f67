// Local times and calendar dates in a workout's own time zone (analytics.md §1.6), from the
// system tz database (/usr/share/zoneinfo, Debian's tzdata package) through Howard Hinnant's
// date-tz library (ADR 0013). No exception leaves these functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pelo/common/status.h"

namespace pelo {

// True when `iana_zone` may name a tz database zone: non-empty, at most 255 bytes, only
// [A-Za-z0-9_+-/], no "..", not an absolute path. Zone names come from the network.
bool IsValidZoneName(std::string_view iana_zone);

// A UTC instant as the clocks of one zone read it.
struct LocalTime {
  int64_t local = 0;         // the wall-clock time, as epoch seconds (the instant + offset)
  int32_t offset = 0;        // seconds east of UTC
  std::string abbreviation;  // "EST", "BST", "MSK", "+0530", ...
};

// The local time of `epoch_s` in `iana_zone` (e.g. "America/New_York", a link such as
// "US/Eastern", "UTC", "Etc/GMT+5"), with the rules in force that year; after the tz database's
// last transition (2037), the zone's POSIX rule. kInvalidArgument naming the zone when it is
// not a zone name or not in the database, or when `epoch_s` is outside the years 1 to 9999;
// kStorage when the database cannot be read.
StatusOr<LocalTime> LocalTimeIn(std::string_view iana_zone, int64_t epoch_s);

// The UTC offset (seconds east of Greenwich) in `iana_zone` at `epoch_s`; nullopt when
// LocalTimeIn fails. Thread-safe.
std::optional<int32_t> UtcOffsetSeconds(std::string_view iana_zone, int64_t epoch_s);

// The local calendar date of `epoch_s` in `iana_zone` as days since 1970-01-01 (the numbering of
// analytics::DayNumber); UTC when the zone is empty or unknown.
int64_t LocalDayNumber(int64_t epoch_s, std::string_view iana_zone);

// The local calendar date of `epoch_s` in `zone` as "YYYY-MM-DD"; UTC when the zone is empty or
// unknown.
std::string FormatLocalDate(int64_t epoch_s, std::string_view zone);

}  // namespace pelo
