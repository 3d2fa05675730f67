// Reading the values given on the command line, the same way in every command: dates, date
// ranges, durations and ids. Each error names the flag and what it was given. No CLI11 here, so
// tests/unit/cli tests them without compiling it (flags.h has the CLI11 side).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pelo/analytics/days.h"
#include "pelo/app/day_range.h"
#include "pelo/common/status.h"

namespace pelo::cli {

// "YYYY-MM-DD" (a real calendar date) as a day; kInvalidArgument naming `flag` otherwise.
StatusOr<analytics::DayNumber> ParseDayFlag(std::string_view flag, const std::string& text);

// As ParseDayFlag; nullopt when `text` is empty (the flag was not given).
StatusOr<std::optional<analytics::DayNumber>> OptionalDayFlag(std::string_view flag,
                                                              const std::string& text);

// A --since/--until pair, each optional ("" = not given); kInvalidArgument when since is after
// until. Which workouts a range holds is app::DayRange's rule (the rider's local day).
StatusOr<app::DayRange> ParseDayRange(const std::string& since, const std::string& until);

// "YYYY-MM-DD" (midnight UTC) or epoch seconds (0 or more), as epoch seconds.
StatusOr<int64_t> ParseDateArgument(std::string_view flag, const std::string& text);

// A duration as people write it: whole numbers with the units d, h, m, s, largest first, each
// at most once ("90s", "15m", "1h30m", "1d"); "0" alone is zero. From `min` to `max`;
// kInvalidArgument naming `flag` otherwise: "--interval: '1x' is not a duration (such as 90s,
// 15m, 1h30m or 1d)", "--interval: must be at least 1s, got 0".
StatusOr<std::chrono::seconds> ParseDurationFlag(std::string_view flag, const std::string& text,
                                                 std::chrono::seconds min,
                                                 std::chrono::seconds max);

// A Peloton id: hex digits, 32 as every workout, ride and user id has (16 to 64 accepted);
// kInvalidArgument naming `flag` otherwise, so that a mistyped id fails before any request.
Status CheckPelotonId(std::string_view flag, const std::string& id);

}  // namespace pelo::cli
