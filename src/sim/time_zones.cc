#include "sim/time_zones.h"

#include "pelo/common/time.h"

namespace pelo::sim {
namespace {

enum class Rule { kNone, kUs, kEu, kAu };

struct Zone {
  const char* name;
  int standard_offset;  // seconds east of UTC
  const char* standard;
  const char* daylight;
  Rule rule;
};

constexpr int kHour = 3600;

constexpr Zone kZones[] = {
    {"UTC", 0, "UTC", "UTC", Rule::kNone},
    {"Etc/UTC", 0, "UTC", "UTC", Rule::kNone},
    {"America/New_York", -5 * kHour, "EST", "EDT", Rule::kUs},
    {"America/Detroit", -5 * kHour, "EST", "EDT", Rule::kUs},
    {"America/Toronto", -5 * kHour, "EST", "EDT", Rule::kUs},
    {"America/Chicago", -6 * kHour, "CST", "CDT", Rule::kUs},
    {"America/Denver", -7 * kHour, "MST", "MDT", Rule::kUs},
    {"America/Phoenix", -7 * kHour, "MST", "MST", Rule::kNone},
    {"America/Los_Angeles", -8 * kHour, "PST", "PDT", Rule::kUs},
    {"America/Vancouver", -8 * kHour, "PST", "PDT", Rule::kUs},
    {"America/Anchorage", -9 * kHour, "AKST", "AKDT", Rule::kUs},
    {"Pacific/Honolulu", -10 * kHour, "HST", "HST", Rule::kNone},
    {"Europe/London", 0, "GMT", "BST", Rule::kEu},
    {"Europe/Dublin", 0, "GMT", "IST", Rule::kEu},
    {"Europe/Berlin", kHour, "CET", "CEST", Rule::kEu},
    {"Europe/Paris", kHour, "CET", "CEST", Rule::kEu},
    {"Europe/Madrid", kHour, "CET", "CEST", Rule::kEu},
    {"Europe/Amsterdam", kHour, "CET", "CEST", Rule::kEu},
    {"Europe/Rome", kHour, "CET", "CEST", Rule::kEu},
    {"Asia/Kolkata", 5 * kHour + 1800, "IST", "IST", Rule::kNone},
    {"Asia/Tokyo", 9 * kHour, "JST", "JST", Rule::kNone},
    {"Australia/Brisbane", 10 * kHour, "AEST", "AEST", Rule::kNone},
    {"Australia/Sydney", 10 * kHour, "AEST", "AEDT", Rule::kAu},
    {"Australia/Melbourne", 10 * kHour, "AEST", "AEDT", Rule::kAu},
};

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return int64_t{era} * 146097 + doe - 719468;
}

// The day (days since the epoch) of the n-th Sunday of a month (n >= 1).
int64_t NthSunday(int year, int month, int n) {
  const int64_t first = DaysFromCivil(year, month, 1);
  const int64_t weekday = (first + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
  return first + (7 - weekday) % 7 + 7 * (n - 1);
}

int64_t LastSunday(int year, int month) {
  const int64_t next =
      month == 12 ? DaysFromCivil(year + 1, 1, 1) : DaysFromCivil(year, month + 1, 1);
  const int64_t weekday = (next - 1 + 4) % 7;
  return next - 1 - weekday;
}

// Whether daylight time is in force at `utc` under `rule` for a zone `standard` seconds east.
bool IsDaylight(Rule rule, int standard, int64_t utc) {
  const int year = std::stoi(FormatUtcDate(utc + standard).substr(0, 4));
  switch (rule) {
    case Rule::kNone:
      return false;
    case Rule::kUs: {  // 02:00 local standard time, second Sunday of March to first of November
      const int64_t start = NthSunday(year, 3, 2) * 86400 + 2 * kHour - standard;
      const int64_t end = NthSunday(year, 11, 1) * 86400 + kHour - standard;
      return utc >= start && utc < end;
    }
    case Rule::kEu: {  // 01:00 UTC, last Sunday of March to last Sunday of October
      const int64_t start = LastSunday(year, 3) * 86400 + kHour;
      const int64_t end = LastSunday(year, 10) * 86400 + kHour;
      return utc >= start && utc < end;
    }
    case Rule::kAu: {  // southern summer: first Sunday of October to first Sunday of April
      const int64_t end = NthSunday(year, 4, 1) * 86400 + 2 * kHour - standard;
      const int64_t start = NthSunday(year, 10, 1) * 86400 + 2 * kHour - standard;
      return utc < end || utc >= start;
    }
  }
  return false;
}

}  // namespace

std::optional<LocalTime> ToLocalTime(std::string_view zone, int64_t utc) {
  for (const Zone& z : kZones) {
    if (zone != z.name) continue;
    const bool daylight = IsDaylight(z.rule, z.standard_offset, utc);
    const int offset = z.standard_offset + (daylight ? kHour : 0);
    return LocalTime{utc + offset, offset, daylight ? z.daylight : z.standard};
  }
  return std::nullopt;
}

std::string FormatCsvTimestamp(const LocalTime& time) {
  return FormatUtcDateTime(time.local).substr(0, 16) + " (" + time.abbreviation + ")";
}

}  // namespace pelo::sim
