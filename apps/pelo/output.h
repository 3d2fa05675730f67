// Rendering stored workouts for people (a table; JSON is app::WorkoutsJson).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/model/tables.h"

namespace pelo::cli {

// Flushes standard output: kStorage when what was written did not all get there (a full disk
// behind `> file`, a closed pipe with SIGPIPE ignored), so no command exits 0 on a cut output.
Status FlushStdout();

// A compact aligned table: date, discipline, title, instructor, minutes, kJ, avg W.
void PrintWorkoutTable(const std::vector<model::WorkoutRow>& rows, std::ostream& out);

}  // namespace pelo::cli
