// Tidy CSV for the workouts and samples tables (RFC 4180, "\n" line ends, empty = missing).
#include "pelo/export/csv.h"

#include <charconv>
#include <cmath>
#include <string>

#include "pelo/common/time.h"

namespace pelo::exporter {
namespace {

// Fixed notation reads best and pandas parses it exactly; outside this range the shortest
// scientific form avoids hundreds of digits.
constexpr double kFixedMin = 1e-6;
constexpr double kFixedMax = 1e16;
constexpr int kSignificantDigits = 15;

std::string Epoch(const std::optional<int64_t>& epoch_s, std::string (*format)(int64_t)) {
  return epoch_s ? format(*epoch_s) : std::string();
}

std::string Integer(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; }

}  // namespace

const std::vector<std::string>& WorkoutColumns() {
  static const std::vector<std::string> kColumns = {"workout_id",
                                                    "peloton_id",
                                                    "date",
                                                    "duration",
                                                    "total_output",
                                                    "max_output",
                                                    "average_output",
                                                    "average_cadence",
                                                    "max_resistance",
                                                    "average_resistance",
                                                    "average_heart_rate",
                                                    "max_heart_rate",
                                                    "discipline",
                                                    "title",
                                                    "instructor",
                                                    "start_time",
                                                    "distance_km",
                                                    "calories_kcal",
                                                    "ftp"};
  return kColumns;
}

const std::vector<std::string>& SampleColumns() {
  static const std::vector<std::string> kColumns = {
      "workout_id",      "t_s",        "output_w",        "cadence_rpm",
      "resistance_pct",  "speed_kph",  "heart_rate_bpm",  "incline_pct",
      "pace_min_per_km", "altitude_m", "stroke_rate_spm", "split_pace_s_per_500m"};
  return kColumns;
}

void WriteCsvRecord(const std::vector<std::string>& cells, std::ostream& out) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out << ',';
    out << CsvEscape(cells[i]);
  }
  out << '\n';
}

std::string CsvEscape(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string FormatNumber(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return "";
  double value = *v == 0 ? 0.0 : *v;  // no "-0"
  double magnitude = std::fabs(value);
  bool fixed = value == 0 || (magnitude >= kFixedMin && magnitude < kFixedMax);
  // 15 significant digits are exact for any decimal a double can hold, and drop the binary
  // noise of unit conversions (16.5 mph is 26.554176 km/h, not 26.554176000000002).
  char shortest[64];
  auto end = std::to_chars(shortest, shortest + sizeof(shortest), value, std::chars_format::general,
                           kSignificantDigits)
                 .ptr;
  double rounded = value;
  std::from_chars(shortest, end, rounded);
  char buffer[400];
  auto result =
      fixed ? std::to_chars(buffer, buffer + sizeof(buffer), rounded, std::chars_format::fixed)
            : std::to_chars(buffer, buffer + sizeof(buffer), rounded);
  return std::string(buffer, result.ptr);
}

void WriteWorkoutsCsv(const std::vector<model::WorkoutRow>& rows, std::ostream& out) {
  WriteCsvRecord(WorkoutColumns(), out);
  for (const model::WorkoutRow& row : rows) {
    WriteCsvRecord(
        {row.workout_id, row.peloton_id, Epoch(row.end_time, FormatUtcDateTime),
         FormatNumber(row.duration), FormatNumber(row.total_output), FormatNumber(row.max_output),
         FormatNumber(row.average_output), FormatNumber(row.average_cadence),
         FormatNumber(row.max_resistance), FormatNumber(row.average_resistance),
         FormatNumber(row.average_heart_rate), FormatNumber(row.max_heart_rate), row.discipline,
         row.title, row.instructor, Epoch(row.start_time, FormatIso8601Utc),
         FormatNumber(row.distance_km), FormatNumber(row.calories_kcal), FormatNumber(row.ftp)},
        out);
  }
}

void WriteSampleCsvHeader(std::ostream& out) { WriteCsvRecord(SampleColumns(), out); }

void WriteSampleCsvRow(const model::SampleRow& row, std::ostream& out) {
  WriteCsvRecord(
      {row.workout_id, Integer(row.t_s), FormatNumber(row.output_w), FormatNumber(row.cadence_rpm),
       FormatNumber(row.resistance_pct), FormatNumber(row.speed_kph),
       FormatNumber(row.heart_rate_bpm), FormatNumber(row.incline_pct),
       FormatNumber(row.pace_min_per_km), FormatNumber(row.altitude_m),
       FormatNumber(row.stroke_rate_spm), FormatNumber(row.split_pace_s_per_500m)},
      out);
}

}  // namespace pelo::exporter
