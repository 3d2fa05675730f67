#include "output.h"

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "pelo/common/time.h"
#include "pelo/export/csv.h"
#include "render.h"

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
  // A Table: titles and instructor names are escaped, and cut and aligned by display width.
  Table table({{"start (UTC)", 16},
               {"discipline", 10},
               {"title", 36},
               {"instructor", 18},
               {"min", 5, true},
               {"kJ", 5, true},
               {"avg W", 5, true}});
  for (const auto& r : rows) {
    std::optional<double> minutes;
    if (r.duration) minutes = *r.duration / 60.0;
    table.Add({WhenCell(r.start_time), r.discipline, r.title, r.instructor, NumberCell(minutes),
               NumberCell(r.total_output), NumberCell(r.average_output)});
  }
  table.Print(out);
}

Status FlushStdout() {
  if (std::cout.flush()) return OkStatus();
  return Status(ErrorCode::kStorage, "cannot write standard output");
}

}  // namespace pelo::cli
