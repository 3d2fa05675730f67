// The GraphQL request body and the `errors[]` check. pelo never interprets a query beyond its
// operation name, so a few string scans replace a GraphQL parser.
#include <cctype>
#include <cstdio>

#include "api/graphql.h"
#include "api/json_fields.h"

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

std::string_view Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
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

std::string Quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
          out += escape;
        } else {
          out.push_back(c);  // UTF-8 passes through unchanged
        }
    }
  }
  out.push_back('"');
  return out;
}

StatusOr<std::string> RequestBody(std::string_view operation, std::string_view query,
                                  std::string_view variables_json) {
  std::string_view variables = Trim(variables_json);
  if (variables.empty()) {
    variables = "{}";
  } else if (!json::ParseObject(variables).ok()) {
    return Status(ErrorCode::kInvalidArgument, "GraphQL variables must be a JSON object");
  }
  std::string body = "{\"operationName\":";
  body += operation.empty() ? std::string("null") : Quote(operation);
  body += ",\"query\":" + Quote(query) + ",\"variables\":";
  body += variables;
  body += "}";
  return body;
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
