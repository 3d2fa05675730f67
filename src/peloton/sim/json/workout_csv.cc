#include "peloton/sim/json/workout_csv.h"

#include <cmath>
#include <cstdio>
#include <optional>
#include <vector>

#include "peloton/sim/json/json_read.h"
#include "peloton/sim/json/ride_json.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

constexpr double kKmPerMile = 1.609344;

std::string Fixed(const std::optional<double>& value, int decimals, const char* suffix = "") {
  if (!value) return "";
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.*f%s", decimals, *value, suffix);
  return buf;
}

std::optional<double> Scaled(std::optional<double> value, double factor) {
  if (value) *value *= factor;
  return value;
}

// A field quoted when it holds a comma, quote or newline (RFC 4180).
std::string Quoted(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Timestamp(const json& object, const char* key, const std::string& zone) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return "";
  const auto local = ToLocalTime(zone, it->get<int64_t>());
  return local ? FormatCsvTimestamp(*local) : "";
}

std::string Join(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + fields[i];
  return line + "\n";
}

}  // namespace

std::string CsvHeader(bool metric) {
  return Join({"Workout Timestamp", "Live/On-Demand", "Instructor Name", "Length (minutes)",
               "Fitness Discipline", "Type", "Title", "Class Timestamp", "Total Output",
               "Avg. Watts", "Avg. Resistance", "Avg. Cadence (RPM)",
               metric ? "Avg. Speed (kph)" : "Avg. Speed (mph)",
               metric ? "Distance (km)" : "Distance (mi)", "Calories Burned", "Avg. Heartrate",
               "Avg. Incline", metric ? "Avg. Pace (min/km)" : "Avg. Pace (min/mi)"});
}

std::string CsvRow(const json& detail, const WorkoutMetrics& m, const CsvContext& c) {
  const auto joined = detail.find("ride");
  const json ride = joined != detail.end() && joined->is_object() ? *joined : json::object();
  const int64_t seconds =
      Read(ride, "duration",
           Read(detail, "end_time", int64_t{0}) - Read(detail, "start_time", int64_t{0}));
  const double unit = c.metric ? kKmPerMile : 1.0;
  return Join({Timestamp(detail, "start_time", c.zone),
               Read(ride, "is_archived", true) ? "On Demand" : "Live", Quoted(c.instructor_name),
               std::to_string(std::lround(static_cast<double>(seconds) / 60.0)),
               DisciplineName(Read(detail, "fitness_discipline", "")), Quoted(c.class_type),
               Quoted(Read(ride, "title", "")), Timestamp(ride, "original_air_time", c.zone),
               Fixed(m.total_output_kj, 0), Fixed(m.output.average, 0),
               Fixed(m.resistance.average, 0, "%"), Fixed(m.cadence.average, 0),
               Fixed(Scaled(m.speed.average, unit), 2), Fixed(Scaled(m.distance_mi, unit), 2),
               Fixed(m.calories, 0), Fixed(m.heart_rate.average, 2), Fixed(m.incline.average, 2),
               Fixed(Scaled(m.avg_pace_min_mi, 1.0 / unit), 2)});
}

}  // namespace pelo::sim
