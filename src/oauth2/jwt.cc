#include "pelo/oauth2/jwt.h"

#include <nlohmann/json.hpp>

#include "oauth2/json_seconds.h"
#include "pelo/common/base64.h"

namespace pelo::oauth2 {

std::optional<int64_t> JwtExpiry(std::string_view token) {
  const size_t first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const size_t second = token.find('.', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  auto payload = Base64UrlDecode(token.substr(first + 1, second - first - 1));
  if (!payload) return std::nullopt;
  const auto claims = nlohmann::json::parse(*payload, nullptr, /*allow_exceptions=*/false);
  if (!claims.is_object()) return std::nullopt;
  auto exp = claims.find("exp");
  if (exp == claims.end()) return std::nullopt;
  return internal::JsonSeconds(*exp);
}

}  // namespace pelo::oauth2
