#include "pelo/common/time.h"

#include <chrono>
#include <ctime>
#include <utility>

namespace pelo {
namespace {

std::string Format(int64_t epoch_s, const char* pattern) {
  std::time_t t = static_cast<std::time_t>(epoch_s);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  size_t n = std::strftime(buf, sizeof(buf), pattern, &tm);
  return std::string(buf, n);
}

}  // namespace

int64_t NowEpochSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string FormatUtcDateTime(int64_t epoch_s) { return Format(epoch_s, "%Y-%m-%d %H:%M:%S"); }
std::string FormatIso8601Utc(int64_t epoch_s) { return Format(epoch_s, "%Y-%m-%dT%H:%M:%SZ"); }
std::string FormatUtcDate(int64_t epoch_s) { return Format(epoch_s, "%Y-%m-%d"); }

std::string FormatDuration(std::chrono::milliseconds duration) {
  const int64_t ms = duration.count();
  if (ms <= 0) return "0s";
  if (ms < 1000) return std::to_string(ms) + "ms";
  int64_t seconds = (ms + 500) / 1000;
  std::string text;
  static constexpr std::pair<char, int64_t> kUnits[] = {
      {'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}};
  for (const auto& [unit, length] : kUnits) {
    if (seconds < length) continue;
    text += std::to_string(seconds / length);
    text += unit;
    seconds %= length;
  }
  return text;
}

}  // namespace pelo
