// PKCE (RFC 7636) material and the random strings of an authorization-code flow.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pelo::oauth2 {

struct PkceMaterial {
  std::string verifier;   // 64 chars of base64url
  std::string challenge;  // base64url(SHA-256(verifier)), no padding
  std::string state;      // 32 chars: ties the redirect back to this flow (CSRF)
  std::string nonce;      // 32 chars: OpenID Connect's replay guard for the id token
};

// base64url(SHA-256(verifier)) without padding (the S256 method).
std::string CodeChallenge(std::string_view verifier);
// `chars` characters of base64url from a cryptographic RNG (OpenSSL RAND_bytes).
std::string RandomUrlSafe(size_t chars);
// Fresh verifier, challenge, state and nonce.
PkceMaterial MakePkceMaterial();

}  // namespace pelo::oauth2
