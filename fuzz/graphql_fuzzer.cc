// GraphQL answers (api/graphql.h): the errors[] check, each operation's parser, and the
// request body built around a query text.
#include <simdjson.h>

#include "fuzz_check.h"
#include "peloton/api/graphql.h"
#include "peloton/api/json_fields.h"

namespace {

namespace graphql = pelo::api::graphql;
using pelo::ErrorCode;
using pelo::fuzz::CheckOkOrApiError;

template <typename T>
void CheckOkOr(const pelo::StatusOr<T>& result, ErrorCode also) {
  PELO_FUZZ_CHECK(result.ok() || result.status().code() == ErrorCode::kApi ||
                  result.status().code() == also);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body = pelo::fuzz::AsText(data, size);
  const pelo::Status checked = graphql::CheckResponse(body, "Op");
  PELO_FUZZ_CHECK(checked.ok() || checked.code() == ErrorCode::kApi);
  CheckOkOrApiError(graphql::ParseMyTags(body));
  CheckOkOrApiError(graphql::ParsePrimaryTag(body));
  CheckOkOrApiError(graphql::ParseTagSearch(body));
  CheckOkOrApiError(graphql::ParseTagBrowse(body));
  CheckOkOrApiError(graphql::ParseTagCategoryNames(body));
  CheckOkOr(graphql::ParseTagDetail(body), ErrorCode::kNotFound);
  for (const char* field : {"addTagToUser", "removeTagFromUser", "setTagAsPrimary"}) {
    CheckOkOr(graphql::ParseTagMutation(body, field), ErrorCode::kInvalidArgument);
  }
  graphql::UserCausedCode(body);
  graphql::OperationName(body);

  // A tag name or query text goes into the request as a JSON string: whatever valid UTF-8 it
  // holds must come back unchanged; anything else is refused by name (JSON cannot carry it).
  const bool utf8 = simdjson::validate_utf8(body.data(), body.size());
  auto request = graphql::RequestBody("Op", body, "");
  auto variables = graphql::Variables({{"tagName", body}}, "input");
  PELO_FUZZ_CHECK(request.ok() == utf8 && variables.ok() == utf8);
  if (!utf8) {
    PELO_FUZZ_CHECK(request.status().code() == ErrorCode::kInvalidArgument);
    PELO_FUZZ_CHECK(variables.status().code() == ErrorCode::kInvalidArgument);
    return 0;
  }
  auto object = pelo::api::json::ParseObject(*request);
  PELO_FUZZ_CHECK(object.ok());
  std::string_view query;
  PELO_FUZZ_CHECK((*object)["query"].get_string().get(query) == simdjson::SUCCESS);
  PELO_FUZZ_CHECK(query == body);
  auto input = pelo::api::json::ParseObject(*variables);
  PELO_FUZZ_CHECK(input.ok());
  std::string_view tag;
  PELO_FUZZ_CHECK((*input)["input"]["tagName"].get_string().get(tag) == simdjson::SUCCESS);
  PELO_FUZZ_CHECK(tag == body);
  return 0;
}
