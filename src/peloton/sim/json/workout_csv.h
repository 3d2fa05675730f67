// GET /api/user/{id}/workout_history_csv: Peloton's own CSV export (§8 of the API notes).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "peloton/sim/json/workout_metrics.h"
#include "peloton/sim/world/time_zones.h"

namespace pelo::sim {

// The header row (with its newline); `metric` swaps the mph/mi/min-mi columns for kph/km/min-km.
std::string CsvHeader(bool metric);

// What a row needs besides the workout detail and its metrics.
struct CsvContext {
  std::string zone;  // an IANA zone ToLocalTime knows
  bool metric = false;
  std::string instructor_name;
  std::string class_type;
};

// One row (with its newline) for a workout detail body (`ride` joined) and its metrics.
std::string CsvRow(const nlohmann::json& detail, const WorkoutMetrics& metrics,
                   const CsvContext& context);

}  // namespace pelo::sim
