// The POSIX TZ rule a TZif file ends with (RFC 8536 §3.3), which gives the offsets after its
// last transition, e.g. "EST5EDT,M3.2.0,M11.1.0" or "<+0530>-5:30". date-tz, built on the
// system's TZif files, ignores it and holds the last offset after 2037 (ADR 0013).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pelo::tz {

// "Mm.w.d/time": day d (0 = Sunday) of week w (1..4, 5 = last) of month m, at `time_s` local.
struct DayRule {
  int month = 1;
  int week = 1;
  int weekday = 0;
  int32_t time_s = 2 * 3600;
};

struct DstRule {
  std::string name;      // abbreviation, e.g. "EDT"
  int32_t offset_s = 0;  // UTC offset while daylight time is in effect
  DayRule start;         // in local standard time
  DayRule end;           // in local daylight time
};

struct PosixTz {
  std::string std_name;      // abbreviation, e.g. "EST"; "+0530" for "<+0530>"
  int32_t std_offset_s = 0;  // UTC offset, seconds east (the opposite sign of the TZ text)
  std::optional<DstRule> dst;
};

// `spec` parsed; nullopt when it is not of the form "STD offset [DST [offset],Mm.w.d[/time],
// Mm.w.d[/time]]" (the Julian-day rule forms included: callers fall back to the transitions).
std::optional<PosixTz> ParsePosixTz(std::string_view spec);

// Whether daylight time is in effect under `tz` at `epoch_s`.
bool PosixTzIsDaylight(const PosixTz& tz, int64_t epoch_s);

// The UTC offset `tz` gives at `epoch_s`.
int32_t PosixTzOffset(const PosixTz& tz, int64_t epoch_s);

}  // namespace pelo::tz
