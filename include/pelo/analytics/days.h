// Calendar days as plain integers, for the day-by-day analytics (PMC, eFTP42, weekly tables).
#pragma once

#include <chrono>
#include <cstdint>

namespace pelo::analytics {

// A local calendar date as days since 1970-01-01 (analytics.md §1.6: the ride's local date).
using DayNumber = int64_t;

// The day number of a civil date (proleptic Gregorian).
inline DayNumber DayFromCivil(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

// The Monday that starts the ISO week holding `day` (1970-01-01 was a Thursday).
inline DayNumber IsoWeekStart(DayNumber day) {
  const DayNumber since_monday = ((day + 3) % 7 + 7) % 7;
  return day - since_monday;
}

}  // namespace pelo::analytics
