// The GraphQL request body and the `errors[]` check. pelo never interprets a query beyond its
// operation name, so a few string scans replace a GraphQL parser.
#include <cctype>
#include <nlohmann/json.hpp>

#include "pelo/common/strings.h"
#include "peloton/api/graphql.h"
#include "peloton/api/json_fields.h"

namespace pelo::api::graphql {
namespace {

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Skips white space, commas (insignificant in GraphQL) and `#` comments from `i`.
size_t SkipIgnored(std::string_view text, size_t i) {
  while (i < text.size()) {
    const char c = text[i];
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

// Ok when `text` is UTF-8 (simdjson's validator: the one that reads JSON back).
Status CheckUtf8(std::string_view text, const std::string& what) {
  if (simdjson::validate_utf8(text.data(), text.size())) return OkStatus();
  return Status(ErrorCode::kInvalidArgument, what + ": not valid UTF-8");
}

// nlohmann's serialisation. The text was checked to be UTF-8, so `replace` never replaces; it
// only means that no exception can come out of here.
template <typename Json>
std::string Dump(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string OperationName(std::string_view query) {
  size_t i = SkipIgnored(query, 0);
  size_t end = i;
  while (end < query.size() && IsNameChar(query[end])) ++end;
  const std::string_view keyword = query.substr(i, end - i);
  if (keyword != "query" && keyword != "mutation" && keyword != "subscription") return "";
  i = SkipIgnored(query, end);
  end = i;
  while (end < query.size() && IsNameChar(query[end])) ++end;
  return std::string(query.substr(i, end - i));
}

StatusOr<std::string> Quote(std::string_view text, std::string_view what) {
  PELO_RETURN_IF_ERROR(CheckUtf8(text, std::string(what)));
  return Dump(nlohmann::json(std::string(text)));
}

StatusOr<std::string> Variables(StringVariables members, std::string_view wrapper) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const auto& [name, value] : members) {
    if (!value) continue;
    PELO_RETURN_IF_ERROR(CheckUtf8(*value, "GraphQL variable " + std::string(name)));
    object[std::string(name)] = std::string(*value);
  }
  if (!wrapper.empty()) object = nlohmann::ordered_json{{std::string(wrapper), std::move(object)}};
  return Dump(object);
}

StatusOr<std::string> RequestBody(std::string_view operation, std::string_view query,
                                  std::string_view variables_json) {
  std::string name = "null";
  if (!operation.empty()) {
    PELO_ASSIGN_OR_RETURN(name, Quote(operation, "GraphQL operation name"));
  }
  PELO_ASSIGN_OR_RETURN(const std::string quoted_query, Quote(query, "GraphQL query"));
  std::string_view variables = pelo::Trim(variables_json);
  if (variables.empty()) {
    variables = "{}";
  } else if (StatusOr<json::Object> object = json::ParseObject(variables); !object.ok()) {
    return Status(ErrorCode::kInvalidArgument, "GraphQL variables: " + object.status().message());
  }
  // The caller's variables go in as written (they were checked to be one JSON object).
  return "{\"operationName\":" + name + ",\"query\":" + quoted_query +
         ",\"variables\":" + std::string(variables) + "}";
}

Status CheckResponse(std::string_view body, std::string_view operation) {
  const std::string context = "GraphQL " + std::string(operation.empty() ? "request" : operation);
  StatusOr<json::Object> root = json::ParseObject(body);
  if (!root.ok()) return root.status().WithContext(context);
  std::optional<simdjson::dom::array> errors = json::ArrayField(*root, "errors");
  if (!errors || errors->size() == 0) return OkStatus();
  std::string message;
  json::Object first;
  if (errors->at(0).get_object().get(first) == simdjson::SUCCESS) {
    message = json::String(first, "message");
  }
  if (message.empty()) message = "the answer has errors";
  return Status(ErrorCode::kApi, context + ": " + message);
}

bool UserCausedCode(std::string_view code) {
  std::string upper;
  for (const char c : code)
    upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  for (const std::string_view word :
       {"LIMIT", "NOT_FOUND", "NOTFOUND", "ALREADY", "INVALID", "NOT_ADDED", "NOTADDED",
        "DUPLICATE", "EXIST", "BAD_USER_INPUT"}) {
    if (upper.find(word) != std::string::npos) return true;
  }
  return false;
}

}  // namespace pelo::api::graphql
