#include "peloton/auth/oauth.h"

#include <nlohmann/json.hpp>

#include "pelo/http/url.h"
#include "pelo/peloton/auth/login.h"
#include "peloton/auth/json_seconds.h"
#include "peloton/auth/jwt.h"

namespace pelo::auth::internal {

http::Request AuthPost(const std::string& url, std::string body, const std::string& content_type,
                       std::vector<http::Header> extra_headers) {
  http::Request request;
  request.method = "POST";
  request.url = url;
  request.body = std::move(body);
  request.sensitive = true;
  request.headers.emplace_back("Content-Type", content_type);
  for (auto& header : extra_headers) request.headers.push_back(std::move(header));
  return request;
}

StatusOr<Credentials> ParseTokenResponse(std::string_view body, int64_t now_epoch_s,
                                         const std::string& step) {
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return Status(ErrorCode::kApi, step + ": token response is not JSON");
  auto text = [&](const char* key) {
    auto it = json.find(key);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  Credentials c;
  c.access_token = text("access_token");
  if (c.access_token.empty()) {
    return Status(ErrorCode::kApi, step + ": token response has no access_token");
  }
  c.refresh_token = text("refresh_token");
  c.id_token = text("id_token");
  std::optional<int64_t> lifetime;
  if (auto it = json.find("expires_in"); it != json.end()) lifetime = JsonSeconds(*it);
  // A lifetime that overflows the epoch is no lifetime: the JWT's own claim may still say.
  int64_t expires_at = 0;
  if (lifetime && !__builtin_add_overflow(now_epoch_s, *lifetime, &expires_at)) {
    c.expires_at = expires_at;
  } else if (auto exp = JwtExpiry(c.access_token)) {
    c.expires_at = *exp;
  }
  return c;
}

std::string OAuthErrorCode(std::string_view body) {
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return "";
  auto it = json.find("error");
  if (it == json.end() || !it->is_string()) return "";
  return SanitizeErrorCode(it->get<std::string>());
}

std::string SanitizeErrorCode(std::string_view code) {
  std::string out;
  for (char c : code) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') out.push_back(c);
  }
  return out.substr(0, 64);
}

std::string ClientIdFor(const Credentials& c) {
  if (!c.client_id.empty()) return c.client_id;
  return c.method == Method::kPasswordGrant ? kMobileClientId : kWebClientId;
}

Status HttpFailure(ErrorCode code, const std::string& step, const http::Response& response,
                   const std::string& detail) {
  std::string message = step + ": HTTP " + std::to_string(response.status);
  if (const char* text = http::StatusText(response.status); *text != '\0') {
    message.append(" ").append(text);
  }
  if (!detail.empty()) message.append(" (").append(detail).append(")");
  return Status(code, message, response.status);
}

std::string StepName(std::string_view method, std::string_view url) {
  const std::string path = http::PathAndQuery(url);
  return std::string(method) + " " + path.substr(0, path.find('?'));
}

}  // namespace pelo::auth::internal
