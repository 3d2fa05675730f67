// Reading (never verifying) a JWT's claims: the expiry of an access token.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pelo::oauth2 {

// The `exp` claim (epoch s) of a JWT, or nullopt when `token` is not a JWT or has none.
std::optional<int64_t> JwtExpiry(std::string_view token);

}  // namespace pelo::oauth2
