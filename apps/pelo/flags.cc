#include "flags.h"

#include <cctype>
#include <charconv>

#include "pelo/analytics/ride_day.h"

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

CLI::Validator AtLeast(int64_t min) {
  const std::string rule = "a whole number of " + std::to_string(min) + " or more";
  return CLI::Validator(
      [min, rule](std::string& text) -> std::string {
        int64_t n = 0;
        const char* end = text.data() + text.size();
        auto [p, ec] = std::from_chars(text.data(), end, n);
        if (ec != std::errc() || p != end || n < min) return "must be " + rule + ", got " + text;
        return "";
      },
      "INT>=" + std::to_string(min));
}

Status CheckPelotonId(std::string_view flag, const std::string& id) {
  bool ok = id.size() >= 16 && id.size() <= 64;
  for (char c : id) ok = ok && std::isxdigit(static_cast<unsigned char>(c));
  if (ok) return OkStatus();
  return Status(
      ErrorCode::kInvalidArgument,
      std::string(flag) + ": '" + id + "' is not a Peloton id (hex digits, 32 as a rule)");
}

const std::vector<std::string>& WorkoutDisciplines() {
  static const auto* kDisciplines = new std::vector<std::string>{
      "cycling",    "running",    "walking", "caesar",        "strength",        "yoga",
      "meditation", "stretching", "cardio",  "bike_bootcamp", "caesar_bootcamp", "circuit"};
  return *kDisciplines;
}

const std::vector<std::string>& ExportDisciplines() {
  static const auto* kDisciplines = [] {
    auto* list = new std::vector<std::string>(WorkoutDisciplines());
    for (std::string& d : *list) {
      if (d == "caesar") d = "rowing";
    }
    return list;
  }();
  return *kDisciplines;
}

const std::vector<std::string>& ClassCategories() {
  static const auto* kCategories =
      new std::vector<std::string>{"cycling", "running", "outdoor",    "walking",    "strength",
                                   "yoga",    "cardio",  "stretching", "meditation", "bootcamp"};
  return *kCategories;
}

}  // namespace pelo::cli
