#include "pelo/oauth2/tokens.h"

#include <nlohmann/json.hpp>
#include <optional>

#include "oauth2/json_seconds.h"
#include "pelo/oauth2/jwt.h"

namespace pelo::oauth2 {

StatusOr<Tokens> ParseTokenResponse(std::string_view body, int64_t now_epoch_s,
                                    const std::string& step) {
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return Status(ErrorCode::kApi, step + ": token response is not JSON");
  auto text = [&](const char* key) {
    auto it = json.find(key);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  Tokens t;
  t.access_token = text("access_token");
  if (t.access_token.empty()) {
    return Status(ErrorCode::kApi, step + ": token response has no access_token");
  }
  t.refresh_token = text("refresh_token");
  t.id_token = text("id_token");
  t.scope = text("scope");
  std::optional<int64_t> lifetime;
  if (auto it = json.find("expires_in"); it != json.end()) lifetime = internal::JsonSeconds(*it);
  std::optional<int64_t> absolute;
  if (auto it = json.find("expires_at"); it != json.end()) absolute = internal::JsonSeconds(*it);
  // A lifetime that overflows the epoch is no lifetime: an absolute time or the JWT's own claim
  // may still say.
  int64_t expires_at = 0;
  if (lifetime && !__builtin_add_overflow(now_epoch_s, *lifetime, &expires_at)) {
    t.expires_at = expires_at;
  } else if (absolute && *absolute > 0) {
    t.expires_at = *absolute;
  } else if (auto exp = JwtExpiry(t.access_token)) {
    t.expires_at = *exp;
  }
  return t;
}

}  // namespace pelo::oauth2
