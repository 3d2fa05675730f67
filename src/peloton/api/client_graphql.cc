// Client: GraphQL transport (Graphql) and the typed tag operations built on it. Each typed
// method sends the §7.3 text of its operation, so the gateway sees what the web app sends.
#include <cctype>
#include <utility>

#include "pelo/peloton/api/client.h"
#include "peloton/api/graphql.h"

namespace pelo::api {
namespace {

// An optional string variable: absent when empty.
std::optional<std::string_view> Optional(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

// Sends `operation` with its §7.3 text and parses the answer with `parse`.
template <typename T, typename Parse>
StatusOr<Fetched<T>> Run(Client& client, const std::string& operation,
                         const StatusOr<std::string>& variables, Parse parse) {
  PELO_RETURN_IF_ERROR(variables.status());
  PELO_ASSIGN_OR_RETURN(
      http::Response response,
      client.Graphql(std::string(GraphqlQuery(operation)), *variables, operation));
  StatusOr<T> value = parse(response.body);
  if (!value.ok()) return value.status().WithContext("GraphQL " + operation);
  // The operation in the path tells archived answers apart; there is nothing secret in it.
  return Fetched<T>{std::move(value).value(), std::move(response.body), "/graphql?op=" + operation};
}

// A connection page as a Paged page: the end cursor names the next page while there is one.
template <typename T>
StatusOr<PageOf<T>> PageFrom(model::CursorPage<T> page, const std::string& path) {
  if (page.has_next_page && page.end_cursor.empty()) {
    return Status(ErrorCode::kApi, path + ": hasNextPage without an endCursor");
  }
  PageOf<T> out{std::move(page.items), std::nullopt};
  if (page.has_next_page) out.next = std::move(page.end_cursor);
  return out;
}

}  // namespace

StatusOr<http::Response> Client::Graphql(const std::string& query,
                                         const std::string& variables_json,
                                         const std::string& operation) {
  const std::string name = operation.empty() ? graphql::OperationName(query) : operation;
  PELO_ASSIGN_OR_RETURN(std::string body, graphql::RequestBody(name, query, variables_json));
  http::Request request;
  request.method = "POST";
  request.url = endpoints_.graphql_url;
  request.body = std::move(body);
  PELO_ASSIGN_OR_RETURN(http::Response response,
                        Send(std::move(request), "GraphQL " + (name.empty() ? "request" : name)));
  PELO_RETURN_IF_ERROR(graphql::CheckResponse(response.body, name));
  return response;
}

StatusOr<Fetched<model::MyTags>> Client::MyTags() {
  return Run<model::MyTags>(*this, "MyTags", std::string(), graphql::ParseMyTags);
}

StatusOr<Fetched<std::string>> Client::PrimaryTag(const std::string& user_id) {
  // An empty id leaves userId out: `user(id: null)` is the signed-in member.
  return Run<std::string>(*this, "PrimaryTag", graphql::Variables({{"userId", Optional(user_id)}}),
                          graphql::ParsePrimaryTag);
}

StatusOr<Fetched<model::TagSearch>> Client::SearchTags(const std::string& text,
                                                       const std::string& after) {
  // The web app resolves the typed text as an exact tag too (`tagName`), as §7.3 does.
  const StatusOr<std::string> variables =
      graphql::Variables({{"query", text}, {"tagName", text}, {"after", Optional(after)}});
  return Run<model::TagSearch>(*this, "SearchTag", variables, graphql::ParseTagSearch);
}

Paged<model::Tag> Client::AllSearchTags(const std::string& text) {
  return Paged<model::Tag>(
      [this, text](const std::optional<std::string>& cursor) -> StatusOr<PageOf<model::Tag>> {
        PELO_ASSIGN_OR_RETURN(Fetched<model::TagSearch> search,
                              SearchTags(text, cursor.value_or("")));
        return PageFrom(std::move(search.value.results), search.path);
      });
}

StatusOr<Fetched<model::CursorPage<model::Tag>>> Client::BrowseTags(model::TagCategory category,
                                                                    const std::string& after) {
  const StatusOr<std::string> variables =
      graphql::Variables({{"categorySlug", TagCategorySlug(category)}, {"after", Optional(after)}});
  return Run<model::CursorPage<model::Tag>>(*this, "TagBrowseCategory", variables,
                                            graphql::ParseTagBrowse);
}

Paged<model::Tag> Client::AllBrowseTags(model::TagCategory category) {
  return Paged<model::Tag>(
      [this, category](const std::optional<std::string>& cursor) -> StatusOr<PageOf<model::Tag>> {
        PELO_ASSIGN_OR_RETURN(Fetched<model::CursorPage<model::Tag>> page,
                              BrowseTags(category, cursor.value_or("")));
        return PageFrom(std::move(page.value), page.path);
      });
}

StatusOr<Fetched<std::vector<model::TagCategoryName>>> Client::TagCategoryNames() {
  return Run<std::vector<model::TagCategoryName>>(*this, "TagBrowseCategoryDisplayNames",
                                                  std::string(), graphql::ParseTagCategoryNames);
}

StatusOr<Fetched<model::TagDetail>> Client::TagDetail(const std::string& tag_name,
                                                      const std::string& after) {
  const StatusOr<std::string> variables =
      graphql::Variables({{"tagName", tag_name}, {"after", Optional(after)}});
  return Run<model::TagDetail>(*this, "TagDetail", variables, graphql::ParseTagDetail);
}

Paged<model::TagUser> Client::AllTagUsers(const std::string& tag_name) {
  return Paged<model::TagUser>(
      [this,
       tag_name](const std::optional<std::string>& cursor) -> StatusOr<PageOf<model::TagUser>> {
        PELO_ASSIGN_OR_RETURN(Fetched<model::TagDetail> detail,
                              TagDetail(tag_name, cursor.value_or("")));
        return PageFrom(std::move(detail.value.users), detail.path);
      });
}

StatusOr<Fetched<model::Tag>> Client::AddTag(const std::string& tag_name) {
  return Run<model::Tag>(
      *this, "AddTagToUser", graphql::Variables({{"tagName", tag_name}}, "input"),
      [](std::string_view body) { return graphql::ParseTagMutation(body, "addTagToUser"); });
}

StatusOr<Fetched<model::Tag>> Client::RemoveTag(const std::string& tag_name) {
  return Run<model::Tag>(
      *this, "RemoveTagFromUser", graphql::Variables({{"tagName", tag_name}}, "input"),
      [](std::string_view body) { return graphql::ParseTagMutation(body, "removeTagFromUser"); });
}

StatusOr<Fetched<model::Tag>> Client::SetPrimaryTag(const std::string& tag_name) {
  return Run<model::Tag>(
      *this, "SetTagAsPrimary", graphql::Variables({{"tagName", tag_name}}, "input"),
      [](std::string_view body) { return graphql::ParseTagMutation(body, "setTagAsPrimary"); });
}

const char* TagCategorySlug(model::TagCategory category) {
  switch (category) {
    case model::TagCategory::kFeatured:
      return "FEATURED";
    case model::TagCategory::kFriends:
      return "FRIENDS";
    case model::TagCategory::kPopular:
      return "POPULAR";
    case model::TagCategory::kTrending:
      return "TRENDING";
  }
  return "FEATURED";
}

std::optional<model::TagCategory> ParseTagCategory(std::string_view text) {
  for (const model::TagCategory category :
       {model::TagCategory::kFeatured, model::TagCategory::kFriends, model::TagCategory::kPopular,
        model::TagCategory::kTrending}) {
    const std::string_view slug = TagCategorySlug(category);
    bool same = slug.size() == text.size();
    for (size_t i = 0; same && i < slug.size(); ++i) {
      same = std::toupper(static_cast<unsigned char>(text[i])) == slug[i];
    }
    if (same) return category;
  }
  return std::nullopt;
}

}  // namespace pelo::api
