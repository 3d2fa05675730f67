// What a token endpoint issues (RFC 6749 §5.1), and how its answer is read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pelo/common/status.h"

namespace pelo::oauth2 {

struct Tokens {
  std::string access_token;   // sent as a bearer token
  std::string refresh_token;  // may be empty (no offline access)
  std::string id_token;       // OpenID Connect; may be empty
  std::string scope;          // what the server says it granted, as it spelled it; may be empty
  int64_t expires_at = 0;     // epoch s; 0 = unknown
};

// Tokens from a successful token response. The lifetime comes from `expires_in` (counted from
// `now_epoch_s`), else from an absolute `expires_at` (Strava sends both), else from the access
// token's own `exp` claim when it is a JWT. kApi naming `step` when the body is not a token
// response; the body itself is never quoted (it holds secrets).
StatusOr<Tokens> ParseTokenResponse(std::string_view body, int64_t now_epoch_s,
                                    const std::string& step);

}  // namespace pelo::oauth2
