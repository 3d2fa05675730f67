// The calendar day a ride counts on (analytics.md §1.6), and days as "YYYY-MM-DD" text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pelo/analytics/days.h"

namespace pelo::analytics {

// The day of a ride that started at `start_time_s` (epoch s) in IANA zone `timezone`: its local
// calendar date (§1.6, common/time_zone.h), the UTC date when the zone is unknown. Every per-day
// use of a ride (FTP at the ride date, eFTP42 windows, the stats commands) goes through here.
DayNumber RideDay(int64_t start_time_s, std::string_view timezone);

// "2026-11-01".
std::string FormatDay(DayNumber day);

// A "YYYY-MM-DD" date (exactly that shape, a real calendar date); nullopt otherwise.
std::optional<DayNumber> ParseDay(std::string_view text);

}  // namespace pelo::analytics
