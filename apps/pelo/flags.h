// Reading and checking the values given on the command line, the same way in every command:
// dates, date ranges, counts and durations. Each error names the flag and what it was given.
// The values a flag takes, for the completions and the manual pages: flag_values.h (OneOf,
// Suggest, FileValue, DirectoryValue) and the lists below.
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flag_values.h"
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

// A whole number of `min` or more: "--last: must be a whole number of 1 or more, got -5".
CLI::Validator AtLeast(int64_t min);

// A Peloton id: hex digits, 32 as every workout, ride and user id has (16 to 64 accepted);
// kInvalidArgument naming `flag` otherwise, so that a mistyped id fails before any request.
Status CheckPelotonId(std::string_view flag, const std::string& id);

// A database file: --db, as every command that reads or writes one takes it.
inline CLI::Option* DatabaseFlag(CLI::Option* option) { return FileValue(option); }

// Peloton's fitness disciplines as its workouts carry them (`fitness_discipline`,
// peloton-api.md), the rower as "caesar": what `pelo sync --discipline` matches.
const std::vector<std::string>& WorkoutDisciplines();

// The same as the stored workouts' selection takes them (`pelo export --discipline`), which
// also reads "rowing" for "caesar" (app::ActivityExportRequest).
const std::vector<std::string>& ExportDisciplines();

// The class library's and the live schedule's categories (`browse_category`, peloton-api.md).
const std::vector<std::string>& ClassCategories();

}  // namespace pelo::cli
