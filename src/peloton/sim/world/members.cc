#include "peloton/sim/world/members.h"

#include <algorithm>
#include <map>
#include <set>

#include "pelo/common/strings.h"
#include "peloton/sim/json/ride_json.h"
#include "peloton/sim/world/catalog.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

constexpr int kMemberCount = 60;
constexpr uint64_t kMembersStream = 0x3E3BE5;
constexpr int64_t kPelotonLaunch = 1388534400;  // 2014-01-01: no account is older

const char* const kAdjectives[] = {"Swift", "Steady", "Sunny", "Iron",  "Quiet", "Brave",
                                   "Lucky", "Windy",  "Happy", "Rapid", "Calm",  "Bold"};
const char* const kNouns[] = {"Rider", "Pedals",  "Climber", "Runner", "Rower", "Sprinter",
                              "Yogi",  "Cadence", "Watts",   "Hills",  "Miles", "Legs"};
const char* const kCities[] = {
    "Boston, MA",  "Austin, TX",  "Denver, CO", "Seattle, WA", "London, UK",
    "Toronto, ON", "Chicago, IL", "Berlin, DE", "Sydney, AU",  ""};
const char* const kDisciplines[] = {kCycling, kRunning, kStrength, kYoga, kRowing, kMeditation};

Member MakeMember(uint64_t seed, size_t i, std::set<std::string>* taken) {
  Rng rng(Mix(Mix(seed, kMembersStream), i));
  Member m;
  m.id = HexId(Mix(seed, kMembersStream), i);
  do {
    m.username = std::string(kAdjectives[rng.Next() % std::size(kAdjectives)]) +
                 kNouns[rng.Next() % std::size(kNouns)] + std::to_string(rng.Int(1, 99));
  } while (!taken->insert(Lower(m.username)).second);
  m.location = kCities[rng.Next() % std::size(kCities)];
  m.image_url = "https://s3.amazonaws.com/peloton-profile-images/" + m.id;
  m.is_profile_private = rng.Chance(0.15);
  m.created_at = kPelotonLaunch + rng.Int(0, 3000) * 86400LL;
  for (const char* d : kDisciplines) {
    if (rng.Chance(d == kCycling ? 0.95 : 0.5)) m.workout_counts.emplace_back(d, rng.Int(1, 400));
  }
  std::sort(m.workout_counts.begin(), m.workout_counts.end());
  for (const auto& [slug, count] : m.workout_counts) m.total_workouts += count;
  m.follows_user = rng.Chance(0.4);
  m.followed_by_user = rng.Chance(0.3);
  m.facebook_friend = rng.Chance(0.12);
  return m;
}

}  // namespace

Members::Members(uint64_t seed) {
  std::set<std::string> taken = {"demorider"};  // the signed-in user's username
  for (size_t i = 0; i < kMemberCount; ++i) members_.push_back(MakeMember(seed, i, &taken));
  // Who follows whom among the members: a fixed sparse graph.
  for (size_t a = 0; a < members_.size(); ++a) {
    for (size_t b = 0; b < members_.size(); ++b) {
      if (a != b && Mix(Mix(seed, kMembersStream + 1), a * kMemberCount + b) % 8 == 0) {
        members_[a].following.push_back(b);
        members_[b].followers.push_back(a);
      }
    }
  }
}

const Member* Members::Find(const std::string& id_or_username) const {
  const std::string wanted = Lower(id_or_username);
  for (const Member& m : members_) {
    if (m.id == id_or_username || Lower(m.username) == wanted) return &m;
  }
  return nullptr;
}

nlohmann::json WorkoutCountsJson(const std::vector<std::pair<std::string, int>>& counts) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [slug, count] : counts) {
    list.push_back({{"name", DisciplineName(slug)},
                    {"slug", slug},
                    {"count", count},
                    {"icon_url",
                     "https://s3.amazonaws.com/static-cdn.pelotoncycle.com/"
                     "workout-count-icons/" +
                         slug + ".png"}});
  }
  return list;
}

}  // namespace pelo::sim
