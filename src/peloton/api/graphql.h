// GraphQL plumbing shared by client_graphql.cc and its tests: the request body, the `errors[]`
// check, and the tolerant parsers of the tag operations' `data` (json_model_tag.cc).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/model/tag.h"

namespace pelo::api::graphql {

// The name after the first `query` / `mutation` keyword of `query` ("" when anonymous).
std::string OperationName(std::string_view query);

// `text` as a JSON string literal, quotes included. kInvalidArgument "<what>: not valid UTF-8"
// when it is not: JSON cannot carry such bytes, and U+FFFD in their place would send another
// name than the one given.
StatusOr<std::string> Quote(std::string_view text, std::string_view what);

// A variables object of string members in the order given; nullopt values are left out (an
// absent `after` means the first page). With a `wrapper`, the object is its only member
// ({"input":{...}}). kInvalidArgument "GraphQL variable <name>: not valid UTF-8".
using StringVariables =
    std::initializer_list<std::pair<std::string_view, std::optional<std::string_view>>>;
StatusOr<std::string> Variables(StringVariables members, std::string_view wrapper = "");

// {"operationName","query","variables"}. `variables_json` must be a JSON object or "" ({});
// kInvalidArgument otherwise, and when the operation name or the query is not UTF-8.
StatusOr<std::string> RequestBody(std::string_view operation, std::string_view query,
                                  std::string_view variables_json);

// OK for a JSON object without errors; kApi "GraphQL <operation>: <first message>" when its
// `errors[]` is not empty, kApi when the body is not a JSON object.
Status CheckResponse(std::string_view body, std::string_view operation);

// Parsers of each operation's answer. Unknown and missing fields read as empty; kApi only when
// the body is not JSON or has no `data` object. Messages carry no operation name: the client
// adds it.
StatusOr<model::MyTags> ParseMyTags(std::string_view body);
// The primary tag's name, "" when the member has none.
StatusOr<std::string> ParsePrimaryTag(std::string_view body);
StatusOr<model::TagSearch> ParseTagSearch(std::string_view body);
StatusOr<model::CursorPage<model::Tag>> ParseTagBrowse(std::string_view body);
// The aliased categories in the order answered (TRENDING, FEATURED, FRIENDS, POPULAR).
StatusOr<std::vector<model::TagCategoryName>> ParseTagCategoryNames(std::string_view body);
// kNotFound when `data.tag` is null.
StatusOr<model::TagDetail> ParseTagDetail(std::string_view body);

// The tag of a mutation's `... on <Op>Success` result under `data.<field>`. An `... on Error`
// result becomes a Status "<message> (<code>)": kInvalidArgument when the code says the request
// itself was refused (see UserCausedCode), kApi otherwise.
StatusOr<model::Tag> ParseTagMutation(std::string_view body, std::string_view field);

// Whether an Error-union `code` blames the request (limit reached, unknown or already added
// tag, invalid name...) rather than the server. Peloton's codes are undocumented, so this
// matches the words such codes are made of, in any case.
bool UserCausedCode(std::string_view code);

}  // namespace pelo::api::graphql
