// The raw-response archive: secrets blanked, then zstd-compressed.
#pragma once

#include <string>
#include <string_view>

#include "pelo/common/status.h"

namespace pelo::store {

// `body` with every secret-looking member (pelo::IsSecretKey: password, *token, session_id,
// *secret, cookie, code, ...) set to "" at any depth (pelo::RedactJson, the redactor the logs
// use); a body that is not JSON is returned unchanged.
std::string BlankSecrets(std::string_view body);
// True for authentication endpoints, whose responses are never archived.
bool IsAuthPath(std::string_view path);

std::string Compress(std::string_view bytes);
// kStorage when `compressed` is not a zstd frame of `raw_size` bytes.
StatusOr<std::string> Decompress(std::string_view compressed, size_t raw_size);

}  // namespace pelo::store
