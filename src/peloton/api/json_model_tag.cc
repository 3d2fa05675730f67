// GraphQL tag answers -> model (tolerant, see json_fields.h). Each parser walks the selection
// set of its §7.3 query; a missing branch leaves the value empty instead of failing.
#include <initializer_list>

#include "peloton/api/graphql.h"
#include "peloton/api/json_fields.h"

namespace pelo::api::graphql {
namespace {

using json::Element;
using json::Object;

// The object at `path` below `object` (each step an object member), or nullopt.
std::optional<Object> Nested(const Object& object, std::initializer_list<std::string_view> path) {
  std::optional<Object> current = object;
  for (const std::string_view key : path) {
    if (!current) break;
    current = json::ObjectField(*current, key);
  }
  return current;
}

std::string NestedString(const Object& object, std::initializer_list<std::string_view> path,
                         std::string_view key) {
  std::optional<Object> parent = Nested(object, path);
  return parent ? json::String(*parent, key) : "";
}

// A bool member when present as a bool: `hasAdded` is only asked for by some queries.
std::optional<bool> OptionalBool(const Object& object, std::string_view key) {
  bool flag = false;
  if (object.at_key(key).get_bool().get(flag) != simdjson::SUCCESS) return std::nullopt;
  return flag;
}

// Calls `fn(object)` for every object element of array member `key`.
template <typename Fn>
void ForEachObject(const Object& parent, std::string_view key, Fn&& fn) {
  std::optional<simdjson::dom::array> array = json::ArrayField(parent, key);
  if (!array) return;
  for (Element item : *array) {
    Object object;
    if (item.get_object().get(object) == simdjson::SUCCESS) fn(object);
  }
}

// TagCommonInfo plus whichever of hasAdded / metaTag the query selected.
model::Tag ReadTag(const Object& object) {
  model::Tag tag;
  tag.name = json::String(object, "name");
  tag.exists = json::Bool(object, "exists");
  tag.following_count = json::Int(object, "followingCount").value_or(0);
  if (std::optional<Object> users = json::ObjectField(object, "users")) {
    tag.total_users = json::Int(*users, "totalCount").value_or(0);
  }
  tag.background_image = NestedString(object, {"assets", "backgroundImage"}, "location");
  tag.has_added = OptionalBool(object, "hasAdded");
  tag.meta_tag = NestedString(object, {"metaTag"}, "displayName");
  return tag;
}

model::TagUser ReadTagUser(const Object& object) {
  model::TagUser user;
  user.id = json::String(object, "id");
  user.username = json::String(object, "username");
  user.image_url = NestedString(object, {"assets", "image"}, "location");
  user.follow_status = json::String(object, "followStatus");
  // A union: UserProtectedFields has the count, UserPrivacyError (private profile) does not.
  if (std::optional<Object> fields = json::ObjectField(object, "protectedFields")) {
    user.total_workouts = json::Int(*fields, "totalWorkoutCounts");
  }
  return user;
}

// A connection {edges[{node}], pageInfo{hasNextPage, endCursor}}.
template <typename T, typename Read>
model::CursorPage<T> ReadConnection(const Object& connection, Read read) {
  model::CursorPage<T> page;
  ForEachObject(connection, "edges", [&](const Object& edge) {
    if (std::optional<Object> node = json::ObjectField(edge, "node")) {
      page.items.push_back(read(*node));
    }
  });
  if (std::optional<Object> info = json::ObjectField(connection, "pageInfo")) {
    page.has_next_page = json::Bool(*info, "hasNextPage");
    page.end_cursor = json::String(*info, "endCursor");
  }
  return page;
}

StatusOr<Object> Data(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(Object root, json::ParseObject(body));
  std::optional<Object> data = json::ObjectField(root, "data");
  if (!data) return Status(ErrorCode::kApi, "the answer has no data");
  return *data;
}

// An `... on Error` member of a union: named *Error, or a code and message with no tag.
bool IsErrorResult(const Object& result) {
  const std::string type = json::String(result, "__typename");
  if (type.size() >= 5 && type.compare(type.size() - 5, 5, "Error") == 0) return true;
  return type.empty() && !json::String(result, "code").empty() &&
         !json::ObjectField(result, "tag").has_value();
}

}  // namespace

StatusOr<model::MyTags> ParseMyTags(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(Object data, Data(body));
  model::MyTags tags;
  std::optional<Object> user = json::ObjectField(data, "user");
  if (!user) return tags;
  tags.remaining_slots = json::Int(*user, "remainingTagSlotCount");
  if (std::optional<Object> user_tags = json::ObjectField(*user, "userTags")) {
    ForEachObject(*user_tags, "allTags", [&](const Object& entry) {
      std::optional<Object> tag = json::ObjectField(entry, "tag");
      if (!tag) return;
      tags.tags.push_back(ReadTag(*tag));
      tags.tags.back().is_primary = json::Bool(entry, "isPrimary");
    });
  }
  return tags;
}

StatusOr<std::string> ParsePrimaryTag(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(Object data, Data(body));
  return NestedString(data, {"user", "userTags", "primary"}, "name");
}

StatusOr<model::TagSearch> ParseTagSearch(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(Object data, Data(body));
  model::TagSearch search;
  // `tag(tagName:)` answers unknown names with exists:false; only a real tag is "exact".
  if (std::optional<Object> tag = json::ObjectField(data, "tag")) {
    model::Tag exact = ReadTag(*tag);
    if (exact.exists) search.exact = std::move(exact);
  }
  if (std::optional<Object> results = json::ObjectField(data, "searchTag")) {
    search.results = ReadConnection<model::Tag>(*results, ReadTag);
  }
  return search;
}

StatusOr<model::CursorPage<model::Tag>> ParseTagBrowse(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(Object data, Data(body));
  std::optional<Object> tags = Nested(data, {"tagBrowseCategory", "tags"});
  if (!tags) return model::CursorPage<model::Tag>{};
  return ReadConnection<model::Tag>(*tags, ReadTag);
}

StatusOr<std::vector<model::TagCategoryName>> ParseTagCategoryNames(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(Object data, Data(body));
  std::vector<model::TagCategoryName> names;
  // The members are the query's aliases (TRENDING: tagBrowseCategory(...)), in answer order.
  for (auto [key, value] : data) {
    Object category;
    if (value.get_object().get(category) != simdjson::SUCCESS) continue;
    names.push_back({std::string(key), json::String(category, "displayName")});
  }
  return names;
}

StatusOr<model::TagDetail> ParseTagDetail(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(Object data, Data(body));
  std::optional<Object> tag = json::ObjectField(data, "tag");
  if (!tag) return Status(ErrorCode::kNotFound, "no such tag");
  model::TagDetail detail;
  detail.tag = ReadTag(*tag);
  // TagDetail does not select `exists`, so tag.exists stays false. An unknown name is answered
  // like SearchTag's tag(tagName:): a tag with no followers and no users, not an error.
  detail.detail_background_image =
      NestedString(*tag, {"assets", "detailBackgroundImage"}, "location");
  if (std::optional<Object> users = json::ObjectField(*tag, "users")) {
    detail.users = ReadConnection<model::TagUser>(*users, ReadTagUser);
  }
  return detail;
}

StatusOr<model::Tag> ParseTagMutation(std::string_view body, std::string_view field) {
  PELO_ASSIGN_OR_RETURN(Object data, Data(body));
  std::optional<Object> result = json::ObjectField(data, field);
  if (!result) return Status(ErrorCode::kApi, "the answer has no " + std::string(field));
  if (IsErrorResult(*result)) {
    const std::string code = json::String(*result, "code");
    std::string message = json::String(*result, "message");
    if (message.empty()) message = "refused";
    if (!code.empty()) message += " (" + code + ")";
    return Status(UserCausedCode(code) ? ErrorCode::kInvalidArgument : ErrorCode::kApi, message);
  }
  std::optional<Object> tag = json::ObjectField(*result, "tag");
  if (!tag) return Status(ErrorCode::kApi, "the answer has no tag");
  return ReadTag(*tag);
}

}  // namespace pelo::api::graphql
