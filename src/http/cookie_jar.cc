#include "pelo/http/cookie_jar.h"

#include <algorithm>
#include <charconv>
#include <limits>

#include "pelo/common/strings.h"
#include "pelo/http/http_date.h"

namespace pelo::http {
namespace {

constexpr int64_t kNever = std::numeric_limits<int64_t>::max();
constexpr int64_t kLongAgo = std::numeric_limits<int64_t>::min();

// RFC 6265 §5.1.4 default-path: the request path up to its last '/'.
std::string DefaultPath(std::string_view request_path) {
  request_path = request_path.substr(0, request_path.find('?'));
  const size_t slash = request_path.rfind('/');
  if (request_path.empty() || request_path[0] != '/' || slash == 0) return "/";
  return std::string(request_path.substr(0, slash));
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// RFC 6265 §5.2.2: when a Max-Age of `value` received at `now` expires; nullopt when `value` is
// not an integer (the attribute is then ignored). Zero or less is the earliest time there is.
std::optional<int64_t> MaxAgeExpiry(std::string_view value, int64_t now) {
  const bool negative = !value.empty() && value[0] == '-';
  const std::string_view digits = negative ? value.substr(1) : value;
  if (!AllDigits(digits)) return std::nullopt;
  int64_t delta = 0;
  if (std::from_chars(digits.data(), digits.data() + digits.size(), delta).ec != std::errc()) {
    delta = kNever;  // too many digits for int64: as good as forever
  }
  if (negative || delta == 0) return kLongAgo;
  return delta > kNever - now ? kNever : now + delta;
}

// RFC 6265 §5.2.1: the time an Expires value names; nullopt when it is not a date (ignored).
// ParseHttpDate reads every form browsers accept for this attribute.
std::optional<int64_t> ExpiresTime(std::string_view value) { return ParseHttpDate(value); }

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
  const int64_t now = now_();
  for (std::string_view header : set_cookie_values) {
    const size_t semi = header.find(';');
    std::string_view pair = Trim(header.substr(0, semi));
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    Cookie cookie{std::string(Trim(pair.substr(0, eq))), std::string(Trim(pair.substr(eq + 1))),
                  DefaultPath(request_path), std::nullopt};
    // The last valid attribute of each name counts; Max-Age wins over Expires (§5.3 step 3).
    std::optional<int64_t> max_age_expiry;
    std::optional<int64_t> expires;
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
      } else if (EqualsIgnoreCase(key, "max-age")) {
        if (auto when = MaxAgeExpiry(value, now)) max_age_expiry = when;
      } else if (EqualsIgnoreCase(key, "expires")) {
        if (auto when = ExpiresTime(value)) expires = when;
      }
    }
    cookie.expires = max_age_expiry ? max_age_expiry : expires;
    // §5.3 steps 11 and 12: the new cookie replaces the old; if it is already expired, it is
    // evicted at once, so what remains is a deletion.
    std::erase_if(cookies_,
                  [&](const Cookie& c) { return c.name == cookie.name && c.path == cookie.path; });
    if (!cookie.ExpiredAt(now)) cookies_.push_back(std::move(cookie));
  }
  DropExpired(now);
}

void CookieJar::DropExpired(int64_t now) {
  std::erase_if(cookies_, [now](const Cookie& c) { return c.ExpiredAt(now); });
}

std::string CookieJar::HeaderFor(std::string_view request_path) {
  DropExpired(now_());
  std::string out;
  for (const Cookie& c : cookies_) {
    if (!CookiePathMatches(c.path, request_path)) continue;
    if (!out.empty()) out.append("; ");
    out.append(c.name).append("=").append(c.value);
  }
  return out;
}

std::string CookieJar::Get(std::string_view name) const {
  const int64_t now = now_();
  for (const Cookie& c : cookies_) {
    if (c.name == name && !c.ExpiredAt(now)) return c.value;
  }
  return "";
}

size_t CookieJar::size() const {
  const int64_t now = now_();
  return static_cast<size_t>(std::count_if(cookies_.begin(), cookies_.end(),
                                           [now](const Cookie& c) { return !c.ExpiredAt(now); }));
}

}  // namespace pelo::http
