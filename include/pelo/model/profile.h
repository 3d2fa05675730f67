// Other people and the signed-in user's public face: profiles (GET /api/user/{id|username},
// followers, following, search), relationships, overview, calendar and achievements.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pelo::model {

// Each side of a relationship: "following", "follow_pending" or "none".
struct Relationship {
  std::string me_to_user;
  std::string user_to_me;
};

// A workout count per discipline (`workout_counts[]`).
struct WorkoutCount {
  std::string name;  // "Cycling"
  std::string slug;  // "cycling"
  int64_t count = 0;
};

// A member profile: GET /api/user/{id}, an item of followers/following/search.
struct UserProfile {
  std::string id;
  std::string username;
  std::string location;
  std::string image_url;
  bool is_profile_private = false;
  std::optional<int64_t> total_workouts;
  std::optional<int64_t> total_followers;
  std::optional<int64_t> total_following;
  std::optional<int64_t> created_at;
  std::optional<bool> authed_user_follows;
  std::optional<Relationship> relationship;
  std::vector<WorkoutCount> workout_counts;
  std::string json;  // the whole object as received (unknown fields stay reachable)
};

struct PersonalRecord {
  std::string name;  // "20 min"
  std::string slug;
  std::optional<double> raw_value;
  std::string value;  // as displayed, "312"
  std::string unit;   // "kj"
  std::string workout_id;
  std::optional<int64_t> workout_date;
};

// Personal records of one discipline.
struct PersonalRecordGroup {
  std::string name;  // "Cycling"
  std::string slug;
  std::vector<PersonalRecord> records;
};

struct Streaks {
  std::optional<int64_t> current_weekly;
  std::optional<int64_t> best_weekly;
  std::optional<int64_t> current_daily;
  std::optional<int64_t> start_date_of_current_weekly;
};

// GET /api/user/{id}/overview.
struct UserOverview {
  std::string id;
  int64_t total_workouts = 0;
  std::vector<WorkoutCount> workout_counts;
  std::vector<PersonalRecordGroup> personal_records;
  Streaks streaks;
  std::optional<int64_t> achievement_count;  // achievement_counts.total_count
  std::string json;
};

// An achievement template and how often it was earned.
struct Achievement {
  std::string id;
  std::string name;
  std::string slug;
  std::string description;
  std::string image_url;
  int64_t count = 0;
};

// GET /api/user/{id}/achievements: achievements grouped by category.
struct AchievementCategory {
  std::string name;
  std::string slug;
  std::vector<Achievement> achievements;
};

// GET /api/user/{id}/calendar: the days of each month with a workout.
struct CalendarMonth {
  int year = 0;
  int month = 0;  // 1-12
  std::vector<int> active_days;
};

}  // namespace pelo::model
