// JSON -> model. Tolerant: unknown fields are ignored, missing or null fields stay empty, and
// only a body that is not JSON (or not the expected top-level shape) is an error (kApi).
#pragma once

#include <string_view>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/model/instructor.h"
#include "pelo/model/performance_graph.h"
#include "pelo/model/ride.h"
#include "pelo/model/user.h"
#include "pelo/model/workout.h"

namespace pelo::api {

StatusOr<model::User> ParseUser(std::string_view json);
StatusOr<model::WorkoutPage> ParseWorkoutPage(std::string_view json);
StatusOr<model::Workout> ParseWorkout(std::string_view json);
StatusOr<model::PerformanceGraph> ParsePerformanceGraph(std::string_view json);
StatusOr<model::RideDetails> ParseRideDetails(std::string_view json);
StatusOr<model::Instructor> ParseInstructor(std::string_view json);
// GET /api/instructor: the `data` array.
StatusOr<std::vector<model::Instructor>> ParseInstructorList(std::string_view json);

// `json` without a leading UTF-8 byte-order mark.
std::string_view StripBom(std::string_view json);

}  // namespace pelo::api
