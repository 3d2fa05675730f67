// Rendering `pelo stats curve`: the best power at each duration over a date range, with the
// ride that set it, as CSV (every duration), JSON (the same) or a table (the key durations).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace pelo::cli {

// One duration of the curve.
struct CurveRow {
  int duration_s = 0;
  double watts = 0;
  std::string workout_id;           // the ride that set it (the earliest on a tie)
  std::string date;                 // its day, YYYY-MM-DD ("" if unknown)
  bool resolution_limited = false;  // shorter than that ride's every_n: a lower bound (§1.2)
};

// CSV: duration_s,watts,workout_id,date,resolution_limited (true/false), one row per point.
void WriteCurveCsv(const std::vector<CurveRow>& rows, std::ostream& out);

// One JSON array of objects with the CSV's keys; pretty when `pretty`.
std::string CurveJson(const std::vector<CurveRow>& rows, bool pretty);

// The key durations (1 s, 5 s, 10 s, 30 s, 1, 2, 5, 10, 20, 30, 60, 90 min, 2 h, 3 h) that the
// curve reaches, as an aligned table; a lower bound is marked "*" and explained below.
void PrintCurveTable(const std::vector<CurveRow>& rows, std::ostream& out);

}  // namespace pelo::cli
