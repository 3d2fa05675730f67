#include "common/posix_tz.h"

#include <cctype>
#include <chrono>

namespace pelo::tz {
namespace {

constexpr int64_t kDay = 86400;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// A cursor over the TZ text; every Read* consumes what it matched and fails without a match.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ == text_.size(); }
  bool Peek(char c) const { return !AtEnd() && text_[pos_] == c; }
  bool PeekSigned() const {
    return !AtEnd() &&
           (std::isdigit(static_cast<unsigned char>(text_[pos_])) || Peek('+') || Peek('-'));
  }
  bool Take(char c) {
    if (!Peek(c)) return false;
    ++pos_;
    return true;
  }

  // A zone abbreviation: "EST", or "<+0530>" quoted (`name` without the brackets).
  bool ReadName(std::string& name) {
    if (Take('<')) {
      const size_t end = text_.find('>', pos_);
      if (end == std::string_view::npos || end == pos_) return false;
      name = text_.substr(pos_, end - pos_);
      pos_ = end + 1;
      return true;
    }
    const size_t start = pos_;
    while (!AtEnd() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    name = text_.substr(start, pos_ - start);
    return pos_ > start;
  }

  // An unsigned decimal number of 1..3 digits, at most `max`.
  bool ReadNumber(int max, int& value) {
    const size_t start = pos_;
    value = 0;
    while (!AtEnd() && pos_ - start < 3 && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      value = value * 10 + (text_[pos_++] - '0');
    }
    return pos_ > start && value <= max;
  }

  // "[+-]hh[:mm[:ss]]" as signed seconds (hours up to 167: RFC 8536's extended rule times).
  bool ReadDuration(int32_t& seconds) {
    int sign = 1;
    if (Take('-')) {
      sign = -1;
    } else {
      Take('+');
    }
    int h = 0, m = 0, s = 0;
    if (!ReadNumber(167, h)) return false;
    if (Take(':')) {
      if (!ReadNumber(59, m)) return false;
      if (Take(':') && !ReadNumber(59, s)) return false;
    }
    seconds = sign * (h * 3600 + m * 60 + s);
    return true;
  }

  // "Mm.w.d[/time]"; the Julian forms ("Jn", "n") are not supported.
  bool ReadDayRule(DayRule& rule) {
    if (!Take('M')) return false;
    if (!ReadNumber(12, rule.month) || rule.month < 1 || !Take('.')) return false;
    if (!ReadNumber(5, rule.week) || rule.week < 1 || !Take('.')) return false;
    if (!ReadNumber(6, rule.weekday)) return false;
    if (Take('/')) return ReadDuration(rule.time_s);
    return true;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

int64_t DaysFromCivil(int year, int month, int day) {
  const std::chrono::year_month_day ymd{std::chrono::year{year},
                                        std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

int YearOfDay(int64_t day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  return static_cast<int>(ymd.year());
}

// The day number `rule` picks in `year`.
int64_t RuleDay(int year, const DayRule& rule) {
  const int64_t first = DaysFromCivil(year, rule.month, 1);
  const int64_t next_month =
      rule.month == 12 ? DaysFromCivil(year + 1, 1, 1) : DaysFromCivil(year, rule.month + 1, 1);
  const int64_t first_weekday = ((first + 4) % 7 + 7) % 7;  // 1970-01-01 was a Thursday (4)
  int64_t day = first + (rule.weekday - first_weekday + 7) % 7 + 7 * (rule.week - 1);
  while (day >= next_month) day -= 7;  // week 5 = the last such weekday of the month
  return day;
}

}  // namespace

std::optional<PosixTz> ParsePosixTz(std::string_view spec) {
  Reader r(spec);
  PosixTz tz;
  int32_t posix_offset = 0;
  if (!r.ReadName(tz.std_name) || !r.ReadDuration(posix_offset)) return std::nullopt;
  tz.std_offset_s = -posix_offset;
  if (r.AtEnd()) return tz;

  DstRule dst;
  if (!r.ReadName(dst.name)) return std::nullopt;
  dst.offset_s = tz.std_offset_s + 3600;
  if (r.PeekSigned()) {
    if (!r.ReadDuration(posix_offset)) return std::nullopt;
    dst.offset_s = -posix_offset;
  }
  // A DST name without rules means "the implementation's default rules": not guessed here.
  if (!r.Take(',') || !r.ReadDayRule(dst.start)) return std::nullopt;
  if (!r.Take(',') || !r.ReadDayRule(dst.end)) return std::nullopt;
  if (!r.AtEnd()) return std::nullopt;
  tz.dst = dst;
  return tz;
}

bool PosixTzIsDaylight(const PosixTz& tz, int64_t epoch_s) {
  if (!tz.dst) return false;
  const DstRule& dst = *tz.dst;
  const int year = YearOfDay(FloorDiv(epoch_s + tz.std_offset_s, kDay));
  const int64_t start = RuleDay(year, dst.start) * kDay + dst.start.time_s - tz.std_offset_s;
  const int64_t end = RuleDay(year, dst.end) * kDay + dst.end.time_s - dst.offset_s;
  if (start < end) return epoch_s >= start && epoch_s < end;
  // Southern hemisphere: daylight time spans the new year.
  return !(epoch_s >= end && epoch_s < start);
}

int32_t PosixTzOffset(const PosixTz& tz, int64_t epoch_s) {
  return PosixTzIsDaylight(tz, epoch_s) ? tz.dst->offset_s : tz.std_offset_s;
}

}  // namespace pelo::tz
