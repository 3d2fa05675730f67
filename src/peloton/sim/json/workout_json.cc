// Workout and user bodies of the synthetic athlete, shaped like the captured responses.
#include "peloton/sim/json/workout_json.h"

#include <cmath>

#include "peloton/sim/json/graph_json.h"
#include "peloton/sim/json/movement_tracker.h"
#include "peloton/sim/json/ride_json.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

struct Device {
  const char* device_type;
  const char* platform;
  const char* name;
  const char* display;
};

Device DeviceFor(const WorkoutPlan& w) {
  if (w.discipline == kCycling) return {"home_bike_v1", "home_bike", "Cycling Workout", "Bike"};
  if (w.discipline == kRunning && w.outdoor) {
    return {"iOS_app", "iOS_app", "Running Workout", "iPhone"};
  }
  if (w.discipline == kRunning) return {"home_tread", "home_tread", "Running Workout", "Tread"};
  if (w.discipline == kRowing) return {"caesar", "caesar", "Rowing Workout", "Row"};
  if (w.discipline == kWalking) return {"iOS_app", "iOS_app", "Walking Workout", "iPhone"};
  if (w.discipline == kStrength) return {"iOS_app", "iOS_app", "Strength Workout", "iPhone"};
  if (w.discipline == kYoga) return {"iOS_app", "iOS_app", "Yoga Workout", "iPhone"};
  return {"iOS_app", "iOS_app", "Meditation Workout", "iPhone"};
}

json Achievements(const WorkoutPlan& w, const RideClass& ride) {
  json out = json::array();
  if (ride.is_ftp_test) {
    out.push_back({{"id", HexId(0xAC1, 1)},
                   {"name", "Power Up"},
                   {"slug", "ftp_test"},
                   {"image_url",
                    "https://s3.amazonaws.com/peloton-achievement-images-prod/" + HexId(0xAC1, 2)},
                   {"description", "Awarded for completing an FTP test."}});
  }
  if (w.seed % 9 == 0) {
    out.push_back({{"id", HexId(0xAC2, 1)},
                   {"name", "Best Output"},
                   {"slug", "best_output"},
                   {"image_url",
                    "https://s3.amazonaws.com/peloton-achievement-images-prod/" + HexId(0xAC2, 2)},
                   {"description", "Awarded for beating your best output for a class length."}});
  }
  return out;
}

}  // namespace

json WorkoutDetailJson(const WorkoutPlan& w, const RideClass& ride, json ride_json,
                       const std::string& user_id) {
  const Device device = DeviceFor(w);
  json j = {{"created_at", w.created_at},
            {"device_type", device.device_type},
            {"end_time", w.end_time},
            {"fitness_discipline", w.discipline},
            {"has_pedaling_metrics", w.discipline == kCycling},
            {"has_leaderboard_metrics", !w.outdoor},
            {"id", w.id},
            {"is_total_work_personal_record", false},
            {"is_outdoor", w.outdoor},
            {"metrics_type", MetricsType(w.discipline)},
            {"name", device.name},
            {"peloton_id", HexId(Mix(w.seed, 0x9E1), 1)},
            {"platform", device.platform},
            {"start_time", w.start_time},
            {"status", "COMPLETE"},
            {"timezone", "America/New_York"},
            {"title", nullptr},
            {"total_work", std::round(w.total_work * 100) / 100},
            {"user_id", user_id},
            {"workout_type", "class"},
            {"total_video_watch_time_seconds", ride.duration},
            {"total_video_buffering_seconds", 0},
            {"v2_total_video_watch_time_seconds", ride.duration},
            {"v2_total_video_buffering_seconds", 0},
            {"total_music_audio_play_seconds", nullptr},
            {"total_music_audio_buffer_seconds", nullptr},
            {"ride", std::move(ride_json)},
            {"created", w.created_at},
            {"device_time_created_at", w.created_at - 5 * 3600},
            {"strava_id", nullptr},
            {"fitbit_id", nullptr},
            {"service_id", nullptr},
            {"effort_zones", w.has_hr ? EffortZonesJson(w.zone_seconds) : json(nullptr)},
            {"has_paused", w.pause_s > 0},
            {"is_pause_available", w.pause_s > 0},
            {"is_skip_intro_available", true},
            {"total_heart_rate_zone_durations", nullptr},
            {"average_effort_score", nullptr},
            {"achievement_templates", Achievements(w, ride)},
            {"leaderboard_rank", w.outdoor ? json(nullptr) : json(1000 + (w.seed % 9000))},
            {"total_leaderboard_users", w.outdoor ? json(nullptr) : json(12000 + (w.seed % 20000))},
            {"device_type_display_name", device.display}};
  if (w.discipline == kStrength) j["movement_tracker_data"] = MovementTrackerJson(w, ride);
  if (w.discipline == kCycling) {
    j["ftp_info"] = {
        {"ftp", w.ftp},
        {"ftp_source", "ftp_workout_source"},
        {"ftp_workout_id", w.ftp_workout_id.empty() ? json(nullptr) : json(w.ftp_workout_id)}};
  } else {
    j["ftp_info"] = {{"ftp", 0}, {"ftp_source", nullptr}, {"ftp_workout_id", nullptr}};
  }
  return j;
}

namespace {

// The ride's joined instructor goes unless joins=ride.instructor asked for it.
void KeepInstructorIfJoined(json& workout, bool join_instructor) {
  const auto ride = workout.find("ride");
  if (!join_instructor && ride != workout.end() && ride->is_object()) ride->erase("instructor");
}

}  // namespace

json DetailWorkout(const json& detail, bool join_instructor) {
  json out = detail;
  KeepInstructorIfJoined(out, join_instructor);
  return out;
}

json ListedWorkout(const json& detail, bool join_ride, bool join_instructor) {
  json out = detail;
  // Keys only the detail endpoint returns (geudrik: list items have fewer keys).
  for (const char* key :
       {"achievement_templates", "leaderboard_rank", "total_leaderboard_users", "ftp_info",
        "device_type_display_name", "has_paused", "is_pause_available", "is_skip_intro_available",
        "total_heart_rate_zone_durations", "average_effort_score", "movement_tracker_data"}) {
    out.erase(key);
  }
  if (!join_ride) out.erase("ride");
  KeepInstructorIfJoined(out, join_instructor);
  return out;
}

}  // namespace pelo::sim
