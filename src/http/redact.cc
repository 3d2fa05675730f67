#include "pelo/http/redact.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace pelo::http {
namespace {

constexpr std::array<std::string_view, 10> kSecretFields = {
    "password",      "access_token", "refresh_token", "id_token", "code",
    "code_verifier", "_csrf",        "session_id",    "token",    "client_secret"};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Replaces the string value after `"key"\s*:\s*` for every secret key in a JSON text.
std::string RedactJson(std::string_view body) {
  std::string out;
  size_t i = 0;
  while (i < body.size()) {
    if (body[i] != '"') {
      out.push_back(body[i++]);
      continue;
    }
    size_t end = body.find('"', i + 1);
    if (end == std::string_view::npos) break;
    std::string_view key = body.substr(i + 1, end - i - 1);
    out.append(body.substr(i, end - i + 1));
    i = end + 1;
    size_t j = i;
    while (j < body.size() && std::isspace(static_cast<unsigned char>(body[j])) != 0) ++j;
    if (j >= body.size() || body[j] != ':' || !IsSecretField(key)) continue;
    ++j;
    while (j < body.size() && std::isspace(static_cast<unsigned char>(body[j])) != 0) ++j;
    if (j >= body.size() || body[j] != '"') continue;
    size_t k = j + 1;  // find the closing quote, skipping escapes
    while (k < body.size() && body[k] != '"') k += body[k] == '\\' ? 2 : 1;
    out.append(body.substr(i, j - i)).append("\"").append(kRedacted).append("\"");
    i = std::min(k + 1, body.size());
  }
  if (i < body.size()) out.append(body.substr(i));
  return out;
}

// Replaces the value of every secret `key=value` pair in a form or query string.
std::string RedactPairs(std::string_view pairs) {
  std::string out;
  while (true) {
    size_t amp = pairs.find('&');
    std::string_view pair = pairs.substr(0, amp);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos && IsSecretField(pair.substr(0, eq))) {
      out.append(pair.substr(0, eq + 1)).append(kRedacted);
    } else {
      out.append(pair);
    }
    if (amp == std::string_view::npos) break;
    out.push_back('&');
    pairs.remove_prefix(amp + 1);
  }
  return out;
}

}  // namespace

bool IsSecretHeader(std::string_view name) {
  return EqualsIgnoreCase(name, "authorization") || EqualsIgnoreCase(name, "cookie") ||
         EqualsIgnoreCase(name, "set-cookie") || EqualsIgnoreCase(name, "proxy-authorization");
}

bool IsSecretField(std::string_view name) {
  if (std::any_of(kSecretFields.begin(), kSecretFields.end(),
                  [&](std::string_view f) { return EqualsIgnoreCase(f, name); })) {
    return true;
  }
  // Fields the list does not name but that look like credentials, however spelt (compared
  // lowercased without '_' and '-'): facebook_access_token, refreshToken, client_secret,
  // new_password, X-Api-Key, sessionId... (token_type and join_tokens are not).
  std::string key;
  for (unsigned char c : name) {
    if (c != '_' && c != '-') key.push_back(static_cast<char>(std::tolower(c)));
  }
  static constexpr std::array<std::string_view, 7> kSuffixes = {
      "token", "secret", "apikey", "sessionid", "csrf", "cookie", "authorization"};
  return key.find("password") != std::string::npos ||
         std::any_of(kSuffixes.begin(), kSuffixes.end(), [&key](std::string_view suffix) {
           return key.size() >= suffix.size() &&
                  key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0;
         });
}

std::vector<Header> RedactHeaders(const std::vector<Header>& headers) {
  std::vector<Header> out = headers;
  for (auto& [name, value] : out) {
    if (IsSecretHeader(name)) value = kRedacted;
  }
  return out;
}

std::string RedactBody(std::string_view body) {
  size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::string(body);
  if (body[first] == '{' || body[first] == '[') return RedactJson(body);
  return RedactPairs(body);
}

std::string RedactUrl(std::string_view url) {
  size_t q = url.find('?');
  if (q == std::string_view::npos) return std::string(url);
  size_t hash = url.find('#', q);
  std::string_view query = url.substr(q + 1, hash == std::string_view::npos ? hash : hash - q - 1);
  std::string out(url.substr(0, q + 1));
  out.append(RedactPairs(query));
  if (hash != std::string_view::npos) out.append(url.substr(hash));
  return out;
}

}  // namespace pelo::http
