#include "pelo/export/file_names.h"

#include <chrono>
#include <cstdio>

#include "pelo/common/file_name.h"

namespace pelo::exporter {
namespace {

std::string UtcDay(int64_t epoch_s) {
  const std::chrono::sys_days day = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds{std::chrono::seconds{epoch_s}});
  const std::chrono::year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

}  // namespace

std::string WorkoutFileName(const model::WorkoutRow& row, std::string_view extension) {
  const std::string day = row.start_time ? UtcDay(*row.start_time) : "undated";
  const std::string title = row.title.empty() ? row.discipline : row.title;
  return day + "_" + SafeFileName(title, 80) + "_" +
         SafeFileName(std::string_view(row.workout_id).substr(0, 8), 8) + "." +
         SafeFileName(extension, 8);
}

std::string WorkoutFileNamer::Next(const model::WorkoutRow& row) {
  const std::string name = WorkoutFileName(row, extension_);
  const std::string stem = name.substr(0, name.size() - extension_.size() - 1);
  std::string unique = name;
  for (int n = 2; !used_.insert(unique).second; ++n) {
    unique = stem + "-" + std::to_string(n) + "." + extension_;
  }
  return unique;
}

}  // namespace pelo::exporter
