// Dates as HTTP writes them (Retry-After, a cookie's Expires): one parser for every layer.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pelo::http {

// The epoch second an HTTP-date names: every form of RFC 9110 §5.6.7 (IMF-fixdate, RFC 850,
// asctime) and the loose variants servers send in cookies, read by libcurl's parser (the one
// curl's own cookie engine uses). A date before 1970 is negative; nullopt for text that is not a
// date.
std::optional<int64_t> ParseHttpDate(std::string_view text);

}  // namespace pelo::http
