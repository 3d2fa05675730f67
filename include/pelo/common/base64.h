// Base64url (RFC 4648 §5, no padding): PKCE material, JWT segments, opaque tokens; and base64
// (§4, padded): the hashes of a Content-Security-Policy.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pelo {

// `data` as unpadded base64url.
std::string Base64UrlEncode(std::string_view data);
// `data` as padded base64 ('+' and '/').
std::string Base64Encode(std::string_view data);
// Decodes base64url (padding optional; standard '+' '/' accepted too); nullopt when invalid:
// a character outside both alphabets, or a length (without padding) of 4n+1, which no encoding
// produces.
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace pelo
