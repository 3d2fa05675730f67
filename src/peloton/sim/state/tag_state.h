// The simulator's tag world (GraphQL): a deterministic universe of tags and synthetic members,
// and the signed-in member's tags, which the mutations change for the rest of the run.
// Thread-safe: every public method takes the lock, and answers are copies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace pelo::sim {

inline constexpr size_t kMaxUserTags = 10;  // remainingTagSlotCount = 10 - tags held

// A member who appears in tags' users lists (TagDetail).
struct TagMember {
  std::string id;  // 32 hex, like Peloton user ids
  std::string username;
  std::string image_url;
  std::string follow_status;    // "FOLLOWING" or "NONE" (as seen by the signed-in member)
  std::optional<int> workouts;  // nullopt: private profile (UserPrivacyError)
};

// A tag as answered: the universe's data plus what the signed-in member did with it.
struct TagView {
  std::string name;
  bool exists = false;  // false: a name nobody has (tag(tagName:) still answers it)
  int64_t following_count = 0;
  std::string meta_tag;  // "" = no metaTag
  std::string background_image;
  std::string detail_background_image;
  std::vector<TagMember> users;  // the signed-in member last, when they hold the tag
  bool has_added = false;
  bool is_primary = false;
};

enum class TagError { kNone, kInvalidName, kLimitReached, kAlreadyAdded, kNotAdded };

struct TagMutation {
  TagError error = TagError::kNone;
  TagView tag;  // the tag after the change (valid when error == kNone)
};

class TagState {
 public:
  // `self_id` / `self_username`: the signed-in member (listed among a tag's users once added).
  TagState(uint64_t seed, std::string self_id, std::string self_username);

  // The signed-in member's tags in the order added.
  std::vector<TagView> MyTags() const;
  // Another member's tags (id known), the signed-in member's for "" or self_id; nullopt when
  // the id is nobody's.
  std::optional<std::vector<TagView>> TagsOf(const std::string& user_id) const;
  // The tag named `name` (any case); exists=false and empty when there is none.
  TagView Find(const std::string& name) const;
  // Tags whose name contains `query` (any case), most followed first.
  std::vector<TagView> Search(const std::string& query) const;
  // The browse category `slug` (FEATURED, FRIENDS, POPULAR, TRENDING); nullopt when unknown.
  std::optional<std::vector<TagView>> Browse(const std::string& slug) const;

  TagMutation Add(const std::string& name);
  TagMutation Remove(const std::string& name);
  TagMutation SetPrimary(const std::string& name);

 private:
  struct Tag {
    std::string name;
    int64_t following_count = 0;
    std::string meta_tag;
    std::vector<size_t> members;  // indices into members_
    double trend = 0;             // TRENDING order
    bool featured = false;
  };

  std::optional<size_t> IndexOf(const std::string& name) const;  // any case
  TagView View(size_t index) const;
  std::vector<TagView> Views(const std::vector<size_t>& indices) const;
  bool Holds(size_t index) const;

  mutable std::mutex mu_;
  std::vector<Tag> tags_;
  std::vector<TagMember> members_;
  TagMember self_;
  std::vector<size_t> mine_;  // the signed-in member's tags, in the order added
  std::optional<size_t> primary_;
};

// The human name of a browse category slug ("Trending"...), "" for an unknown slug.
std::string TagCategoryDisplayName(const std::string& slug);

}  // namespace pelo::sim
