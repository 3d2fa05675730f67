// The tag universe: fixed names (the same for every seed, so demos and docs can name them),
// with members, popularity and trends drawn from the run's seed.
#include "peloton/sim/state/tag_state.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "pelo/common/strings.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

constexpr uint64_t kTagNameSeed = 0x7A6'5EED;
constexpr size_t kUniverseSize = 150;
constexpr size_t kTaggedMemberCount = 40;
constexpr size_t kInitialTags = 3;
constexpr size_t kMaxNameLength = 30;

// Well-known tags first: they are always in the universe and get the most members.
constexpr const char* kWellKnown[] = {
    "PelotonDads",    "PowerZonePack",   "PelotonMoms",  "PelotonDevs", "TeamTread",
    "BootcampBabes",  "PelotonNurses",   "RowCrew",      "YogaFlowers", "StrengthSquad",
    "HillClimbers",   "PelotonTeachers", "Over50Riders", "CanadaRides", "PelotonUK",
    "EarlyBirdRides", "NightOwlRiders",  "PelotonVets",  "CenturyClub", "BeginnerRiders",
};

constexpr const char* kPrefixes[] = {
    "Peloton", "PowerZone", "Tread", "Bike",  "Row",    "Yoga",    "Strength",  "Stretch",
    "Run",     "Ride",      "Hiit",  "Climb", "Tabata", "Cycling", "Endurance", "Outdoor"};

struct Suffix {
  const char* text;
  const char* meta;  // the metaTag displayName search shows, "" for none
};
constexpr Suffix kSuffixes[] = {
    {"Dads", "Family"},          {"Moms", "Family"},          {"Pack", "Community"},
    {"Nurses", "Professions"},   {"Teachers", "Professions"}, {"Crew", "Community"},
    {"Squad", "Community"},      {"Canada", "Places"},        {"UK", "Places"},
    {"Over40", "Age"},           {"Over50", "Age"},           {"Beginners", ""},
    {"Vets", "Community"},       {"Devs", "Professions"},     {"Lovers", ""},
    {"Streakers", "Challenges"},
};

constexpr const char* kUserWords[] = {"Sunrise", "Hill",     "Power", "Cadence", "Watt",
                                      "Coastal", "Midnight", "Spin",  "Steady",  "Iron"};
constexpr const char* kUserRoles[] = {"Rider", "Runner", "Rower", "Climber", "Spinner", "Pacer"};

bool ValidName(const std::string& name) {
  return !name.empty() && name.size() <= kMaxNameLength &&
         std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

// The universe's names and their metaTags: the well-known tags, then prefix x suffix
// combinations in a fixed shuffled order.
std::vector<std::pair<std::string, std::string>> UniverseNames() {
  std::vector<std::pair<std::string, std::string>> names;
  for (const char* name : kWellKnown) names.emplace_back(name, "");
  std::vector<std::pair<std::string, std::string>> combos;
  for (const char* prefix : kPrefixes) {
    for (const Suffix& suffix : kSuffixes) {
      combos.emplace_back(std::string(prefix) + suffix.text, suffix.meta);
    }
  }
  Rng rng(kTagNameSeed);
  for (size_t i = combos.size() - 1; i > 0; --i) {
    std::swap(combos[i], combos[rng.Next() % (i + 1)]);
  }
  for (auto& combo : combos) {
    if (names.size() == kUniverseSize) break;
    const bool taken = std::any_of(names.begin(), names.end(),
                                   [&](const auto& n) { return n.first == combo.first; });
    if (!taken) names.push_back(std::move(combo));
  }
  return names;
}

std::vector<TagMember> MakeMembers(uint64_t seed) {
  Rng rng(Mix(seed, 0x7A9));
  std::vector<TagMember> members;
  for (size_t i = 0; i < kTaggedMemberCount; ++i) {
    TagMember m;
    m.id = HexId(Mix(seed, 0x7A9), i);
    // One draw per statement: the order operands are evaluated in is unspecified.
    const std::string word = kUserWords[rng.Next() % std::size(kUserWords)];
    const std::string role = kUserRoles[rng.Next() % std::size(kUserRoles)];
    m.username = word + role + std::to_string(rng.Int(1, 99));
    m.image_url = "https://s3.amazonaws.com/peloton-profile-images/" + m.id;
    m.follow_status = rng.Chance(0.35) ? "FOLLOWING" : "NONE";
    if (!rng.Chance(0.2)) m.workouts = rng.Int(5, 2500);
    members.push_back(std::move(m));
  }
  return members;
}

}  // namespace

