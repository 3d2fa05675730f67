// Rendering stored rows for people (a table) and programs (JSON).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pelo/model/tables.h"

namespace pelo::cli {

// The rows as one JSON array of objects keyed by the CSV column names; pretty when `pretty`.
std::string WorkoutsJson(const std::vector<model::WorkoutRow>& rows, bool pretty);

// A compact aligned table: date, discipline, title, instructor, minutes, kJ, avg W.
void PrintWorkoutTable(const std::vector<model::WorkoutRow>& rows, std::ostream& out);

}  // namespace pelo::cli
