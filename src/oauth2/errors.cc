#include "pelo/oauth2/errors.h"

#include <nlohmann/json.hpp>

#include "pelo/http/url.h"

namespace pelo::oauth2 {

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

bool IsRefusal(int http_status) {
  return http_status == 400 || http_status == 401 || http_status == 403;
}

}  // namespace pelo::oauth2
