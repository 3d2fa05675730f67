// The nine tag operations of peloton-api.md §7.3, answered from TagState. Variable errors use
// Apollo's wording and extensions.code BAD_USER_INPUT, as the gateway (Apollo) would.
#include "peloton/sim/routes/graphql_operations.h"

#include <array>
#include <optional>
#include <utility>

#include "pelo/common/base64.h"

namespace pelo::sim {
namespace {

using nlohmann::json;
using ojson = nlohmann::ordered_json;

GraphqlAnswer BadInput(std::string message) {
  return {nullptr, std::move(message), "BAD_USER_INPUT"};
}

// Reads string variable `name` of GraphQL type `type` ("String!", "ID", "Cursor") into `out`;
// an error answer when a required one is missing or any is not a string.
std::optional<GraphqlAnswer> StringVar(const json& vars, const std::string& name,
                                       const std::string& type, std::string* out) {
  const auto it = vars.find(name);
  if (it == vars.end() || it->is_null()) {
    if (type.back() != '!') return std::nullopt;
    return BadInput("Variable \"$" + name + "\" of required type \"" + type +
                    "\" was not provided.");
  }
  if (!it->is_string()) {
    return BadInput("Variable \"$" + name + "\" got invalid value " + it->dump() + "; " +
                    type.substr(0, type.find('!')) +
                    " cannot represent a non string value: " + it->dump());
  }
  *out = it->get<std::string>();
  return std::nullopt;
}

// The `tagName` of the mutations' `$input: <Type>!` object.
std::optional<GraphqlAnswer> InputTagName(const json& vars, const std::string& type,
                                          std::string* out) {
  const auto input = vars.find("input");
  if (input == vars.end() || input->is_null()) {
    return BadInput("Variable \"$input\" of required type \"" + type + "!\" was not provided.");
  }
  const auto name = input->is_object() ? input->find("tagName") : input->end();
  if (!input->is_object() || name == input->end() || !name->is_string()) {
    return BadInput("Variable \"$input\" got invalid value " + input->dump() +
                    "; Field \"tagName\" of required type \"String!\" was not provided.");
  }
  *out = name->get<std::string>();
  return std::nullopt;
}

ojson Image(const std::string& location) {
  if (location.empty()) return nullptr;
  return {{"location", location}, {"__typename", "Image"}};
}

// fragment TagCommonInfo, after the fields the selection lists before the spread.
ojson TagCommonInfo(const TagView& tag, ojson fields = ojson::object()) {
  fields["exists"] = tag.exists;
  fields["name"] = tag.name;
  fields["followingCount"] = tag.following_count;
  fields["users"] = {{"totalCount", tag.users.size()}, {"__typename", "TagUserPaginatedList"}};
  fields["assets"] = {{"backgroundImage", Image(tag.background_image)},
                      {"__typename", "TagAssets"}};
  fields["__typename"] = "Tag";
  return fields;
}

ojson TagUser(const TagMember& member) {
  ojson fields = member.workouts ? ojson{{"totalWorkoutCounts", *member.workouts},
                                         {"__typename", "UserProtectedFields"}}
                                 : ojson{{"code", "PRIVATE_PROFILE"},
                                         {"message", "This member's profile is private."},
                                         {"__typename", "UserPrivacyError"}};
  return {{"id", member.id},
          {"username", member.username},
          {"assets", {{"image", Image(member.image_url)}, {"__typename", "UserAssets"}}},
          {"followStatus", member.follow_status},
          {"protectedFields", std::move(fields)},
          {"__typename", "User"}};
}

// One connection page of `items` after cursor `after` ("" = the first page): edges of
// node(item), pageInfo, and `extra` members first (totalCount).
template <typename T, typename Node>
std::optional<GraphqlAnswer> Connection(const std::vector<T>& items, const std::string& after,
                                        const std::string& type, Node node, ojson* out) {
  size_t begin = 0;
  if (!after.empty()) {
    const std::optional<size_t> last = DecodeCursor(after);
    if (!last) return BadInput("Invalid cursor: " + after);
    begin = std::min(items.size(), *last + 1);
  }
  const size_t end = std::min(items.size(), begin + kGraphqlPageSize);
  ojson edges = ojson::array();
  for (size_t i = begin; i < end; ++i) {
    edges.push_back({{"node", node(items[i])}, {"__typename", type + "Edge"}});
  }
  (*out)["edges"] = std::move(edges);
  (*out)["pageInfo"] = {{"hasNextPage", end < items.size()},
                        {"endCursor", end > begin ? ojson(EncodeCursor(end - 1)) : ojson()},
                        {"__typename", "PageInfo"}};
  (*out)["__typename"] = type + "PaginatedList";
  return std::nullopt;
}

GraphqlAnswer MyTags(const json&, TagState& tags) {
  const std::vector<TagView> mine = tags.MyTags();
  ojson all = ojson::array();
  for (const TagView& tag : mine) {
    all.push_back({{"isPrimary", tag.is_primary},
                   {"tag", TagCommonInfo(tag, {{"hasAdded", tag.has_added}})},
                   {"__typename", "UserTag"}});
  }
  ojson user = {{"remainingTagSlotCount", kMaxUserTags - std::min(kMaxUserTags, mine.size())},
                {"userTags", {{"allTags", std::move(all)}, {"__typename", "UserTags"}}},
                {"__typename", "User"}};
  return {{{"user", std::move(user)}}, "", ""};
}

GraphqlAnswer PrimaryTag(const json& vars, TagState& tags) {
  std::string user_id;
  if (auto error = StringVar(vars, "userId", "ID", &user_id)) return *error;
  const std::optional<std::vector<TagView>> held = tags.TagsOf(user_id);
  if (!held) return {{{"user", nullptr}}, "", ""};
  ojson primary = nullptr;
  ojson all = ojson::array();
  for (const TagView& tag : *held) {
    if (tag.is_primary) primary = {{"name", tag.name}, {"__typename", "Tag"}};
    all.push_back({{"isPrimary", tag.is_primary}, {"__typename", "UserTag"}});
  }
  ojson user_tags = {
      {"primary", std::move(primary)}, {"allTags", std::move(all)}, {"__typename", "UserTags"}};
  return {{{"user", {{"userTags", std::move(user_tags)}, {"__typename", "User"}}}}, "", ""};
}

GraphqlAnswer SearchTag(const json& vars, TagState& tags) {
  std::string query, tag_name, after;
  if (auto error = StringVar(vars, "query", "String!", &query)) return *error;
  if (auto error = StringVar(vars, "tagName", "String!", &tag_name)) return *error;
  if (auto error = StringVar(vars, "after", "Cursor", &after)) return *error;
  ojson results;
  auto node = [](const TagView& tag) {
    ojson meta = tag.meta_tag.empty()
                     ? ojson()
                     : ojson{{"displayName", tag.meta_tag}, {"__typename", "MetaTag"}};
    return TagCommonInfo(tag, {{"metaTag", std::move(meta)}, {"hasAdded", tag.has_added}});
  };
  if (auto error = Connection(tags.Search(query), after, "Tag", node, &results)) return *error;
  return {{{"tag", TagCommonInfo(tags.Find(tag_name))}, {"searchTag", std::move(results)}}, "", ""};
}

GraphqlAnswer TagBrowseCategory(const json& vars, TagState& tags) {
  std::string slug, after;
  if (auto error = StringVar(vars, "categorySlug", "TagBrowseCategorySlug!", &slug)) return *error;
  if (auto error = StringVar(vars, "after", "Cursor", &after)) return *error;
  const std::optional<std::vector<TagView>> list = tags.Browse(slug);
  if (!list) {
    return BadInput("Variable \"$categorySlug\" got invalid value \"" + slug + "\"; Value \"" +
                    slug + "\" does not exist in \"TagBrowseCategorySlug\" enum.");
  }
  ojson page;
  auto node = [](const TagView& tag) { return TagCommonInfo(tag, {{"hasAdded", tag.has_added}}); };
  if (auto error = Connection(*list, after, "Tag", node, &page)) return *error;
  ojson category = {{"tags", std::move(page)}, {"__typename", "TagBrowseCategory"}};
  return {{{"tagBrowseCategory", std::move(category)}}, "", ""};
}

GraphqlAnswer TagBrowseCategoryDisplayNames(const json&, TagState&) {
  ojson data = ojson::object();
  for (const char* slug : {"TRENDING", "FEATURED", "FRIENDS", "POPULAR"}) {
    data[slug] = {{"displayName", TagCategoryDisplayName(slug)},
                  {"__typename", "TagBrowseCategory"}};
  }
  return {std::move(data), "", ""};
}

GraphqlAnswer TagDetail(const json& vars, TagState& tags) {
  std::string tag_name, after;
  if (auto error = StringVar(vars, "tagName", "String!", &tag_name)) return *error;
  if (auto error = StringVar(vars, "after", "Cursor", &after)) return *error;
  const TagView tag = tags.Find(tag_name);
  ojson users = {{"totalCount", tag.users.size()}};
  if (auto error = Connection(tag.users, after, "TagUser", TagUser, &users)) return *error;
  ojson assets = {{"backgroundImage", Image(tag.background_image)},
                  {"detailBackgroundImage", Image(tag.detail_background_image)},
                  {"__typename", "TagAssets"}};
  return {{{"tag",
            {{"name", tag.name},
             {"followingCount", tag.following_count},
             {"assets", std::move(assets)},
             {"users", std::move(users)},
             {"__typename", "Tag"}}}},
          "",
          ""};
}

// A mutation's union result: <Operation>Success {tag} or an Error {code, message}.
ojson MutationResult(const TagMutation& result, const std::string& operation) {
  switch (result.error) {
    case TagError::kNone:
      return {{"tag", TagCommonInfo(result.tag)}, {"__typename", operation + "Success"}};
    case TagError::kInvalidName:
      return {{"code", "INVALID_TAG_NAME"},
              {"message", "Tag names are 1-30 letters and digits."},
              {"__typename", "InvalidTagNameError"}};
    case TagError::kLimitReached:
      return {{"code", "TAG_LIMIT_REACHED"},
              {"message", "You can add up to " + std::to_string(kMaxUserTags) + " tags."},
              {"__typename", "TagLimitReachedError"}};
    case TagError::kAlreadyAdded:
      return {{"code", "TAG_ALREADY_ADDED"},
              {"message", "You already have this tag."},
              {"__typename", "TagAlreadyAddedError"}};
    case TagError::kNotAdded:
      return {{"code", "TAG_NOT_ADDED"},
              {"message", "You do not have this tag."},
              {"__typename", "TagNotAddedError"}};
  }
  return nullptr;
}

template <TagMutation (TagState::*kChange)(const std::string&)>
GraphqlAnswer Mutation(const json& vars, TagState& tags, const std::string& operation,
                       const std::string& field) {
  std::string tag_name;
  if (auto error = InputTagName(vars, operation + "Input", &tag_name)) return *error;
  return {{{field, MutationResult((tags.*kChange)(tag_name), operation)}}, "", ""};
}

GraphqlAnswer AddTagToUser(const json& vars, TagState& tags) {
  return Mutation<&TagState::Add>(vars, tags, "AddTagToUser", "addTagToUser");
}
GraphqlAnswer RemoveTagFromUser(const json& vars, TagState& tags) {
  return Mutation<&TagState::Remove>(vars, tags, "RemoveTagFromUser", "removeTagFromUser");
}
GraphqlAnswer SetTagAsPrimary(const json& vars, TagState& tags) {
  return Mutation<&TagState::SetPrimary>(vars, tags, "SetTagAsPrimary", "setTagAsPrimary");
}

constexpr std::array<std::pair<std::string_view, GraphqlOperation>, 9> kOperations = {{
    {"AddTagToUser", AddTagToUser},
    {"MyTags", MyTags},
    {"PrimaryTag", PrimaryTag},
    {"RemoveTagFromUser", RemoveTagFromUser},
    {"SearchTag", SearchTag},
    {"SetTagAsPrimary", SetTagAsPrimary},
    {"TagBrowseCategory", TagBrowseCategory},
    {"TagBrowseCategoryDisplayNames", TagBrowseCategoryDisplayNames},
    {"TagDetail", TagDetail},
}};

}  // namespace

GraphqlOperation FindGraphqlOperation(std::string_view name) {
  for (const auto& [operation, handler] : kOperations) {
    if (operation == name) return handler;
  }
  return nullptr;
}

std::string EncodeCursor(size_t index) {
  std::string text = Base64UrlEncode("cursor:" + std::to_string(index));
  while (text.size() % 4 != 0) text += '=';  // padded, like the documented "MTk=="
  return text;
}

std::optional<size_t> DecodeCursor(const std::string& cursor) {
  const std::optional<std::string> text = Base64UrlDecode(cursor);
  constexpr std::string_view kPrefix = "cursor:";
  if (!text || text->size() <= kPrefix.size() || text->size() > kPrefix.size() + 9 ||
      text->compare(0, kPrefix.size(), kPrefix) != 0) {
    return std::nullopt;
  }
  size_t index = 0;
  for (size_t i = kPrefix.size(); i < text->size(); ++i) {
    const char c = (*text)[i];
    if (c < '0' || c > '9') return std::nullopt;
    index = index * 10 + static_cast<size_t>(c - '0');
  }
  return index;
}

}  // namespace pelo::sim
