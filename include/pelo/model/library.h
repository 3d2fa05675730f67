// The class library: archived and live classes, filters, categories, scheduled sessions,
// reservations, and who you follow took a class.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pelo/model/instructor.h"
#include "pelo/model/page.h"
#include "pelo/model/profile.h"
#include "pelo/model/ride.h"
#include "pelo/model/workout.h"

namespace pelo::model {

// What GET /api/v2/ride/archived may filter and sort by (unset fields are not sent).
struct ClassQuery {
  std::string browse_category;  // cycling, running, strength, yoga, ... (the discipline)
  std::string instructor_id;
  std::string content_format;  // "audio,video"
  std::vector<int> durations;  // minutes; sent as `duration` in seconds, comma separated
  std::string sort_by;         // original_air_time, trending, popularity, top_rated, difficulty
  std::optional<bool> desc;
  std::optional<bool> is_favorite_ride;
  int page = 0;
  int limit = 18;
};

// GET /api/v2/ride/archived: a page of classes plus the instructors they reference.
struct ClassPage {
  Page<Ride> rides;
  std::vector<Instructor> instructors;
};

// One filter of GET /api/ride/filters and its values.
struct RideFilterValue {
  std::string value;
  std::string display_name;
};
struct RideFilter {
  std::string name;  // "instructor_id", "duration", "class_type_id", ...
  std::string display_name;
  std::string type;  // "toggle", "single_select", ...
  std::vector<RideFilterValue> values;
};
struct RideSort {
  std::string slug;  // "new"
  std::string display_name;
  std::string sort;  // original_air_time
  bool desc = false;
};
struct RideFilters {
  std::vector<RideFilter> filters;
  std::vector<RideSort> sorts;
};

// GET /api/browse_categories.
struct BrowseCategory {
  std::string id;
  std::string name;
  std::string slug;
  std::optional<int64_t> list_order;
};

// GET /api/peloton/{id}, and the items of GET /api/v3/ride/live: a scheduled class session.
struct LiveSession {
  std::string id;  // the peloton (session) id
  std::string ride_id;
  std::string status;  // "PRE_START", "IN_PROGRESS", "COMPLETE"
  std::optional<int64_t> scheduled_start_time;
  std::optional<int64_t> start_time;
  std::optional<int64_t> end_time;
  bool is_live = false;
  bool is_encore = false;
  std::optional<int64_t> total_home_reservations;
  std::optional<Ride> ride;  // from the response's `rides[]` when listed
  std::string json;
};

// What GET /api/v3/ride/live may filter by (unset fields are not sent).
struct LiveQuery {
  std::string browse_category;
  std::optional<int64_t> start;  // epoch s
  std::optional<int64_t> end;
  bool exclude_complete = true;
  std::string content_provider = "studio";
  bool exclude_live_in_studio_only = true;
};

// POST /api/reservation.
struct Reservation {
  std::string id;
  std::string peloton_id;
  std::string user_id;
  std::string join_token;
};

// GET /api/ride/metadata_mappings: the ids classes refer to.
struct IdName {
  std::string id;
  std::string name;
  std::string slug;
};
struct MetadataMappings {
  std::vector<IdName> class_types;
  std::vector<IdName> fitness_disciplines;
  std::vector<IdName> equipment;
  std::string json;
};

// An item of GET /api/ride/{id}/recent_following_workouts: a workout with its `user` joined.
struct FollowingWorkout {
  Workout workout;
  UserProfile user;
};

}  // namespace pelo::model
