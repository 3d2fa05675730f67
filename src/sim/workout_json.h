// Workout bodies: the synthetic athlete's workout detail, and shaping details for list/joins.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "sim/athlete.h"

namespace pelo::sim {

// GET /api/workout/{id}?joins=ride,ride.instructor for a synthetic workout.
nlohmann::json WorkoutDetailJson(const WorkoutPlan& plan, const RideClass& ride,
                                 const nlohmann::json& instructor, const std::string& user_id);

// A detail body trimmed to what the request asked: list items drop detail-only keys; `ride`
// only when joined, `ride.instructor` only when that is joined too.
nlohmann::json ShapeWorkout(const nlohmann::json& detail, bool for_list, bool join_ride,
                            bool join_instructor);

}  // namespace pelo::sim
