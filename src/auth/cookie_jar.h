// A minimal cookie jar for one login flow against one host (Set-Cookie name=value; Path).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pelo::auth::internal {

class CookieJar {
 public:
  // Stores the cookies of the Set-Cookie values received for a request to `request_path`;
  // Max-Age <= 0 deletes. Cookies without Path default to the request path's directory.
  void Update(const std::vector<std::string>& set_cookie_values, std::string_view request_path);
  // "a=1; b=2" for the cookies whose Path matches `request_path` (RFC 6265 §5.1.4), or "".
  std::string HeaderFor(std::string_view request_path) const;
  // The value of cookie `name` on any path, or "".
  std::string Get(std::string_view name) const;
  size_t size() const { return cookies_.size(); }

 private:
  struct Cookie {
    std::string name;
    std::string value;
    std::string path;
  };
  std::vector<Cookie> cookies_;
};

// True when a cookie with Path `cookie_path` is sent with a request for `request_path`.
bool CookiePathMatches(std::string_view cookie_path, std::string_view request_path);

}  // namespace pelo::auth::internal
