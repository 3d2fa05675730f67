#include "peloton/sim/state/people.h"

#include <algorithm>
#include <map>

#include "pelo/common/strings.h"
#include "peloton/sim/json/json_read.h"
#include "peloton/sim/world/catalog.h"
#include "peloton/sim/world/time_zones.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

constexpr const char* kDefaultZone = "America/New_York";

json None() { return {{"me_to_user", "none"}, {"user_to_me", "none"}}; }

bool ProfilePrivate(const Context& ctx) {
  const json settings = ctx.account.Settings();
  const auto privacy = settings.find("privacy");
  return privacy != settings.end() && privacy->is_object() &&
         Read(*privacy, "is_profile_private", false);
}

int FollowersOfUser(const Context& ctx) {
  const auto& all = ctx.members.all();
  return static_cast<int>(
      std::count_if(all.begin(), all.end(), [](const Member& m) { return m.follows_user; }));
}

}  // namespace

std::optional<Person> FindPerson(const Context& ctx, const std::string& id_or_username) {
  if (id_or_username == ctx.data->user_id) return Person{};
  const json edits = ctx.account.ProfileEdits();
  const std::string username = Read(edits, "username", Read(ctx.data->me, "username", ""));
  if (EqualsIgnoreCase(id_or_username, username)) return Person{};
  const Member* member = ctx.members.Find(id_or_username);
  if (member == nullptr) return std::nullopt;
  return Person{member};
}

std::vector<const WorkoutEntry*> VisibleWorkouts(const Context& ctx) {
  const std::set<std::string> deleted = ctx.account.DeletedWorkouts();
  std::vector<const WorkoutEntry*> out;
  out.reserve(ctx.data->workouts.size());
  for (const WorkoutEntry& w : ctx.data->workouts) {
    if (deleted.count(w.id) == 0) out.push_back(&w);
  }
  return out;
}

Details VisibleDetails(const Context& ctx) {
  Details out;
  for (const WorkoutEntry* w : VisibleWorkouts(ctx)) out.push_back(&w->detail);
  return out;
}

const WorkoutEntry* FindVisibleWorkout(const Context& ctx, const std::string& id) {
  const WorkoutEntry* w = ctx.data->FindWorkout(id);
  return w == nullptr || ctx.account.IsDeleted(id) ? nullptr : w;
}

json CurrentMe(const Context& ctx) {
  json me = ctx.data->me;
  me.update(ctx.account.ProfileEdits());
  me["name"] = Read(me, "first_name", "") + " " + Read(me, "last_name", "");
  me["is_profile_private"] = ProfilePrivate(ctx);
  std::map<std::string, int> counts;
  int64_t last_workout = 0;
  const auto visible = VisibleWorkouts(ctx);
  for (const WorkoutEntry* w : visible) {
    ++counts[Read(w->detail, "fitness_discipline", "")];
    last_workout = std::max(last_workout, Read(w->detail, "end_time", int64_t{0}));
  }
  const int total = static_cast<int>(visible.size());
  me["total_workouts"] = total;
  me["total_pedaling_metric_workouts"] = counts[kCycling];
  me["total_non_pedaling_metric_workouts"] = total - counts[kCycling];
  std::erase_if(counts, [](const auto& entry) { return entry.second == 0; });
  me["workout_counts"] = WorkoutCountsJson({counts.begin(), counts.end()});
  me["last_workout_at"] = last_workout > 0 ? json(last_workout) : json(nullptr);
  me["total_followers"] = FollowersOfUser(ctx);
  me["total_following"] = ctx.account.Following().size();
  return me;
}

json RelationshipJson(const Context& ctx, const Member& member) {
  return {{"me_to_user", ctx.account.Follows(member.id) ? "following" : "none"},
          {"user_to_me", member.follows_user ? "following" : "none"}};
}

json ProfileJson(const Context& ctx, const Person& person) {
  if (person.is_user()) {
    const json me = CurrentMe(ctx);
    json profile = {{"authed_user_follows", false}, {"relationship", None()}, {"category", "self"}};
    for (const char* key : {"id", "username", "image_url", "location", "is_profile_private",
                            "total_followers", "total_following", "total_workouts"}) {
      profile[key] = me.value(key, json(nullptr));
    }
    return profile;
  }
  const Member& m = *person.member;
  const bool follows = ctx.account.Follows(m.id);
  return {{"id", m.id},
          {"username", m.username},
          {"image_url", m.image_url},
          {"location", m.location},
          {"is_profile_private", m.is_profile_private},
          {"total_followers", m.followers.size() + (follows ? 1 : 0)},
          {"total_following", m.following.size() + (m.follows_user ? 1 : 0)},
          {"total_workouts", m.total_workouts},
          {"authed_user_follows", follows},
          {"relationship", RelationshipJson(ctx, m)},
          {"category", "member"}};
}

json UserJson(const Context& ctx, const Person& person) {
  if (person.is_user()) {
    json user = CurrentMe(ctx);
    user.update(ProfileJson(ctx, person));
    return user;
  }
  json user = ProfileJson(ctx, person);
  user["created_at"] = person.member->created_at;
  user["workout_counts"] = WorkoutCountsJson(person.member->workout_counts);
  return user;
}

std::vector<Person> FollowersOf(const Context& ctx, const Person& person) {
  std::vector<Person> out;
  const auto& all = ctx.members.all();
  if (person.is_user()) {
    for (const Member& m : all) {
      if (m.follows_user) out.push_back(Person{&m});
    }
    return out;
  }
  if (ctx.account.Follows(person.member->id)) out.push_back(Person{});
  for (size_t i : person.member->followers) out.push_back(Person{&all[i]});
  return out;
}

std::vector<Person> FollowingOf(const Context& ctx, const Person& person) {
  std::vector<Person> out;
  const auto& all = ctx.members.all();
  if (person.is_user()) {
    const std::set<std::string> following = ctx.account.Following();
    for (const Member& m : all) {
      if (following.count(m.id)) out.push_back(Person{&m});
    }
    return out;
  }
  if (person.member->follows_user) out.push_back(Person{});
  for (size_t i : person.member->following) out.push_back(Person{&all[i]});
  return out;
}

json DefaultSettings() {
  return {
      {"weight_unit", "imperial"},
      {"height_unit", "imperial"},
      {"distance_unit", "imperial"},
      {"timezone", kDefaultZone},
      {"block_explicit", false},
      {"auto_post_workout_to_strava", false},
      {"auto_post_workout_to_fitbit", false},
      {"class_language_preferences",
       {{{"display_all_classes", true},
         {"locale_name", "English"},
         {"locale", "en-US"},
         {"captions", {{{"locale_name", "English"}, {"locale", "en-US"}, {"enabled", false}}}}}}},
      {"privacy",
       {{"is_profile_private", false},
        {"gender", true},
        {"share_music_profile", true},
        {"friends_can_chat_me", true},
        {"new_facebook_friend_email_notification", true},
        {"weight", false},
        {"new_follower_email_notification", true},
        {"classmates_can_chat_me", false},
        {"age", false},
        {"bmi", false},
        {"height", false},
        {"workout_maps_private", false},
        {"effort_zones_private", false}}},
      {"closed_captions", {{"language_preference", "en-US"}, {"enabled", false}}}};
}

std::string SettingsZone(const json& settings) {
  const std::string zone = Read(settings, "timezone", kDefaultZone);
  return ToLocalTime(zone, 0) ? zone : kDefaultZone;
}

}  // namespace pelo::sim
