#include "store/raw_archive.h"

#include <zstd.h>

#include <optional>

#include "pelo/common/redact.h"

namespace pelo::store {
namespace {

// Level 3 is zstd's default: most of the ratio for a fraction of the time of higher levels.
constexpr int kZstdLevel = 3;

}  // namespace

std::string BlankSecrets(std::string_view body) {
  // Most responses (performance graphs above all) cannot hold a secret-looking key: they are
  // archived byte for byte, without a parse and re-serialisation.
  if (!MayHoldSecretKey(body)) return std::string(body);
  std::optional<std::string> blanked = RedactJson(body, "");
  return blanked ? *std::move(blanked) : std::string(body);
}

bool IsAuthPath(std::string_view path) {
  return path.rfind("/auth/", 0) == 0 || path.rfind("/oauth/", 0) == 0 ||
         path.find("/oauth/token") != std::string_view::npos;
}

std::string Compress(std::string_view bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), kZstdLevel);
  // Only a too-small destination can fail, and compressBound rules that out.
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

StatusOr<std::string> Decompress(std::string_view compressed, size_t raw_size) {
  std::string out(raw_size, '\0');
  size_t n = ZSTD_decompress(out.data(), out.size(), compressed.data(), compressed.size());
  if (ZSTD_isError(n) || n != raw_size) {
    return Status(ErrorCode::kStorage,
                  std::string("corrupt archived response: ") +
                      (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "size mismatch"));
  }
  return out;
}

}  // namespace pelo::store
