// The CLI11 side of reading flags: counts checked as CLI11 parses them, the database flag, and
// the values a flag takes, for the completions and the manual pages (flag_values.h: OneOf,
// Suggest, FileValue, DirectoryValue, and the lists below). Dates, ranges, durations and ids:
// flag_parsing.h, which this includes.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "flag_parsing.h"
#include "flag_values.h"

namespace pelo::cli {

// A whole number of `min` or more: "--last: must be a whole number of 1 or more, got -5".
CLI::Validator AtLeast(int64_t min);

// A database file: --db, as every command that reads or writes one takes it.
inline CLI::Option* DatabaseFlag(CLI::Option* option) { return FileValue(option); }

// Peloton's fitness disciplines as `--discipline` of sync and export takes them: the API's
// `fitness_discipline` (peloton-api.md), but the rower as "rowing" (model::ApiDiscipline; the
// API's "caesar" is accepted too).
const std::vector<std::string>& Disciplines();

// The class library's and the live schedule's categories (`browse_category`, peloton-api.md).
const std::vector<std::string>& ClassCategories();

}  // namespace pelo::cli