std::string TagCategoryDisplayName(const std::string& slug) {
  if (slug == "TRENDING") return "Trending";
  if (slug == "FEATURED") return "Featured";
  if (slug == "FRIENDS") return "Friends";
  if (slug == "POPULAR") return "Popular";
  return "";
}

TagState::TagState(uint64_t seed, std::string self_id, std::string self_username)
    : members_(MakeMembers(seed)) {
  self_.id = std::move(self_id);
  self_.username = std::move(self_username);
  self_.image_url = "https://s3.amazonaws.com/peloton-profile-images/" + self_.id;
  self_.follow_status = "SELF";
  Rng rng(Mix(seed, 0x7A6));
  for (auto& [name, meta] : UniverseNames()) {
    Tag tag;
    tag.name = std::move(name);
    tag.meta_tag = std::move(meta);
    // Well-known tags hold most of the members, so their users lists span several pages.
    const bool well_known = tags_.size() < std::size(kWellKnown);
    size_t count = 0;
    if (well_known) {
      count = static_cast<size_t>(rng.Int(15, 38));
    } else {
      const int breadth = rng.Int(0, 4);  // most tags are small; one draw per statement
      count = static_cast<size_t>(breadth * rng.Int(0, 3));
    }
    std::vector<size_t> pool(members_.size());
    for (size_t i = 0; i < pool.size(); ++i) pool[i] = i;
    for (size_t i = 0; i < count; ++i) {
      std::swap(pool[i], pool[i + rng.Next() % (pool.size() - i)]);
      tag.members.push_back(pool[i]);
    }
    const int64_t per_member = rng.Int(40, 3000);
    tag.following_count = static_cast<int64_t>(count) * per_member + rng.Int(1, 999);
    tag.trend = rng.Uniform();
    tag.featured = tags_.size() < 8 || rng.Chance(0.12);
    tags_.push_back(std::move(tag));
  }
  while (mine_.size() < kInitialTags) {
    const size_t pick = rng.Next() % tags_.size();
    if (std::find(mine_.begin(), mine_.end(), pick) == mine_.end()) mine_.push_back(pick);
  }
  primary_ = mine_.front();
}

std::optional<size_t> TagState::IndexOf(const std::string& name) const {
  const std::string wanted = Lower(name);
  for (size_t i = 0; i < tags_.size(); ++i) {
    if (Lower(tags_[i].name) == wanted) return i;
  }
  return std::nullopt;
}

bool TagState::Holds(size_t index) const {
  return std::find(mine_.begin(), mine_.end(), index) != mine_.end();
}

TagView TagState::View(size_t index) const {
  const Tag& tag = tags_[index];
  TagView view;
  view.name = tag.name;
  view.exists = true;
  view.following_count = tag.following_count;
  view.meta_tag = tag.meta_tag;
  const std::string images = "https://s3.amazonaws.com/peloton-tag-images/" + Lower(tag.name);
  view.background_image = images + "/background.png";
  view.detail_background_image = images + "/detail_background.png";
  for (size_t m : tag.members) view.users.push_back(members_[m]);
  view.has_added = Holds(index);
  if (view.has_added) view.users.push_back(self_);
  view.is_primary = primary_ == index;
  return view;
}

std::vector<TagView> TagState::Views(const std::vector<size_t>& indices) const {
  std::vector<TagView> views;
  views.reserve(indices.size());
  for (size_t i : indices) views.push_back(View(i));
  return views;
}

std::vector<TagView> TagState::MyTags() const {
  std::lock_guard<std::mutex> lock(mu_);
  return Views(mine_);
}

