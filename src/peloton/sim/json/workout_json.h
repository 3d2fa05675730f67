// Workout bodies: the synthetic athlete's workout detail, and shaping details for list/joins.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "peloton/sim/world/athlete.h"

namespace pelo::sim {

// GET /api/workout/{id}?joins=ride,ride.instructor for a synthetic workout; `ride_json` is its
// class's RideJson with the instructor (built once per class, not once per workout).
nlohmann::json WorkoutDetailJson(const WorkoutPlan& plan, const RideClass& ride,
                                 nlohmann::json ride_json, const std::string& user_id);

// GET /api/workout/{id}: the detail with its `ride` whatever the joins (the live API embeds it,
// §4.3), `ride.instructor` only with joins=ride.instructor.
nlohmann::json DetailWorkout(const nlohmann::json& detail, bool join_instructor);

// An item of GET /api/user/{id}/workouts: the detail without its detail-only keys; `ride` only
// when joined (a page fetched without joins has none), `ride.instructor` only when that is
// joined too.
nlohmann::json ListedWorkout(const nlohmann::json& detail, bool join_ride, bool join_instructor);

}  // namespace pelo::sim
