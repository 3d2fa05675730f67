#include "pelo/oauth2/pkce.h"

#include <openssl/rand.h>
#include <openssl/sha.h>

#include <stdexcept>
#include <vector>

#include "pelo/common/base64.h"

namespace pelo::oauth2 {

std::string CodeChallenge(std::string_view verifier) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest);
  return Base64UrlEncode(
      std::string_view(reinterpret_cast<const char*>(digest), SHA256_DIGEST_LENGTH));
}

std::string RandomUrlSafe(size_t chars) {
  std::vector<unsigned char> bytes(chars);  // 6 bits per char needs only 3/4 of these
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    // Without randomness the flow would be insecure; this is a broken system, not user error.
    throw std::runtime_error("OpenSSL RAND_bytes failed");
  }
  std::string text =
      Base64UrlEncode(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  text.resize(chars);
  return text;
}

PkceMaterial MakePkceMaterial() {
  PkceMaterial m;
  m.verifier = RandomUrlSafe(64);
  m.challenge = CodeChallenge(m.verifier);
  m.state = RandomUrlSafe(32);
  m.nonce = RandomUrlSafe(32);
  return m;
}

}  // namespace pelo::oauth2
