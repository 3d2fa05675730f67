#include "peloton/api/client_internal.h"

#include <nlohmann/json.hpp>

#include "peloton/api/json_fields.h"

namespace pelo::api::internal {
namespace {

RestRequest Make(std::string method, std::string route, http::QueryParams query, std::string body) {
  RestRequest request;
  request.method = std::move(method);
  request.route = std::move(route);
  request.query = std::move(query);
  request.body = std::move(body);
  return request;
}

}  // namespace

RestRequest Get(std::string route, http::QueryParams query) {
  return Make("GET", std::move(route), std::move(query), {});
}

RestRequest Post(std::string route, std::string body) {
  return Make("POST", std::move(route), {}, std::move(body));
}

RestRequest Put(std::string route, std::string body) {
  return Make("PUT", std::move(route), {}, std::move(body));
}

RestRequest Delete(std::string route) { return Make("DELETE", std::move(route), {}, {}); }

RestRequest WithAccept(RestRequest request, std::string accept) {
  request.accept = std::move(accept);
  return request;
}

RestRequest Sensitive(RestRequest request) {
  request.sensitive = true;
  return request;
}

std::string Step(const RestRequest& request) { return request.method + " " + request.route; }

std::string PathOf(const RestRequest& request) {
  if (request.query.empty()) return request.route;
  return request.route + "?" + http::BuildQuery(request.query);
}

std::string UserRoute(const std::string& user_id) {
  return "/api/user/" + http::UrlEncode(user_id);
}

std::string JsonObject(
    std::initializer_list<std::pair<std::string_view, std::string_view>> members) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const auto& [key, value] : members) object[std::string(key)] = std::string(value);
  // Ids and session ids are ASCII; `replace` keeps stray invalid UTF-8 from throwing.
  return object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Status CheckJsonObject(std::string_view body, const std::string& step) {
  StatusOr<json::Element> root = json::ParseRoot(body);
  if (!root.ok()) {
    return Status(ErrorCode::kInvalidArgument,
                  step + ": the body is not JSON (" + root.status().message() + ")");
  }
  if (!root->is_object()) {
    return Status(ErrorCode::kInvalidArgument, step + ": the body must be a JSON object");
  }
  return OkStatus();
}

void AddIfSet(http::QueryParams& query, std::string key, std::string value) {
  if (!value.empty()) query.emplace_back(std::move(key), std::move(value));
}

void AddIfSet(http::QueryParams& query, std::string key, std::optional<bool> value) {
  if (value) query.emplace_back(std::move(key), *value ? "true" : "false");
}

void AddIfSet(http::QueryParams& query, std::string key, std::optional<int64_t> value) {
  if (value) query.emplace_back(std::move(key), std::to_string(*value));
}

StatusOr<std::string> Verbatim(std::string_view body) { return std::string(body); }

}  // namespace pelo::api::internal
