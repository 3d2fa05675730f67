// Rendering `pelo stats curve`: the best power at each duration over a date range, with the
// ride that set it, as CSV (every duration) or a table (the key durations); JSON is
// app::CurveJson.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pelo/app/history.h"

namespace pelo::cli {

// CSV: duration_s,watts,workout_id,date,resolution_limited (true/false), one row per point.
void WriteCurveCsv(const std::vector<app::CurvePoint>& rows, std::ostream& out);

// The key durations (1 s, 5 s, 10 s, 30 s, 1, 2, 5, 10, 20, 30, 60, 90 min, 2 h, 3 h) that the
// curve reaches, as an aligned table; a lower bound is marked "*" and explained below.
void PrintCurveTable(const std::vector<app::CurvePoint>& rows, std::ostream& out);

}  // namespace pelo::cli
