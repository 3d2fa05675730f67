// A minimal cookie jar for one host (Set-Cookie name=value; Path; Expires; Max-Age, as RFC 6265
// §5.2 and §5.3 read them), for a flow walked request by request, such as a hosted login page.
// Domain is not kept: the caller keeps one jar per host and never shows it another host.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pelo/common/time.h"

namespace pelo::http {

class CookieJar {
 public:
  // `now` gives the epoch seconds that expiry times are counted from and compared with.
  explicit CookieJar(std::function<int64_t()> now = &NowEpochSeconds) : now_(std::move(now)) {}

  // Stores the cookies of the Set-Cookie values received for a request to `request_path`.
  // A cookie replaces the one of the same name and path; one that is already expired (Max-Age
  // <= 0, or an Expires in the past and no Max-Age) only deletes it. Cookies without Path
  // default to the request path's directory.
  void Update(const std::vector<std::string>& set_cookie_values, std::string_view request_path);
  // "a=1; b=2" for the unexpired cookies whose Path matches `request_path` (RFC 6265 §5.1.4),
  // or ""; the expired ones are dropped from the jar.
  std::string HeaderFor(std::string_view request_path);
  // The value of the unexpired cookie `name` on any path, or "".
  std::string Get(std::string_view name) const;
  // How many unexpired cookies the jar holds.
  size_t size() const;

 private:
  struct Cookie {
    std::string name;
    std::string value;
    std::string path;
    std::optional<int64_t> expires;  // epoch seconds; none for a session cookie
    bool ExpiredAt(int64_t now) const { return expires && *expires <= now; }
  };
  void DropExpired(int64_t now);

  std::function<int64_t()> now_;
  std::vector<Cookie> cookies_;
};

// True when a cookie with Path `cookie_path` is sent with a request for `request_path`.
bool CookiePathMatches(std::string_view cookie_path, std::string_view request_path);

}  // namespace pelo::http
