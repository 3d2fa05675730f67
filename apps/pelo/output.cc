#include "output.h"

#include <iostream>

#include "render.h"

namespace pelo::cli {
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
