#include "pelo/common/redact.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <vector>

#include "pelo/common/strings.h"

namespace pelo {
namespace {

// How a key (lowercased, without '_' and '-') must hold a word to be secret-looking.
enum class Match { kAnywhere, kAtTheEnd, kWhole };

struct SecretWord {
  std::string_view word;
  Match match;
};

// The one list. Every secret-looking key contains its word, which is what MayHoldSecretKey
// relies on.
constexpr std::array<SecretWord, 10> kSecretWords = {{
    {"password", Match::kAnywhere},       // password, new_password, PasswordHint
    {"token", Match::kAtTheEnd},          // access_token, refreshToken, _csrf_token, not token_type
    {"secret", Match::kAtTheEnd},         // client_secret
    {"cookie", Match::kAtTheEnd},         // cookie, Set-Cookie
    {"sessionid", Match::kAtTheEnd},      // session_id, peloton_session_id, sessionId
    {"apikey", Match::kAtTheEnd},         // api_key, X-Api-Key
    {"csrf", Match::kAtTheEnd},           // _csrf
    {"authorization", Match::kAtTheEnd},  // Authorization, Proxy-Authorization
    {"code", Match::kWhole},              // OAuth's authorization code
    {"codeverifier", Match::kWhole},      // and its PKCE verifier
}};

// `text` lowercased without '_' and '-', as keys are compared.
std::string Normalized(std::string_view text) {
  std::string out = Lower(text);
  std::erase_if(out, [](char c) { return c == '_' || c == '-'; });
  return out;
}

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The characters a form body is written with: RFC 3986's unreserved and sub-delimiters, ':',
// '@', '/', '?', and '%' for everything else.
bool IsFormChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("-._~%!$&'()*+,;=:@/?").find(c) != std::string_view::npos;
}

}  // namespace

bool IsSecretKey(std::string_view key) {
  // Most keys are short: normalised on the stack, as MayHoldSecretKey asks of every key it meets.
  char buffer[64];
  std::string long_key;
  std::string_view k;
  if (key.size() <= sizeof buffer) {
    size_t n = 0;
    for (const char c : key) {
      if (c == '_' || c == '-') continue;
      buffer[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    k = std::string_view(buffer, n);
  } else {
    long_key = Normalized(key);
    k = long_key;
  }
  return std::any_of(kSecretWords.begin(), kSecretWords.end(), [k](const SecretWord& s) {
    switch (s.match) {
      case Match::kAnywhere:
        return k.find(s.word) != std::string_view::npos;
      case Match::kAtTheEnd:
        return EndsWith(k, s.word);
      case Match::kWhole:
        return k == s.word;
    }
    return false;
  });
}

bool MayHoldSecretKey(std::string_view text) {
  // One pass over the string literals, no parse and no copy of the text: a literal followed by
  // ':' is a member's key. memchr-backed finds skip the numbers that make up most bodies.
  size_t quote = text.find('"');
  while (quote != std::string_view::npos) {
    const size_t begin = quote + 1;
    size_t end = begin;
    bool escaped = false;
    while ((end = text.find_first_of("\\\"", end)) != std::string_view::npos && text[end] == '\\') {
      escaped = true;
      end += 2;
    }
    if (end == std::string_view::npos) return true;  // unterminated: not JSON this can vouch for
    size_t next = end + 1;
    while (next < text.size() && IsJsonSpace(text[next])) ++next;
    if (next < text.size() && text[next] == ':' &&
        (escaped || IsSecretKey(text.substr(begin, end - begin)))) {
      return true;
    }
    quote = text.find('"', end + 1);
  }
  return false;
}

std::optional<std::string> RedactJson(std::string_view text, std::string_view placeholder) {
  // ordered_json keeps the members in the order they came in.
  nlohmann::ordered_json doc =
      nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return std::nullopt;
  // Walked with a stack of its own: the parse is iterative, and a deep document must not
  // overflow the call stack here either.
  std::vector<std::pair<nlohmann::ordered_json*, int>> pending = {{&doc, 1}};
  while (!pending.empty()) {
    auto [value, depth] = pending.back();
    pending.pop_back();
    if (depth > kMaxRedactDepth) {
      doc = std::string(placeholder);
      break;
    }
    if (value->is_object()) {
      for (auto& [key, member] : value->items()) {
        if (IsSecretKey(key)) {
          member = std::string(placeholder);
        } else if (member.is_structured()) {
          pending.emplace_back(&member, depth + 1);
        }
      }
    } else if (value->is_array()) {
      for (nlohmann::ordered_json& item : *value) {
        if (item.is_structured()) pending.emplace_back(&item, depth + 1);
      }
    }
  }
  // The parser has checked the strings' UTF-8; replace is for what can never happen.
  return doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

bool LooksLikeForm(std::string_view text) {
  return text.find('=') != std::string_view::npos &&
         std::all_of(text.begin(), text.end(), IsFormChar);
}

std::string RedactPairs(std::string_view pairs, std::string_view placeholder) {
  std::string out;
  out.reserve(pairs.size());
  while (true) {
    const size_t amp = pairs.find('&');
    const std::string_view pair = pairs.substr(0, amp);
    const size_t eq = pair.find('=');
    if (eq != std::string_view::npos && IsSecretKey(FormDecode(pair.substr(0, eq)))) {
      out.append(pair.substr(0, eq + 1)).append(placeholder);
    } else {
      out.append(pair);
    }
    if (amp == std::string_view::npos) break;
    out.push_back('&');
    pairs.remove_prefix(amp + 1);
  }
  return out;
}

std::string RedactBodyForLog(std::string_view body) {
  if (body.empty()) return "";
  if (std::optional<std::string> json = RedactJson(body, kRedactedValue)) return *json;
  if (LooksLikeForm(body)) return RedactPairs(body, kRedactedValue);
  return "<" + std::to_string(body.size()) + " bytes of non-JSON body>";
}

}  // namespace pelo
