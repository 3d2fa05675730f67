// Whole seconds from a JSON number the server chose the type of (a JWT `exp`, `expires_in`).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

namespace pelo::oauth2::internal {

// `value` as int64 seconds (a fraction truncated), or nullopt when it is not a number or does
// not fit: nlohmann's get<int64_t>() is undefined behaviour for 1e300 or 2^63.
std::optional<int64_t> JsonSeconds(const nlohmann::json& value);

}  // namespace pelo::oauth2::internal
