// JSON for classes: the `ride` object, segment lists and ride details.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "peloton/sim/world/catalog.h"

namespace pelo::sim {

// "cycling", "caesar", "running" (tread and outdoor) or "floor" (strength, yoga, meditation).
std::string MetricsType(const std::string& discipline);

// "Cycling" for "cycling", "Rowing" for "caesar", ...; other slugs as they are.
std::string DisciplineName(const std::string& discipline);

// The `ride` object of a class as the API returns it (without `instructor`).
nlohmann::json RideJson(const RideClass& ride);

// RideJson with `instructor` embedded unless it is null: the `ride` a workout joins.
nlohmann::json RideJson(const RideClass& ride, const nlohmann::json& instructor);

// One segment_list entry.
nlohmann::json SegmentJson(const Segment& segment, const std::string& metrics_type);

// The class's segment_list.
nlohmann::json SegmentListJson(const RideClass& ride);

// The `ride` of GET /api/ride/{id}/details (and of the class library): a workout's `ride`
// (RideJson with its instructor) with the user's view of the class as the details show it.
nlohmann::json DetailsRideJson(nlohmann::json ride);

// GET /api/ride/{id}/details body around its `ride` (DetailsRideJson).
nlohmann::json RideDetailsJson(const RideClass& ride, nlohmann::json details_ride);

}  // namespace pelo::sim
