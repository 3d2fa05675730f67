// Peloton display units -> the metric units pelo stores (SampleRow column names say which).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/model/performance_graph.h"
#include "pelo/model/tables.h"

namespace pelo::store {

inline constexpr double kKmPerMile = 1.609344;
inline constexpr double kMetresPerFoot = 0.3048;

// A distance in `unit` ("mi", "km", "m") as km; nullopt for an unknown unit.
std::optional<double> DistanceKm(std::optional<double> value, std::string_view unit);

// A height in `unit` ("ft", "m") as metres; nullopt for an unknown unit.
std::optional<double> ElevationM(std::optional<double> value, std::string_view unit);

// One row per time-axis entry of `graph` (duplicate timestamps: the first wins), each metric
// converted to metric units; metrics with an unknown unit are left empty rather than guessed.
std::vector<model::SampleRow> BuildSampleRows(const std::string& workout_id,
                                              const model::PerformanceGraph& graph);

}  // namespace pelo::store
