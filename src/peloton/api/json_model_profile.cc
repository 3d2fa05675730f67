// Member profiles, relationships, overview, achievements and the activity calendar.
#include "pelo/peloton/api/parse_more.h"
#include "peloton/api/json_envelope.h"
#include "peloton/api/json_model.h"

namespace pelo::api::json {
namespace {

model::WorkoutCount ReadWorkoutCount(const Object& object) {
  return {String(object, "name"), String(object, "slug"), Int(object, "count").value_or(0)};
}

// `workout_counts` is a list on profiles and {total_workouts, workouts: [...]} on the overview.
std::vector<model::WorkoutCount> ReadWorkoutCounts(const Object& parent) {
  if (std::optional<Object> counts = ObjectField(parent, "workout_counts")) {
    return MapObjects(*counts, "workouts", ReadWorkoutCount);
  }
  return MapObjects(parent, "workout_counts", ReadWorkoutCount);
}

model::Relationship ReadRelationship(const Object& object) {
  return {String(object, "me_to_user"), String(object, "user_to_me")};
}

model::PersonalRecord ReadPersonalRecord(const Object& object) {
  model::PersonalRecord record;
  record.name = String(object, "name");
  record.slug = String(object, "slug");
  record.raw_value = Double(object, "raw_value");
  record.value = Text(object, "value");
  record.unit = String(object, "unit");
  record.workout_id = String(object, "workout_id");
  record.workout_date = Int(object, "workout_date");
  return record;
}

model::PersonalRecordGroup ReadPersonalRecordGroup(const Object& object) {
  return {String(object, "name"), String(object, "slug"),
          MapObjects(object, "records", ReadPersonalRecord)};
}

model::Streaks ReadStreaks(const Object& object) {
  return {Int(object, "current_weekly"), Int(object, "best_weekly"), Int(object, "current_daily"),
          Int(object, "start_date_of_current_weekly")};
}

model::UserOverview ReadUserOverview(const Object& object) {
  model::UserOverview overview;
  overview.id = String(object, "id");
  if (std::optional<Object> counts = ObjectField(object, "workout_counts")) {
    overview.total_workouts = Int(*counts, "total_workouts").value_or(0);
  }
  overview.workout_counts = ReadWorkoutCounts(object);
  overview.personal_records = MapObjects(object, "personal_records", ReadPersonalRecordGroup);
  if (std::optional<Object> streaks = ObjectField(object, "streaks")) {
    overview.streaks = ReadStreaks(*streaks);
  }
  if (std::optional<Object> achievements = ObjectField(object, "achievement_counts")) {
    overview.achievement_count = Int(*achievements, "total_count");
  }
  overview.json = Minified(object);
  return overview;
}

model::AchievementCategory ReadAchievementCategory(const Object& object) {
  return {String(object, "name"), String(object, "slug"),
          MapObjects(object, "achievements", ReadAchievement)};
}

model::CalendarMonth ReadCalendarMonth(const Object& object) {
  model::CalendarMonth month;
  month.year = static_cast<int>(Int(object, "year").value_or(0));
  month.month = static_cast<int>(Int(object, "month").value_or(0));
  for (int64_t day : IntArray(object, "active_days"))
    month.active_days.push_back(static_cast<int>(day));
  return month;
}

}  // namespace

model::UserProfile ReadUserProfile(const Object& object) {
  model::UserProfile profile;
  profile.id = String(object, "id");
  profile.username = String(object, "username");
  profile.location = String(object, "location");
  profile.image_url = String(object, "image_url");
  profile.is_profile_private = Bool(object, "is_profile_private");
  profile.total_workouts = Int(object, "total_workouts");
  profile.total_followers = Int(object, "total_followers");
  profile.total_following = Int(object, "total_following");
  profile.created_at = Int(object, "created_at");
  profile.authed_user_follows = OptionalBool(object, "authed_user_follows");
  if (std::optional<Object> relationship = ObjectField(object, "relationship")) {
    profile.relationship = ReadRelationship(*relationship);
  }
  profile.workout_counts = ReadWorkoutCounts(object);
  profile.json = Minified(object);
  return profile;
}

model::Achievement ReadAchievement(const Object& object) {
  // Earned achievements wrap the template with a count; workout achievements are templates.
  const Object source = ObjectField(object, "template").value_or(object);
  model::Achievement achievement;
  achievement.id = String(source, "id");
  achievement.name = String(source, "name");
  achievement.slug = String(source, "slug");
  achievement.description = String(source, "description");
  achievement.image_url = String(source, "image_url");
  achievement.count = Int(object, "count").value_or(0);
  return achievement;
}

}  // namespace pelo::api::json

namespace pelo::api {

StatusOr<model::UserProfile> ParseUserProfile(std::string_view body) {
  return json::ParseOne(body, json::ReadUserProfile);
}

StatusOr<model::Page<model::UserProfile>> ParseProfilePage(std::string_view body) {
  return json::ParsePage(body, json::ReadUserProfile);
}

StatusOr<model::UserOverview> ParseUserOverview(std::string_view body) {
  return json::ParseOne(body, json::ReadUserOverview);
}

StatusOr<std::vector<model::AchievementCategory>> ParseAchievementCategories(
    std::string_view body) {
  return json::ParseList(body, "categories", json::ReadAchievementCategory);
}

StatusOr<std::vector<model::CalendarMonth>> ParseCalendar(std::string_view body) {
  return json::ParseList(body, "months", json::ReadCalendarMonth);
}

StatusOr<model::Relationship> ParseRelationship(std::string_view body) {
  return json::ParseOne(body, json::ReadRelationship);
}

}  // namespace pelo::api
