// JSON for classes: the `ride` object, segment lists and ride details.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "peloton/sim/world/catalog.h"
#include "peloton/sim/world/targets.h"

namespace pelo::sim {

// Seconds of a class video before pedaling starts (`pedaling_start_offset`): class second t is
// second 60 + t of the video, the clock of instructor cues and target metrics.
inline constexpr int kPedalingStartOffset = 60;

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

// The class's segment_list (as a performance graph carries it).
nlohmann::json SegmentListJson(const RideClass& ride);

// The segment_list of the class's details: SegmentListJson with each segment's
// `subsegments_v2` (its movement plan) for a strength class.
nlohmann::json PlannedSegmentListJson(const RideClass& ride);

// One movement of the library (world/movements.h) as a subsegment lists it.
nlohmann::json MovementJson(size_t movement);

// Target metric blocks as the API writes them: {offsets: {start, end}, segment_type,
// metrics: [{name, upper, lower}]}, offsets on the video's clock (kPedalingStartOffset + class
// second), `end` inclusive.
nlohmann::json TargetMetricsJson(const std::vector<TargetBlock>& targets);

// The `ride` of GET /api/ride/{id}/details (and of the class library): a workout's `ride`
// (RideJson with its instructor) with the user's view of the class as the details show it.
nlohmann::json DetailsRideJson(nlohmann::json ride);

// GET /api/ride/{id}/details body around its `ride` (DetailsRideJson).
nlohmann::json RideDetailsJson(const RideClass& ride, nlohmann::json details_ride);

}  // namespace pelo::sim
