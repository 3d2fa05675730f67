#include "unit/oauth2/test_oauth_server.h"

#include <openssl/sha.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "pelo/common/base64.h"
#include "pelo/common/time.h"
#include "pelo/http/url.h"

namespace pelo::testing {
namespace {

using nlohmann::json;

std::string Sha256Challenge(const std::string& verifier) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest);
  return Base64UrlEncode(
      std::string_view(reinterpret_cast<const char*>(digest), SHA256_DIGEST_LENGTH));
}

// A Strava Fault: {message, errors: [{resource, field, code}]}.
void Fault(httplib::Response& res, int status, const std::string& message,
           const std::string& resource, const std::string& field, const std::string& code) {
  res.status = status;
  res.set_content(json{{"message", message},
                       {"errors", {{{"resource", resource}, {"field", field}, {"code", code}}}}}
                      .dump(),
                  "application/json");
}

std::map<std::string, std::string> Form(const httplib::Request& req) {
  std::map<std::string, std::string> form;
  for (auto& [key, value] : http::ParseQuery(req.body)) form[key] = value;
  return form;
}

std::string Get(const std::map<std::string, std::string>& form, const std::string& key) {
  auto it = form.find(key);
  return it == form.end() ? "" : it->second;
}

}  // namespace

std::unique_ptr<http::Transport> LoopbackTransport() {
  http::GlobalInit();
  http::TransportOptions options;
  options.user_agent = "pelo-oauth2-test/1";
  options.retry.max_attempts = 1;
  return http::MakeCurlTransport(std::move(options));
}

TestOAuthServer::TestOAuthServer() : TestOAuthServer(Options()) {}

TestOAuthServer::TestOAuthServer(Options options) : options_(std::move(options)) {
  server_.Get("/oauth/authorize",
              [this](const httplib::Request& req, httplib::Response& res) { Authorize(req, res); });
  server_.Post("/oauth/token",
               [this](const httplib::Request& req, httplib::Response& res) { Token(req, res); });
  server_.Post("/oauth/revoke",
               [this](const httplib::Request& req, httplib::Response& res) { Revoke(req, res); });
  server_.Get("/api/me",
              [this](const httplib::Request& req, httplib::Response& res) { Me(req, res); });
  // One request per connection: stopping never waits for an idle keep-alive connection.
  server_.set_keep_alive_max_count(1);
  port_ = server_.bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TestOAuthServer::~TestOAuthServer() {
  server_.stop();
  thread_.join();
}

oauth2::Provider TestOAuthServer::Provider() const {
  oauth2::Provider p;
  p.authorize_url = url() + "/oauth/authorize";
  p.token_url = url() + "/oauth/token";
  p.revoke_url = url() + "/oauth/revoke";
  p.client_id = options_.client_id;
  p.client_secret = options_.client_secret;
  p.redirect_uri = options_.redirect_uri;
  p.scopes = {"read", "activity:read_all", "activity:write"};
  p.scope_separator = ',';
  p.authorize_params = {{"approval_prompt", "auto"}};
  return p;
}

int TestOAuthServer::refreshes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return refreshes_;
}

void TestOAuthServer::ExpireAccessTokens() {
  std::lock_guard<std::mutex> lock(mu_);
  access_tokens_.clear();
}

std::vector<std::string> TestOAuthServer::Bodies() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bodies_;
}

std::vector<std::string> TestOAuthServer::ContentTypes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return content_types_;
}

std::string TestOAuthServer::Next(const std::string& prefix) {
  return prefix + std::to_string(++counter_) + "-" + std::to_string(port_);
}

// The consent page, already agreed to: straight back to the redirect URI with a code and the
// scopes the user left ticked.
void TestOAuthServer::Authorize(const httplib::Request& req, httplib::Response& res) {
  const std::string redirect_uri = req.get_param_value("redirect_uri");
  if (req.get_param_value("client_id") != options_.client_id ||
      redirect_uri != options_.redirect_uri || req.get_param_value("response_type") != "code") {
    return Fault(res, 400, "Bad Request", "Application", "client_id", "invalid");
  }
  std::string accepted;
  for (const std::string& scope : oauth2::SplitScope(req.get_param_value("scope"))) {
    if (options_.declined.count(scope) != 0) continue;
    if (!accepted.empty()) accepted.push_back(',');
    accepted += scope;
  }
  std::lock_guard<std::mutex> lock(mu_);
  const std::string code = Next("code-");
  codes_[code] = {accepted, req.get_param_value("code_challenge"), redirect_uri};
  res.status = 302;
  res.set_header("Location", redirect_uri + "?" +
                                 http::BuildQuery({{"state", req.get_param_value("state")},
                                                   {"code", code},
                                                   {"scope", accepted}}));
}

