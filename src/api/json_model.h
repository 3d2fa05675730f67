// simdjson DOM objects -> model structs (tolerant; see json_fields.h). Used by parse.cc.
#pragma once

#include <vector>

#include "api/json_fields.h"
#include "pelo/model/instructor.h"
#include "pelo/model/performance_graph.h"
#include "pelo/model/ride.h"
#include "pelo/model/user.h"
#include "pelo/model/workout.h"

namespace pelo::api::json {

model::User ReadUser(const Object& object);
model::Instructor ReadInstructor(const Object& object);
// A ride (class) with its joined `instructor` object when present.
model::Ride ReadRide(const Object& object);
// The objects of `segment_list`-style arrays.
std::vector<model::Segment> ReadSegments(const simdjson::dom::array& array);
// A workout with its joined `ride` (or legacy `peloton.ride`) and `ftp_info`.
model::Workout ReadWorkout(const Object& object);
model::PerformanceGraph ReadPerformanceGraph(const Object& object);

}  // namespace pelo::api::json
