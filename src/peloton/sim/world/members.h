// The other members of the simulated Peloton: ~60 people with usernames, some of whom follow
// the signed-in user, some whom the user follows at start-up, and who follow each other.
// Deterministic in the seed; which of them the user follows later is AccountState's business.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace pelo::sim {

struct Member {
  std::string id;
  std::string username;
  std::string location;
  std::string image_url;
  bool is_profile_private = false;
  int64_t created_at = 0;
  std::vector<std::pair<std::string, int>> workout_counts;  // discipline slug -> count
  int total_workouts = 0;
  bool follows_user = false;      // follows the signed-in user
  bool followed_by_user = false;  // the signed-in user follows them at start-up
  bool facebook_friend = false;   // listed by /facebook_friends of the signed-in user
  std::vector<size_t> followers;  // other members following this one (positions)
  std::vector<size_t> following;  // other members this one follows (positions)
};

class Members {
 public:
  explicit Members(uint64_t seed);

  const std::vector<Member>& all() const { return members_; }
  // The member with this id or (case-insensitive) username; nullptr when none.
  const Member* Find(const std::string& id_or_username) const;

 private:
  std::vector<Member> members_;
};

// The `workout_counts` list of a profile: [{name, slug, count, icon_url}] in slug order.
nlohmann::json WorkoutCountsJson(const std::vector<std::pair<std::string, int>>& counts);

}  // namespace pelo::sim
