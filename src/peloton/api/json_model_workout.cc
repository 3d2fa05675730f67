// Users, instructors, rides, segments and workouts.
#include "peloton/api/json_model.h"

namespace pelo::api::json {

model::User ReadUser(const Object& object) {
  model::User user;
  user.id = String(object, "id");
  user.username = String(object, "username");
  user.email = String(object, "email");
  user.total_workouts = Int(object, "total_workouts");
  user.cycling_ftp = Double(object, "cycling_ftp");
  user.cycling_ftp_source = String(object, "cycling_ftp_source");
  user.cycling_workout_ftp = Double(object, "cycling_workout_ftp");
  user.cycling_ftp_workout_id = String(object, "cycling_ftp_workout_id");
  user.estimated_cycling_ftp = Double(object, "estimated_cycling_ftp");
  user.default_max_heart_rate = Double(object, "default_max_heart_rate");
  user.customized_max_heart_rate = Double(object, "customized_max_heart_rate");
  user.weight = Double(object, "weight");
  user.created_at = Int(object, "created_at");
  return user;
}

model::Instructor ReadInstructor(const Object& object) {
  model::Instructor instructor;
  instructor.id = String(object, "id");
  instructor.name = String(object, "name");
  instructor.first_name = String(object, "first_name");
  instructor.last_name = String(object, "last_name");
  instructor.username = String(object, "username");
  instructor.bio = String(object, "bio");
  instructor.image_url = String(object, "image_url");
  instructor.fitness_disciplines = StringArray(object, "fitness_disciplines");
  return instructor;
}

model::Ride ReadRide(const Object& object) {
  model::Ride ride;
  ride.id = String(object, "id");
  ride.title = String(object, "title");
  ride.description = String(object, "description");
  ride.fitness_discipline = String(object, "fitness_discipline");
  ride.instructor_id = String(object, "instructor_id");
  ride.duration = Int(object, "duration");
  ride.length = Int(object, "length");
  ride.original_air_time = Int(object, "original_air_time");
  ride.pedaling_start_offset = Int(object, "pedaling_start_offset");
  ride.difficulty_estimate = Double(object, "difficulty_estimate");
  ride.content_format = String(object, "content_format");
  ride.image_url = String(object, "image_url");
  if (std::optional<Object> instructor = ObjectField(object, "instructor")) {
    ride.instructor = ReadInstructor(*instructor);
  }
  return ride;
}

std::vector<model::Segment> ReadSegments(const simdjson::dom::array& array) {
  std::vector<model::Segment> segments;
  for (Element item : array) {
    Object object;
    if (item.get_object().get(object) != simdjson::SUCCESS) continue;
    model::Segment segment;
    segment.id = String(object, "id");
    segment.name = String(object, "name");
    segment.icon_slug = String(object, "icon_slug");
    segment.metrics_type = String(object, "metrics_type");
    segment.start_time_offset = Int(object, "start_time_offset").value_or(0);
    segment.length = Int(object, "length").value_or(0);
    segment.intensity_in_mets = Double(object, "intensity_in_mets");
    segments.push_back(std::move(segment));
  }
  return segments;
}

namespace {

model::PlannedMovement ReadPlannedMovement(const Object& object) {
  return {String(object, "id"), String(object, "name")};
}

model::ClassPlanStep ReadClassPlanStep(const Object& object, int64_t segment_start_s) {
  model::ClassPlanStep step;
  step.id = String(object, "id");
  step.type = String(object, "type");
  step.display_name = String(object, "display_name");
  step.segment_start_s = segment_start_s;
  std::optional<int64_t> offset = Int(object, "scheduled_offset");
  if (!offset) offset = Int(object, "offset");
  step.offset_s = offset.value_or(0);
  step.length_s = Int(object, "length").value_or(0);
  step.rounds = Int(object, "rounds");
  step.movements = MapObjects(object, "movements", ReadPlannedMovement);
  return step;
}

}  // namespace

std::vector<model::ClassPlanStep> ReadClassPlan(const simdjson::dom::array& segment_list) {
  std::vector<model::ClassPlanStep> plan;
  ForEachObject(segment_list, [&](const Object& segment) {
    const int64_t segment_start_s = Int(segment, "start_time_offset").value_or(0);
    ForEachObject(segment, "subsegments_v2", [&](const Object& subsegment) {
      plan.push_back(ReadClassPlanStep(subsegment, segment_start_s));
    });
  });
  return plan;
}

namespace {

model::Song ReadSong(const Object& object) {
  model::Song song;
  song.title = String(object, "title");
  ForEachObject(object, "artists", [&](const Object& artist) {
    std::string name = String(artist, "artist_name");
    if (name.empty()) return;
    if (!song.artists.empty()) song.artists += ", ";
    song.artists += name;
  });
  if (std::optional<Object> album = ObjectField(object, "album")) {
    song.album = String(*album, "name");
  }
  song.start_time_offset = Int(object, "start_time_offset");
  return song;
}

}  // namespace

std::vector<model::Song> ReadPlaylist(const Object& playlist) {
  return MapObjects(playlist, "songs", ReadSong);
}

namespace {

model::FtpInfo ReadFtpInfo(const Object& object) {
  model::FtpInfo info;
  info.ftp = Double(object, "ftp");
  info.ftp_source = String(object, "ftp_source");
  info.ftp_workout_id = String(object, "ftp_workout_id");
  return info;
}

// `ride` with joins=ride; the 2018-era joins=peloton.ride nests it under `peloton`.
std::optional<Object> RideObject(const Object& workout) {
  if (std::optional<Object> ride = ObjectField(workout, "ride")) return ride;
  if (std::optional<Object> peloton = ObjectField(workout, "peloton")) {
    return ObjectField(*peloton, "ride");
  }
  return std::nullopt;
}

// One `weight[]` entry: {weight_data: {weight_value, weight_unit}}; nullopt without a value.
std::optional<model::MovementWeight> ReadMovementWeight(const Object& object) {
  std::optional<Object> data = ObjectField(object, "weight_data");
  if (!data) return std::nullopt;
  std::optional<double> value = Double(*data, "weight_value");
  if (!value) return std::nullopt;
  return model::MovementWeight{*value, String(*data, "weight_unit")};
}

model::TrackedMovement ReadTrackedMovement(const Object& object) {
  model::TrackedMovement movement;
  movement.movement_id = String(object, "movement_id");
  movement.movement_name = String(object, "movement_name");
  movement.is_hold = Bool(object, "is_hold");
  movement.completed_number = Double(object, "completed_number");
  movement.offset_s = Int(object, "offset").value_or(0);
  movement.length_s = Int(object, "length").value_or(0);
  ForEachObject(object, "weight", [&](const Object& weight) {
    if (std::optional<model::MovementWeight> read = ReadMovementWeight(weight)) {
      movement.weights.push_back(std::move(*read));
    }
  });
  return movement;
}

// movement_tracker_data.completed_movements_summary_data.repetition_summary_data[]; empty when
// any level is absent or null.
std::vector<model::TrackedMovement> ReadTrackedMovements(const Object& workout) {
  std::optional<Object> tracker = ObjectField(workout, "movement_tracker_data");
  if (!tracker) return {};
  std::optional<Object> summary = ObjectField(*tracker, "completed_movements_summary_data");
  if (!summary) return {};
  return MapObjects(*summary, "repetition_summary_data", ReadTrackedMovement);
}

}  // namespace

model::Workout ReadWorkout(const Object& object) {
  model::Workout workout;
  workout.id = String(object, "id");
  workout.user_id = String(object, "user_id");
  workout.peloton_id = String(object, "peloton_id");
  workout.name = String(object, "name");
  workout.title = String(object, "title");
  workout.status = String(object, "status");
  workout.fitness_discipline = String(object, "fitness_discipline");
  workout.metrics_type = String(object, "metrics_type");
  workout.device_type = String(object, "device_type");
  workout.platform = String(object, "platform");
  workout.workout_type = String(object, "workout_type");
  workout.timezone = String(object, "timezone");
  workout.created_at = Int(object, "created_at");
  workout.start_time = Int(object, "start_time");
  workout.end_time = Int(object, "end_time");
  workout.total_work = Double(object, "total_work");
  workout.has_pedaling_metrics = Bool(object, "has_pedaling_metrics");
  workout.is_outdoor = Bool(object, "is_outdoor");
  if (std::optional<Object> ride = RideObject(object)) workout.ride = ReadRide(*ride);
  if (std::optional<Object> ftp_info = ObjectField(object, "ftp_info")) {
    workout.ftp_info = ReadFtpInfo(*ftp_info);
  }
  workout.tracked_movements = ReadTrackedMovements(object);
  return workout;
}

}  // namespace pelo::api::json
