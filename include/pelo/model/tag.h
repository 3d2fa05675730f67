// Tags (GraphQL): a member's tags, search, browse categories and a tag's members.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pelo::model {

// The four browse categories (GraphQL enum TagBrowseCategorySlug).
enum class TagCategory { kFeatured, kFriends, kPopular, kTrending };

// TagCommonInfo (+ hasAdded / isPrimary / metaTag where the query asks for them).
struct Tag {
  std::string name;
  bool exists = false;
  int64_t following_count = 0;
  int64_t total_users = 0;        // users.totalCount
  std::string background_image;   // assets.backgroundImage.location
  std::optional<bool> has_added;  // the signed-in member has the tag
  bool is_primary = false;        // MyTags only
  std::string meta_tag;           // SearchTag: metaTag.displayName
};

// A cursor page (edges/pageInfo).
template <typename T>
struct CursorPage {
  std::vector<T> items;
  bool has_next_page = false;
  std::string end_cursor;
};

// MyTags.
struct MyTags {
  std::optional<int64_t> remaining_slots;  // remainingTagSlotCount
  std::vector<Tag> tags;
};

// A member who has a tag (TagDetail users.edges.node).
struct TagUser {
  std::string id;
  std::string username;
  std::string image_url;
  std::string follow_status;              // "FOLLOWING", "NONE", ...
  std::optional<int64_t> total_workouts;  // absent for private profiles
};

// TagDetail.
struct TagDetail {
  Tag tag;
  std::string detail_background_image;
  CursorPage<TagUser> users;
};

// TagBrowseCategoryDisplayNames: slug ("TRENDING") and its display name.
struct TagCategoryName {
  std::string slug;
  std::string display_name;
};

// SearchTag also resolves the exact tag queried (`tag(tagName:)`).
struct TagSearch {
  std::optional<Tag> exact;  // when a tag with that name exists
  CursorPage<Tag> results;
};

}  // namespace pelo::model
