// simdjson DOM objects -> model structs (tolerant; see json_fields.h). The readers that more
// than one json_model_*.cc file needs; the rest stay private to their file.
#pragma once

#include <vector>

#include "pelo/model/instructor.h"
#include "pelo/model/performance_graph.h"
#include "pelo/model/profile.h"
#include "pelo/model/ride.h"
#include "pelo/model/user.h"
#include "pelo/model/workout.h"
#include "peloton/api/json_fields.h"

namespace pelo::api::json {

model::User ReadUser(const Object& object);
model::Instructor ReadInstructor(const Object& object);
// A ride (class) with its joined `instructor` object when present.
model::Ride ReadRide(const Object& object);
// The objects of `segment_list`-style arrays.
std::vector<model::Segment> ReadSegments(const simdjson::dom::array& array);
// Every `subsegments_v2[]` of the segments of a details `segment_list`, in order, each with its
// segment's start.
std::vector<model::ClassPlanStep> ReadClassPlan(const simdjson::dom::array& segment_list);
// The songs of a details `playlist` object.
std::vector<model::Song> ReadPlaylist(const Object& playlist);
// A workout with its joined `ride` (or legacy `peloton.ride`) and `ftp_info`.
model::Workout ReadWorkout(const Object& object);
model::PerformanceGraph ReadPerformanceGraph(const Object& object);

// A member profile (followers, search, a workout's joined `user`).
model::UserProfile ReadUserProfile(const Object& object);
// An achievement: `{count, template: {...}}`, or a bare template (count 0).
model::Achievement ReadAchievement(const Object& object);

}  // namespace pelo::api::json
