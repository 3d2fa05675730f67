#include "store/raw_archive.h"

#include <zstd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>

namespace pelo::store {
namespace {

// Level 3 is zstd's default: most of the ratio for a fraction of the time of higher levels.
constexpr int kZstdLevel = 3;

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// `text` lowercased without '_' and '-': access_token, accessToken and Access-Token are one key.
std::string Normalized(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (c != '_' && c != '-') out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

// Credentials whatever their spelling: *token (facebook_access_token, refreshToken, but not
// join_tokens or token_type), *secret, *cookie (set-cookie), *sessionid, *apikey, *csrf,
// *authorization, and anything with "password" in it.
bool IsSecretKey(std::string_view key) {
  const std::string k = Normalized(key);
  static constexpr std::array<std::string_view, 7> kSuffixes = {
      "token", "secret", "cookie", "sessionid", "apikey", "csrf", "authorization"};
  return k.find("password") != std::string::npos ||
         std::any_of(kSuffixes.begin(), kSuffixes.end(),
                     [&k](std::string_view suffix) { return EndsWith(k, suffix); });
}

void BlankInPlace(nlohmann::json& value) {
  if (value.is_object()) {
    for (auto& [key, member] : value.items()) {
      if (IsSecretKey(key)) {
        member = "";
      } else {
        BlankInPlace(member);
      }
    }
  } else if (value.is_array()) {
    for (nlohmann::json& item : value) BlankInPlace(item);
  }
}

// True when `body`, lowercased and without '_' and '-' (as keys are compared), contains a word
// every secret-looking key contains, or a \u escape (which could spell one). Most responses
// (performance graphs above all) have none, and are archived byte for byte without a parse and
// re-serialisation.
bool MayHoldSecrets(std::string_view body) {
  static constexpr std::array<std::string_view, 9> kNeedles = {
      "token",  "secret", "cookie",        "password", "sessionid",
      "apikey", "csrf",   "authorization", "\\u"};
  const std::string text = Normalized(body);
  return std::any_of(kNeedles.begin(), kNeedles.end(), [&text](std::string_view needle) {
    return text.find(needle) != std::string::npos;
  });
}

}  // namespace

std::string BlankSecrets(std::string_view body) {
  if (!MayHoldSecrets(body)) return std::string(body);
  nlohmann::json doc = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return std::string(body);
  BlankInPlace(doc);
  // Invalid UTF-8 inside strings is replaced rather than thrown on.
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
