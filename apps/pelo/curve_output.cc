#include "curve_output.h"

#include <algorithm>

#include "pelo/export/csv.h"
#include "render.h"

namespace pelo::cli {
namespace {

constexpr int kKeyDurationsS[] = {1,   5,    10,   30,   60,   120,  300,
                                  600, 1200, 1800, 3600, 5400, 7200, 10800};

// "30 s", "5 min", "2 h".
std::string DurationLabel(int seconds) {
  if (seconds < 60) return std::to_string(seconds) + " s";
  if (seconds < 7200) return std::to_string(seconds / 60) + " min";
  return std::to_string(seconds / 3600) + " h";
}

}  // namespace

void WriteCurveCsv(const std::vector<app::CurvePoint>& rows, std::ostream& out) {
  out << "duration_s,watts,workout_id,date,resolution_limited\n";
  for (const app::CurvePoint& r : rows) {
    out << r.duration_s << "," << exporter::FormatNumber(r.watts) << ","
        << exporter::CsvEscape(r.workout_id) << "," << r.date << ","
        << (r.resolution_limited ? "true" : "false") << "\n";
  }
}

void PrintCurveTable(const std::vector<app::CurvePoint>& rows, std::ostream& out) {
  Table table({{"duration", 8, true}, {"watts", 6, true}, {"date", 10}, {"workout", 32}});
  bool limited = false;
  for (int d : kKeyDurationsS) {
    const auto at = std::find_if(rows.begin(), rows.end(),
                                 [d](const app::CurvePoint& r) { return r.duration_s == d; });
    if (at == rows.end()) continue;
    limited = limited || at->resolution_limited;
    table.Add({DurationLabel(d), NumberCell(at->watts) + (at->resolution_limited ? "*" : ""),
               at->date, at->workout_id});
  }
  if (table.empty()) {
    out << "No stored power curve in that range (rides with power, synced by this pelo).\n";
    return;
  }
  table.Print(out);
  if (limited) {
    out << "* shorter than the ride's sampling interval (--every-n): a lower bound of the peak\n";
  }
}

}  // namespace pelo::cli
