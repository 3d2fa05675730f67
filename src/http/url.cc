#include "pelo/http/url.h"

#include <algorithm>
#include <cctype>

namespace pelo::http {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Length of "scheme:" at the start of `s`, or 0 when `s` has no scheme.
size_t SchemeLength(std::string_view s) {
  if (s.empty() || std::isalpha(static_cast<unsigned char>(s[0])) == 0) return 0;
  for (size_t i = 1; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ':') return i + 1;
    if (std::isalnum(c) == 0 && c != '+' && c != '-' && c != '.') return 0;
  }
  return 0;
}

// The authority ("user@host:port") of an absolute URL, and where the path starts.
std::string_view Authority(std::string_view url, size_t* path_start) {
  size_t start = SchemeLength(url);
  if (url.substr(start, 2) == "//") start += 2;
  size_t end = url.find_first_of("/?#", start);
  if (end == std::string_view::npos) end = url.size();
  if (path_start != nullptr) *path_start = end;
  return url.substr(start, end - start);
}

std::string_view StripFragment(std::string_view s) { return s.substr(0, s.find('#')); }

// RFC 3986 §5.2.4: removes "." and ".." segments from an absolute path.
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t pos = 1;  // skip the leading '/'
  while (pos <= path.size()) {
    size_t next = path.find('/', pos);
    if (next == std::string_view::npos) next = path.size();
    std::string_view seg = path.substr(pos, next - pos);
    const bool last = next == path.size();
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
      if (last) segments.emplace_back("");
    } else if (seg == ".") {
      if (last) segments.emplace_back("");
    } else {
      segments.push_back(seg);
    }
    pos = next + 1;
  }
  std::string out;
  for (std::string_view seg : segments) out.append("/").append(seg);
  return out.empty() ? "/" : out;
}

}  // namespace

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

std::string UrlDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 &&
               HexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

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
  url = StripFragment(url);
  size_t q = url.find('?');
  if (q == std::string_view::npos) return "";
  for (auto& [k, v] : ParseQuery(url.substr(q + 1))) {
    if (k == key) return v;
  }
  return "";
}

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  if (SchemeLength(ref) > 0) return std::string(ref);
  base = StripFragment(base);
  if (ref.substr(0, 2) == "//")
    return ToLower(base.substr(0, SchemeLength(base))) + std::string(ref);
  if (ref.empty()) return std::string(base);
  const std::string origin = Origin(base);
  if (ref[0] == '/') return origin + std::string(ref);
  const std::string base_path = PathAndQuery(base);
  const std::string_view path_only = std::string_view(base_path).substr(0, base_path.find('?'));
  if (ref[0] == '?') return origin + std::string(path_only) + std::string(ref);
  if (ref[0] == '#') return std::string(base) + std::string(ref);
  // A relative path: replace the last segment of the base path, then normalise.
  const std::string_view dir = path_only.substr(0, path_only.rfind('/') + 1);
  const size_t tail = ref.find_first_of("?#");
  const std::string merged = std::string(dir) + std::string(ref.substr(0, tail));
  const std::string rest = tail == std::string_view::npos ? "" : std::string(ref.substr(tail));
  return origin + RemoveDotSegments(merged) + rest;
}

std::string UrlHost(std::string_view url) {
  std::string_view authority = Authority(url, nullptr);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  if (!authority.empty() && authority[0] == '[') {
    size_t close = authority.find(']');
    return ToLower(authority.substr(1, close == std::string_view::npos ? close : close - 1));
  }
  return ToLower(authority.substr(0, authority.find(':')));
}

std::string UrlScheme(std::string_view url) {
  const size_t n = SchemeLength(url);
  return n == 0 ? "" : ToLower(url.substr(0, n - 1));
}

std::string Origin(std::string_view url) {
  size_t path_start = 0;
  std::string_view authority = Authority(url, &path_start);
  return UrlScheme(url) + "://" + ToLower(authority);
}

std::string PathAndQuery(std::string_view url) {
  size_t path_start = 0;
  Authority(url, &path_start);
  std::string rest(StripFragment(url.substr(path_start)));
  if (rest.empty() || rest[0] != '/') rest.insert(0, "/");
  return rest;
}

std::string JoinUrl(std::string_view base, std::string_view path) {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  std::string out(base);
  if (path.empty() || path[0] != '/') out.push_back('/');
  out.append(path);
  return out;
}

}  // namespace pelo::http
