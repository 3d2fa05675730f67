#include "flag_parsing.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string_view>

#include "pelo/analytics/ride_day.h"
#include "pelo/common/time.h"

namespace pelo::cli {

StatusOr<analytics::DayNumber> ParseDayFlag(std::string_view flag, const std::string& text) {
  if (auto day = analytics::ParseDay(text)) return *day;
  return Status(ErrorCode::kInvalidArgument,
                std::string(flag) + ": '" + text + "' is not a date (YYYY-MM-DD)");
}

StatusOr<std::optional<analytics::DayNumber>> OptionalDayFlag(std::string_view flag,
                                                              const std::string& text) {
  if (text.empty()) return std::optional<analytics::DayNumber>();
  PELO_ASSIGN_OR_RETURN(analytics::DayNumber day, ParseDayFlag(flag, text));
  return std::optional<analytics::DayNumber>(day);
}

StatusOr<app::DayRange> ParseDayRange(const std::string& since, const std::string& until) {
  app::DayRange range;
  PELO_ASSIGN_OR_RETURN(range.since, OptionalDayFlag("--since", since));
  PELO_ASSIGN_OR_RETURN(range.until, OptionalDayFlag("--until", until));
  if (range.since && range.until && *range.since > *range.until) {
    return Status(ErrorCode::kInvalidArgument, "--since " + since + " is after --until " + until);
  }
  return range;
}

StatusOr<int64_t> ParseDateArgument(std::string_view flag, const std::string& text) {
  int64_t epoch = 0;
  const char* end = text.data() + text.size();
  if (auto [p, ec] = std::from_chars(text.data(), end, epoch);
      ec == std::errc() && p == end && epoch >= 0) {
    return epoch;
  }
  if (auto day = analytics::ParseDay(text)) return int64_t{*day} * 86400;
  return Status(ErrorCode::kInvalidArgument,
                std::string(flag) + ": '" + text + "' is not a date (YYYY-MM-DD) or epoch seconds");
}

StatusOr<std::chrono::seconds> ParseDurationFlag(std::string_view flag, const std::string& text,
                                                 std::chrono::seconds min,
                                                 std::chrono::seconds max) {
  const auto not_a_duration = [&] {
    return Status(ErrorCode::kInvalidArgument, std::string(flag) + ": '" + text +
                                                   "' is not a duration (such as 90s, 15m, "
                                                   "1h30m or 1d)");
  };
  // Past this many seconds (about 31 years) a number is absurd whatever `max` says; checked
  // before adding, so that no text overflows.
  constexpr int64_t kAbsurd = int64_t{1} << 30;
  int64_t seconds = 0;
  if (text != "0") {
    const std::string_view units = "dhms";
    constexpr int64_t kUnitSeconds[] = {86400, 3600, 60, 1};
    size_t next_unit = 0;  // units must come largest first, each once
    const char* at = text.data();
    const char* end = at + text.size();
    if (at == end) return not_a_duration();
    while (at < end) {
      int64_t n = 0;
      auto [after, ec] = std::from_chars(at, end, n);
      if (after == at || after == end || n < 0) return not_a_duration();
      if (ec == std::errc::result_out_of_range) n = kAbsurd;
      const size_t unit = units.find(*after, next_unit);
      if (unit == std::string_view::npos) return not_a_duration();
      seconds += std::min(n, kAbsurd) * kUnitSeconds[unit];
      if (seconds > kAbsurd) seconds = kAbsurd;
      next_unit = unit + 1;
      at = after + 1;
    }
  }
  if (seconds < min.count()) {
    return Status(ErrorCode::kInvalidArgument, std::string(flag) + ": must be at least " +
                                                   FormatDuration(min) + ", got " + text);
  }
  if (seconds > max.count()) {
    return Status(ErrorCode::kInvalidArgument,
                  std::string(flag) + ": must be at most " + FormatDuration(max) + ", got " + text);
  }
  return std::chrono::seconds(seconds);
}

Status CheckPelotonId(std::string_view flag, const std::string& id) {
  bool ok = id.size() >= 16 && id.size() <= 64;
  for (char c : id) ok = ok && std::isxdigit(static_cast<unsigned char>(c));
  if (ok) return OkStatus();
  return Status(
      ErrorCode::kInvalidArgument,
      std::string(flag) + ": '" + id + "' is not a Peloton id (hex digits, 32 as a rule)");
}

}  // namespace pelo::cli
