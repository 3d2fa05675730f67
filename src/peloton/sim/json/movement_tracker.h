// The Peloton Guide's count of a strength workout: the workout detail's `movement_tracker_data`.
#pragma once

#include <nlohmann/json.hpp>

#include "peloton/sim/world/athlete.h"

namespace pelo::sim {

// {completed_movements_summary_data: {repetition_summary_data: [...], totals...}} for a workout
// with WorkoutPlan::movements_tracked: one repetition entry per tracked set of its class's plan
// (RideClass::subsegments), at the set's offset and length; reps and dumbbells drawn from a
// stream of the workout's own. null for any other workout.
nlohmann::json MovementTrackerJson(const WorkoutPlan& plan, const RideClass& ride);

}  // namespace pelo::sim
