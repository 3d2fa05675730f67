#include "auth/cookie_jar.h"

#include <algorithm>
#include <cctype>

namespace pelo::auth::internal {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// RFC 6265 §5.1.4 default-path: the request path up to its last '/'.
std::string DefaultPath(std::string_view request_path) {
  request_path = request_path.substr(0, request_path.find('?'));
  const size_t slash = request_path.rfind('/');
  if (request_path.empty() || request_path[0] != '/' || slash == 0) return "/";
  return std::string(request_path.substr(0, slash));
}

}  // namespace

bool CookiePathMatches(std::string_view cookie_path, std::string_view request_path) {
  request_path = request_path.substr(0, request_path.find('?'));
  if (request_path.empty()) request_path = "/";
  if (request_path.substr(0, cookie_path.size()) != cookie_path) return false;
  return request_path.size() == cookie_path.size() || cookie_path.back() == '/' ||
         request_path[cookie_path.size()] == '/';
}

void CookieJar::Update(const std::vector<std::string>& set_cookie_values,
                       std::string_view request_path) {
  for (std::string_view header : set_cookie_values) {
    const size_t semi = header.find(';');
    std::string_view pair = Trim(header.substr(0, semi));
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    Cookie cookie{std::string(Trim(pair.substr(0, eq))), std::string(Trim(pair.substr(eq + 1))),
                  DefaultPath(request_path)};
    bool expired = false;
    std::string_view attrs = semi == std::string_view::npos ? "" : header.substr(semi + 1);
    while (!attrs.empty()) {
      const size_t next = attrs.find(';');
      std::string_view attr = Trim(attrs.substr(0, next));
      attrs = next == std::string_view::npos ? "" : attrs.substr(next + 1);
      const size_t aeq = attr.find('=');
      std::string_view key = Trim(attr.substr(0, aeq));
      std::string_view value = aeq == std::string_view::npos ? "" : Trim(attr.substr(aeq + 1));
      if (EqualsIgnoreCase(key, "path") && !value.empty() && value[0] == '/') {
        cookie.path = std::string(value);
      } else if (EqualsIgnoreCase(key, "max-age") && !value.empty() &&
                 (value[0] == '-' || value == "0")) {
        expired = true;
      }
    }
    std::erase_if(cookies_,
                  [&](const Cookie& c) { return c.name == cookie.name && c.path == cookie.path; });
    if (!expired) cookies_.push_back(std::move(cookie));
  }
}

std::string CookieJar::HeaderFor(std::string_view request_path) const {
  std::string out;
  for (const Cookie& c : cookies_) {
    if (!CookiePathMatches(c.path, request_path)) continue;
    if (!out.empty()) out.append("; ");
    out.append(c.name).append("=").append(c.value);
  }
  return out;
}

std::string CookieJar::Get(std::string_view name) const {
  for (const Cookie& c : cookies_) {
    if (c.name == name) return c.value;
  }
  return "";
}

}  // namespace pelo::auth::internal
