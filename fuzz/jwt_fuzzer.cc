// A pasted token's expiry (oauth2/jwt.h) and the base64url under it (common/base64.h).
#include "fuzz_check.h"
#include "pelo/common/base64.h"
#include "pelo/oauth2/jwt.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = pelo::fuzz::AsText(data, size);
  pelo::oauth2::JwtExpiry(text);
  // Encoding any bytes decodes back to them; a decodable text re-encodes to what decodes alike.
  auto decoded = pelo::Base64UrlDecode(pelo::Base64UrlEncode(text));
  PELO_FUZZ_CHECK(decoded && *decoded == text);
  if (auto bytes = pelo::Base64UrlDecode(text)) {
    PELO_FUZZ_CHECK(pelo::Base64UrlDecode(pelo::Base64UrlEncode(*bytes)) == bytes);
  }
  return 0;
}
