// The names of the files written one per workout (`pelo export samples --dir`): readable, sorted
// by date, unique, and safe whatever the workout's title holds (common/file_name.h).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "pelo/model/tables.h"

namespace pelo::exporter {

// "2024-03-12_30-min-Power-Zone-Ride_5b3c1a2e.csv": the workout's start day (UTC, as the
// workouts table shows it; "undated" without one), its title made safe, and the first 8
// characters of its id (made safe too, though ids are hex). `extension` has no dot.
std::string WorkoutFileName(const model::WorkoutRow& row, std::string_view extension);

// The names of one export's files: WorkoutFileName, with "-2", "-3"... before the extension for
// a name already given (two workouts of the same day, title and id prefix), in call order.
class WorkoutFileNamer {
 public:
  explicit WorkoutFileNamer(std::string_view extension) : extension_(extension) {}
  std::string Next(const model::WorkoutRow& row);

 private:
  std::string extension_;
  std::unordered_set<std::string> used_;
};

}  // namespace pelo::exporter
