// Wall-clock helpers: epoch seconds and UTC formatting.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace pelo {

// Seconds since the Unix epoch, now.
int64_t NowEpochSeconds();

// `epoch_s` as "YYYY-MM-DD HH:MM:SS" in UTC (the notebook's date column).
std::string FormatUtcDateTime(int64_t epoch_s);

// `epoch_s` as ISO-8601 UTC, "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatIso8601Utc(int64_t epoch_s);

// `epoch_s` as "YYYY-MM-DD" in UTC.
std::string FormatUtcDate(int64_t epoch_s);

// A duration as a person writes it: "1h30m", "15m", "1d2h", "45s" (rounded to the second);
// under a second, "250ms"; "0s" for nothing. What --interval and --wait take, read back.
std::string FormatDuration(std::chrono::milliseconds duration);

}  // namespace pelo
