#include "pelo/http/url.h"

#include <cctype>

#include "http/curl_url.h"
#include "pelo/common/strings.h"

namespace pelo::http {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

// How a transfer's URL is read: any scheme is kept (the policy refuses what is not http(s) by
// name), none is guessed, and spaces are refused as libcurl's own CURLOPT_URL does.
constexpr unsigned int kUrlFlags = CURLU_NON_SUPPORT_SCHEME;
// How a Location header is read against the URL it answered: as libcurl's own redirect
// following does, spaces and bytes beyond ASCII percent-encoded.
constexpr unsigned int kLocationFlags =
    CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE | CURLU_ALLOW_SPACE;

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

// The host of a parsed URL, lowercase, IPv6 in its brackets ("[::1]").
std::string BracketedHost(CURLU* url) { return Lower(internal::CurlUrlPart(url, CURLUPART_HOST)); }

}  // namespace

namespace internal {

CurlUrl ParseCurlUrl(std::string_view url) {
  // libcurl reads a C string: a NUL byte would cut the URL short where the caller sees more.
  if (url.find('\0') != std::string_view::npos) return nullptr;
  CurlUrl parsed(curl_url());
  if (!parsed ||
      curl_url_set(parsed.get(), CURLUPART_URL, std::string(url).c_str(), kUrlFlags) != CURLUE_OK) {
    return nullptr;
  }
  return parsed;
}

std::string CurlUrlPart(CURLU* url, CURLUPart part, unsigned int flags) {
  char* text = nullptr;
  if (curl_url_get(url, part, &text, flags) != CURLUE_OK || text == nullptr) return "";
  std::string out(text);
  curl_free(text);
  return out;
}

}  // namespace internal

std::string UrlEncode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c)) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHexDigits[c >> 4]);
      out.push_back(kHexDigits[c & 0xF]);
    }
  }
  return out;
}

std::string UrlDecode(std::string_view s) { return FormDecode(s); }

std::string BuildQuery(const QueryParams& params) {
  std::string out;
  for (const auto& [key, value] : params) {
    if (!out.empty()) out.push_back('&');
    out.append(UrlEncode(key)).append("=").append(UrlEncode(value));
  }
  return out;
}

QueryParams ParseQuery(std::string_view query) {
  if (!query.empty() && query[0] == '?') query.remove_prefix(1);
  QueryParams out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos) {
      out.emplace_back(UrlDecode(pair), "");
    } else {
      out.emplace_back(UrlDecode(pair.substr(0, eq)), UrlDecode(pair.substr(eq + 1)));
    }
  }
  return out;
}

std::string QueryValue(std::string_view url, std::string_view key) {
  internal::CurlUrl parsed = internal::ParseCurlUrl(url);
  if (!parsed) return "";
  for (auto& [k, v] : ParseQuery(internal::CurlUrlPart(parsed.get(), CURLUPART_QUERY))) {
    if (k == key) return v;
  }
  return "";
}

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  internal::CurlUrl url = internal::ParseCurlUrl(base);
  if (!url) url.reset(curl_url());  // an absolute `ref` needs no base
  const std::string text(ref);
  // libcurl 7.88 reads "#x" as a path segment; RFC 3986 keeps the base's path and query.
  const bool fragment = !text.empty() && text[0] == '#';
  if (!url || text.find('\0') != std::string::npos ||
      curl_url_set(url.get(), fragment ? CURLUPART_FRAGMENT : CURLUPART_URL,
                   text.c_str() + (fragment ? 1 : 0), kLocationFlags) != CURLUE_OK) {
    return text;  // left as written: the policy refuses it by name
  }
  return internal::CurlUrlPart(url.get(), CURLUPART_URL);
}

std::string UrlHost(std::string_view url) {
  internal::CurlUrl parsed = internal::ParseCurlUrl(url);
  if (!parsed) return "";
  std::string host = BracketedHost(parsed.get());
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return host;
}

std::string UrlScheme(std::string_view url) {
  internal::CurlUrl parsed = internal::ParseCurlUrl(url);
  return parsed ? Lower(internal::CurlUrlPart(parsed.get(), CURLUPART_SCHEME)) : "";
}

std::string Origin(std::string_view url) {
  internal::CurlUrl parsed = internal::ParseCurlUrl(url);
  if (!parsed) return "";
  std::string origin = Lower(internal::CurlUrlPart(parsed.get(), CURLUPART_SCHEME)) + "://" +
                       BracketedHost(parsed.get());
  // No userinfo, and no port when it is the scheme's default ("https://h:443" is "https://h").
  const std::string port =
      internal::CurlUrlPart(parsed.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT);
  if (!port.empty()) origin += ":" + port;
  return origin;
}

std::string PathAndQuery(std::string_view url) {
  internal::CurlUrl parsed = internal::ParseCurlUrl(url);
  if (!parsed) return "/";
  std::string out = internal::CurlUrlPart(parsed.get(), CURLUPART_PATH);
  if (out.empty() || out[0] != '/') out.insert(0, "/");
  const std::string query = internal::CurlUrlPart(parsed.get(), CURLUPART_QUERY);
  if (!query.empty()) out += "?" + query;
  return out;
}

std::string JoinUrl(std::string_view base, std::string_view path) {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  std::string out(base);
  if (path.empty() || path[0] != '/') out.push_back('/');
  out.append(path);
  return out;
}

}  // namespace pelo::http
