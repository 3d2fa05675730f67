#include "output.h"

#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "pelo/common/time.h"
#include "pelo/export/csv.h"

namespace pelo::cli {
namespace {

nlohmann::json Num(const std::optional<double>& v) {
  if (!v) return nullptr;
  if (std::floor(*v) == *v && std::fabs(*v) < 9e15) return static_cast<int64_t>(*v);
  return *v;
}

nlohmann::json Time(const std::optional<int64_t>& t, std::string (*format)(int64_t)) {
  if (!t) return nullptr;
  return format(*t);
}

std::string Cell(const std::optional<double>& v, const char* pattern) {
  return v ? fmt::format(fmt::runtime(pattern), *v) : "";
}

}  // namespace

std::string WorkoutsJson(const std::vector<model::WorkoutRow>& rows, bool pretty) {
  nlohmann::json all = nlohmann::json::array();
  for (const auto& r : rows) {
    all.push_back({{"workout_id", r.workout_id},
                   {"peloton_id", r.peloton_id},
                   {"date", Time(r.end_time, FormatUtcDateTime)},
                   {"duration", Num(r.duration)},
                   {"total_output", Num(r.total_output)},
                   {"max_output", Num(r.max_output)},
                   {"average_output", Num(r.average_output)},
                   {"average_cadence", Num(r.average_cadence)},
                   {"max_resistance", Num(r.max_resistance)},
                   {"average_resistance", Num(r.average_resistance)},
                   {"average_heart_rate", Num(r.average_heart_rate)},
                   {"max_heart_rate", Num(r.max_heart_rate)},
                   {"discipline", r.discipline},
                   {"title", r.title},
                   {"instructor", r.instructor},
                   {"start_time", Time(r.start_time, FormatIso8601Utc)},
                   {"distance_km", Num(r.distance_km)},
                   {"calories_kcal", Num(r.calories_kcal)},
                   {"ftp", Num(r.ftp)},
                   {"deleted", r.deleted}});
  }
  return pretty ? all.dump(2) : all.dump();
}

void PrintWorkoutTable(const std::vector<model::WorkoutRow>& rows, std::ostream& out) {
  out << fmt::format("{:<16}  {:<10}  {:<36}  {:<18}  {:>5}  {:>5}  {:>5}\n", "start (UTC)",
                     "discipline", "title", "instructor", "min", "kJ", "avg W");
  for (const auto& r : rows) {
    std::string start = r.start_time ? FormatUtcDateTime(*r.start_time).substr(0, 16) : "";
    std::optional<double> minutes;
    if (r.duration) minutes = *r.duration / 60.0;
    out << fmt::format("{:<16}  {:<10.10}  {:<36.36}  {:<18.18}  {:>5}  {:>5}  {:>5}\n", start,
                       r.discipline, r.title, r.instructor, Cell(minutes, "{:.0f}"),
                       Cell(r.total_output, "{:.0f}"), Cell(r.average_output, "{:.0f}"));
  }
}

Status FlushStdout() {
  if (std::cout.flush()) return OkStatus();
  return Status(ErrorCode::kStorage, "cannot write standard output");
}

}  // namespace pelo::cli
