// A small OAuth2 authorization server on 127.0.0.1 (ephemeral port) for the oauth2 tests,
// shaped like Strava's rather than Auth0's (../shared/docs/destinations.md): a confidential
// client (the client secret is required), scopes joined with ',', the scopes the user accepted
// echoed in the redirect (a user may untick some), form bodies only, `expires_at` beside
// `expires_in`, opaque tokens (not JWTs), errors as Strava's Faults ({message, errors[]}, no
// OAuth `error`), and a refresh token that rotates on every refresh (the old one then stops
// working). It also serves RFC 7009 revocation, accepts HTTP Basic client authentication, and
// answers GET /api/me only with a live bearer token.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pelo/http/transport.h"
#include "pelo/oauth2/provider.h"

namespace pelo::testing {

// The libcurl transport, without retries (every request the tests make is counted).
std::unique_ptr<http::Transport> LoopbackTransport();

class TestOAuthServer {
 public:
  struct Options {
    std::string client_id = "4242";
    std::string client_secret = "client-Secret-0123456789abcdef";
    std::string redirect_uri = "http://127.0.0.1:9/exchange_token";
    int64_t lifetime_s = 21600;         // Strava's 6 hours
    bool rotate_refresh_tokens = true;  // false: refresh answers carry no refresh_token
    std::set<std::string> declined;     // scopes the user unticks on the consent page
  };

  TestOAuthServer();
  explicit TestOAuthServer(Options options);
  ~TestOAuthServer();
  TestOAuthServer(const TestOAuthServer&) = delete;
  TestOAuthServer& operator=(const TestOAuthServer&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // A provider that fits: client secret in the body, ',' between scopes, form bodies.
  oauth2::Provider Provider() const;

  int refreshes() const;  // refresh grants answered with tokens
  // Every access token issued so far is refused from now on (as after their expiry).
  void ExpireAccessTokens();
  // The bodies the token and revocation endpoints received, in order.
  std::vector<std::string> Bodies() const;
  std::vector<std::string> ContentTypes() const;

 private:
  struct Code {
    std::string scope;
    std::string challenge;
    std::string redirect_uri;
  };
  void Authorize(const httplib::Request& req, httplib::Response& res);
  void Token(const httplib::Request& req, httplib::Response& res);
  void Revoke(const httplib::Request& req, httplib::Response& res);
  void Me(const httplib::Request& req, httplib::Response& res);
  bool ClientAuthenticated(const httplib::Request& req) const;
  void IssueTokens(httplib::Response& res, bool with_refresh_token);
  std::string Next(const std::string& prefix);

  Options options_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mu_;
  int counter_ = 0;
  int refreshes_ = 0;
  std::map<std::string, Code> codes_;
  std::set<std::string> refresh_tokens_;
  std::set<std::string> access_tokens_;
  std::vector<std::string> bodies_;
  std::vector<std::string> content_types_;
};

}  // namespace pelo::testing