std::optional<std::vector<TagView>> TagState::TagsOf(const std::string& user_id) const {
  if (user_id.empty() || user_id == self_.id) return MyTags();
  std::lock_guard<std::mutex> lock(mu_);
  const auto member = std::find_if(members_.begin(), members_.end(),
                                   [&](const TagMember& m) { return m.id == user_id; });
  if (member == members_.end()) return std::nullopt;
  const size_t m = static_cast<size_t>(member - members_.begin());
  std::vector<TagView> views;
  for (size_t i = 0; i < tags_.size(); ++i) {
    const auto& list = tags_[i].members;
    if (std::find(list.begin(), list.end(), m) == list.end()) continue;
    views.push_back(View(i));
    // Another member's primary: their first tag (is_primary is about the signed-in member).
    views.back().is_primary = views.size() == 1;
  }
  return views;
}

TagView TagState::Find(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (std::optional<size_t> index = IndexOf(name)) return View(*index);
  TagView unknown;
  unknown.name = name;
  return unknown;
}

std::vector<TagView> TagState::Search(const std::string& query) const {
  std::lock_guard<std::mutex> lock(mu_);
  const std::string wanted = Lower(query);
  std::vector<size_t> hits;
  for (size_t i = 0; i < tags_.size(); ++i) {
    if (Lower(tags_[i].name).find(wanted) != std::string::npos) hits.push_back(i);
  }
  std::stable_sort(hits.begin(), hits.end(), [&](size_t a, size_t b) {
    return tags_[a].following_count > tags_[b].following_count;
  });
  return Views(hits);
}

std::optional<std::vector<TagView>> TagState::Browse(const std::string& slug) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<size_t> all(tags_.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  auto by = [&](auto key, size_t keep) {
    std::stable_sort(all.begin(), all.end(), [&](size_t a, size_t b) { return key(a) > key(b); });
    all.resize(std::min(all.size(), keep));
    return Views(all);
  };
  if (slug == "POPULAR") return by([&](size_t i) { return tags_[i].following_count; }, 50);
  if (slug == "TRENDING") return by([&](size_t i) { return tags_[i].trend; }, 30);
  if (slug == "FEATURED") {
    std::erase_if(all, [&](size_t i) { return !tags_[i].featured; });
    return Views(all);
  }
  if (slug == "FRIENDS") {
    // Tags the members the signed-in member follows hold, the most shared first.
    auto friends = [&](size_t i) {
      return std::count_if(tags_[i].members.begin(), tags_[i].members.end(),
                           [&](size_t m) { return members_[m].follow_status == "FOLLOWING"; });
    };
    std::erase_if(all, [&](size_t i) { return friends(i) == 0; });
    return by(friends, all.size());
  }
  return std::nullopt;
}

TagMutation TagState::Add(const std::string& name) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!ValidName(name)) return {TagError::kInvalidName, {}};
  std::optional<size_t> index = IndexOf(name);
  if (index && Holds(*index)) return {TagError::kAlreadyAdded, {}};
  if (mine_.size() >= kMaxUserTags) return {TagError::kLimitReached, {}};
  if (!index) {
    // Adding a name nobody has creates the tag, as the apps let members do.
    index = tags_.size();
    tags_.push_back(Tag{name, 0, "", {}, 0, false});
  }
  mine_.push_back(*index);
  ++tags_[*index].following_count;
  return {TagError::kNone, View(*index)};
}

TagMutation TagState::Remove(const std::string& name) {
  std::lock_guard<std::mutex> lock(mu_);
  std::optional<size_t> index = IndexOf(name);
  if (!index || !Holds(*index)) return {TagError::kNotAdded, {}};
  std::erase(mine_, *index);
  if (primary_ == index) primary_.reset();
  --tags_[*index].following_count;
  return {TagError::kNone, View(*index)};
}

TagMutation TagState::SetPrimary(const std::string& name) {
  std::lock_guard<std::mutex> lock(mu_);
  std::optional<size_t> index = IndexOf(name);
  if (!index || !Holds(*index)) return {TagError::kNotAdded, {}};
  primary_ = index;
  return {TagError::kNone, View(*index)};
}

}  // namespace pelo::sim
