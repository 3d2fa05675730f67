#include "pelo/http/redact.h"

#include "pelo/common/redact.h"

namespace pelo::http {

bool IsSecretHeader(std::string_view name) { return IsSecretKey(name); }

bool IsSecretField(std::string_view name) { return IsSecretKey(name); }

std::vector<Header> RedactHeaders(const std::vector<Header>& headers) {
  std::vector<Header> out = headers;
  for (auto& [name, value] : out) {
    if (IsSecretHeader(name)) value = kRedacted;
  }
  return out;
}

std::string RedactBody(std::string_view body) { return RedactBodyForLog(body); }

std::string RedactUrl(std::string_view url) {
  const size_t hash = url.find('#');
  const std::string_view before_fragment = url.substr(0, hash);
  const size_t q = before_fragment.find('?');
  std::string out(before_fragment.substr(0, q == std::string_view::npos ? q : q + 1));
  if (q != std::string_view::npos) out += RedactPairs(before_fragment.substr(q + 1), kRedacted);
  // The fragment too: an implicit grant returns its tokens there.
  if (hash != std::string_view::npos) out += "#" + RedactPairs(url.substr(hash + 1), kRedacted);
  return out;
}

}  // namespace pelo::http
