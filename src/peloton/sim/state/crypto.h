// Hashing, MACs, encodings and randomness for the simulator's auth emulation (OpenSSL).
#pragma once

#include <string>
#include <string_view>

#include "pelo/common/base64.h"

namespace pelo::sim {

// Raw 32-byte SHA-256 digest of `data`.
std::string Sha256(std::string_view data);
// Raw 32-byte HMAC-SHA256 of `data` under `key`.
std::string HmacSha256(std::string_view key, std::string_view data);

// `n` cryptographically random bytes.
std::string RandomBytes(size_t n);
// A random token of `n` bytes, base64url-encoded (cookies, codes, states).
std::string RandomToken(size_t n);

// Constant-time equality, so token checks do not leak timing.
bool SecureEquals(std::string_view a, std::string_view b);

}  // namespace pelo::sim
