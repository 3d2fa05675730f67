// PKCE (RFC 7636) material and the random strings of the Auth0 flow.
#pragma once

#include <string>
#include <string_view>

namespace pelo::auth::internal {

struct PkceMaterial {
  std::string verifier;   // 64 chars of base64url
  std::string challenge;  // base64url(SHA-256(verifier)), no padding
  std::string state;      // 32 chars
  std::string nonce;      // 32 chars
};

// base64url(SHA-256(verifier)) without padding (the S256 method).
std::string CodeChallenge(std::string_view verifier);
// `chars` characters of base64url from a cryptographic RNG (OpenSSL RAND_bytes).
std::string RandomUrlSafe(size_t chars);
// Fresh verifier, challenge, state and nonce.
PkceMaterial MakePkceMaterial();

}  // namespace pelo::auth::internal
