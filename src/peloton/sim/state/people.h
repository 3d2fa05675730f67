// People as the API shows them: the signed-in user (the data set's /api/me plus what they
// changed and deleted) and the members, with relationships seen from the signed-in user.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "peloton/sim/json/progress.h"
#include "peloton/sim/state/context.h"

namespace pelo::sim {

// The signed-in user (member == nullptr) or one of the members.
struct Person {
  const Member* member = nullptr;
  bool is_user() const { return member == nullptr; }
};

// The person with this id or (case-insensitive) username; nullopt when nobody has it.
std::optional<Person> FindPerson(const Context& ctx, const std::string& id_or_username);

// The workouts not deleted, newest first.
std::vector<const WorkoutEntry*> VisibleWorkouts(const Context& ctx);
Details VisibleDetails(const Context& ctx);
// The workout unless unknown or deleted.
const WorkoutEntry* FindVisibleWorkout(const Context& ctx, const std::string& id);

// GET /api/me: the data set's body with profile edits, follow counts and workout totals.
nlohmann::json CurrentMe(const Context& ctx);

// A UserProfile (id, username, image_url, location, is_profile_private, total_followers,
// total_following, total_workouts, authed_user_follows, relationship, category).
nlohmann::json ProfileJson(const Context& ctx, const Person& person);
// GET /api/user/{id}: the profile plus created_at and workout_counts (all of /api/me for the
// signed-in user).
nlohmann::json UserJson(const Context& ctx, const Person& person);

// Followers and followees, the user first then members in a fixed order.
std::vector<Person> FollowersOf(const Context& ctx, const Person& person);
std::vector<Person> FollowingOf(const Context& ctx, const Person& person);

// {"me_to_user", "user_to_me"} between the signed-in user and `member`.
nlohmann::json RelationshipJson(const Context& ctx, const Member& member);

// The settings a new account has (§5.B UserSettings).
nlohmann::json DefaultSettings();
// The settings' timezone when ToLocalTime knows it, else "America/New_York".
std::string SettingsZone(const nlohmann::json& settings);

}  // namespace pelo::sim