bool TestOAuthServer::ClientAuthenticated(const httplib::Request& req) const {
  const std::string authorization = req.get_header_value("Authorization");
  std::string id;
  std::string secret;
  if (authorization.rfind("Basic ", 0) == 0) {
    const auto decoded = Base64UrlDecode(authorization.substr(6));
    if (!decoded) return false;
    const size_t colon = decoded->find(':');
    if (colon == std::string::npos) return false;
    id = http::UrlDecode(decoded->substr(0, colon));
    secret = http::UrlDecode(decoded->substr(colon + 1));
  } else {
    const auto form = Form(req);
    id = Get(form, "client_id");
    secret = Get(form, "client_secret");
  }
  return id == options_.client_id && secret == options_.client_secret;
}

void TestOAuthServer::IssueTokens(httplib::Response& res, bool with_refresh_token) {
  const std::string access = Next("access-");
  access_tokens_.insert(access);
  json body = {{"token_type", "Bearer"},
               {"access_token", access},
               {"expires_at", NowEpochSeconds() + options_.lifetime_s},
               {"expires_in", options_.lifetime_s}};
  if (with_refresh_token) {
    const std::string refresh = Next("refresh-");
    refresh_tokens_.insert(refresh);
    body["refresh_token"] = refresh;
  }
  res.set_content(body.dump(), "application/json");
}

void TestOAuthServer::Token(const httplib::Request& req, httplib::Response& res) {
  const auto form = Form(req);
  std::lock_guard<std::mutex> lock(mu_);
  bodies_.push_back(req.body);
  content_types_.push_back(req.get_header_value("Content-Type"));
  if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0) {
    return Fault(res, 400, "Bad Request", "Application", "grant_type", "missing");
  }
  if (!ClientAuthenticated(req)) {
    return Fault(res, 401, "Bad Request", "Application", "client_secret", "invalid");
  }
  const std::string grant = Get(form, "grant_type");
  if (grant == "authorization_code") {
    auto it = codes_.find(Get(form, "code"));
    if (it == codes_.end()) {
      return Fault(res, 400, "Bad Request", "AuthorizationCode", "code", "invalid");
    }
    const Code code = it->second;
    codes_.erase(it);  // single use
    if (Get(form, "redirect_uri") != code.redirect_uri ||
        (!code.challenge.empty() &&
         Sha256Challenge(Get(form, "code_verifier")) != code.challenge)) {
      return Fault(res, 400, "Bad Request", "AuthorizationCode", "code", "invalid");
    }
    return IssueTokens(res, true);
  }
  if (grant == "refresh_token") {
    const std::string token = Get(form, "refresh_token");
    if (refresh_tokens_.count(token) == 0) {
      return Fault(res, 400, "Bad Request", "RefreshToken", "refresh_token", "invalid");
    }
    ++refreshes_;
    if (options_.rotate_refresh_tokens) refresh_tokens_.erase(token);
    return IssueTokens(res, options_.rotate_refresh_tokens);
  }
  return Fault(res, 400, "Bad Request", "Application", "grant_type", "invalid");
}

// RFC 7009: 200 whether or not the token was known; the client must authenticate.
void TestOAuthServer::Revoke(const httplib::Request& req, httplib::Response& res) {
  const auto form = Form(req);
  std::lock_guard<std::mutex> lock(mu_);
  bodies_.push_back(req.body);
  content_types_.push_back(req.get_header_value("Content-Type"));
  if (!ClientAuthenticated(req)) {
    res.status = 401;
    res.set_content(R"({"error":"invalid_client","error_description":"who are you?"})",
                    "application/json");
    return;
  }
  refresh_tokens_.erase(Get(form, "token"));
  access_tokens_.erase(Get(form, "token"));
  res.set_content("{}", "application/json");
}

void TestOAuthServer::Me(const httplib::Request& req, httplib::Response& res) {
  const std::string authorization = req.get_header_value("Authorization");
  std::lock_guard<std::mutex> lock(mu_);
  if (authorization.rfind("Bearer ", 0) != 0 ||
      access_tokens_.count(authorization.substr(7)) == 0) {
    return Fault(res, 401, "Authorization Error", "AccessToken", "access_token", "invalid");
  }
  res.set_content(R"({"id":42})", "application/json");
}

}  // namespace pelo::testing
