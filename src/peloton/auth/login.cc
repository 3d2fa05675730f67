// Login: the password grant, a pasted token and the legacy cookie login; PKCE lives in
// login_pkce.cc.
#include "pelo/peloton/auth/login.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "pelo/common/strings.h"
#include "pelo/common/time.h"
#include "pelo/http/url.h"
#include "pelo/oauth2/errors.h"
#include "pelo/oauth2/jwt.h"
#include "pelo/oauth2/token_endpoint.h"
#include "peloton/auth/clients.h"
#include "peloton/auth/login_pkce.h"

namespace pelo::auth {
namespace {

using oauth2::HttpFailure;
using oauth2::SensitivePost;

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// §2.3: the resource-owner password grant (RFC 6749 §4.3) with the mobile client id.
StatusOr<Credentials> LoginWithPasswordGrant(http::Transport& transport, const Endpoints& endpoints,
                                             const LoginInput& input) {
  const oauth2::Provider provider = internal::AuthProvider(endpoints, kMobileClientId);
  const std::string step = "POST /oauth/token";
  PELO_ASSIGN_OR_RETURN(http::Response response, transport.Send(oauth2::TokenRequest(
                                                     provider, {{"grant_type", "password"},
                                                                {"scope", "offline_access openid"},
                                                                {"username", input.email},
                                                                {"password", input.password}})));
  const std::string error = oauth2::OAuthErrorCode(response.body);
  if (response.status == 401 || response.status == 403 || error == "invalid_grant") {
    return Status(ErrorCode::kUnauthenticated, step + ": " + internal::kWrongPassword,
                  response.status);
  }
  if (!response.ok()) return HttpFailure(ErrorCode::kApi, step, response, error);
  PELO_ASSIGN_OR_RETURN(oauth2::Tokens tokens,
                        oauth2::ParseTokenResponse(response.body, NowEpochSeconds(), step));
  Credentials c;
  c.method = Method::kPasswordGrant;
  c.client_id = kMobileClientId;
  return internal::WithTokens(std::move(c), tokens);
}

// A bearer token pasted from the browser; checked later with GET /api/me.
StatusOr<Credentials> LoginWithToken(const LoginInput& input) {
  std::string_view token = Trim(input.token);
  if (token.size() > 7 && EqualsIgnoreCase(token.substr(0, 7), "bearer ")) {
    token = Trim(token.substr(7));
  }
  if (token.empty()) return Status(ErrorCode::kInvalidArgument, "the bearer token is empty");
  if (std::any_of(token.begin(), token.end(), IsSpace)) {
    return Status(ErrorCode::kInvalidArgument, "the bearer token contains whitespace");
  }
  Credentials c;
  c.method = Method::kToken;
  c.access_token = std::string(token);
  c.expires_at = oauth2::JwtExpiry(token).value_or(0);
  return c;
}

// §2.5: POST /auth/login for the peloton_session_id cookie (retired by Peloton in 2025).
StatusOr<Credentials> LoginLegacy(http::Transport& transport, const Endpoints& endpoints,
                                  const LoginInput& input) {
  const nlohmann::json body = {
      {"username_or_email", input.email}, {"password", input.password}, {"with_pubsub", false}};
  const std::string step = "POST /auth/login";
  PELO_ASSIGN_OR_RETURN(
      http::Response response,
      transport.Send(SensitivePost(http::JoinUrl(endpoints.api_url, "/auth/login"), body.dump(),
                                   "application/json",
                                   {{"Accept", "application/json"}, {"Peloton-Platform", "web"}})));
  if (response.status == 401) {
    return Status(ErrorCode::kUnauthenticated, step + ": " + internal::kWrongPassword, 401);
  }
  if (response.status == 403) {
    return Status(ErrorCode::kUnauthenticated,
                  step +
                      ": HTTP 403: Peloton retired this login (endpoint no longer accepting "
                      "requests); use --method pkce",
                  403);
  }
  if (!response.ok()) return HttpFailure(ErrorCode::kApi, step, response);
  Credentials c;
  c.method = Method::kLegacy;
  const auto json = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (json.is_object()) {
    c.session_id = json.value("session_id", std::string());
    c.user_id = json.value("user_id", std::string());
  }
  for (const std::string& cookie : response.HeaderValues("Set-Cookie")) {
    constexpr std::string_view kName = "peloton_session_id=";
    if (c.session_id.empty() && cookie.rfind(kName, 0) == 0) {
      c.session_id = cookie.substr(kName.size(), cookie.find(';') - kName.size());
    }
  }
  if (c.session_id.empty())
    return Status(ErrorCode::kApi, step + ": no session_id in the response");
  return c;
}

}  // namespace

StatusOr<Credentials> Login(http::Transport& transport, const Endpoints& endpoints,
                            const LoginInput& input) {
  if (input.method == Method::kToken) return LoginWithToken(input);
  if (input.email.empty() || input.password.empty()) {
    return Status(ErrorCode::kInvalidArgument, "an email and a password are required");
  }
  switch (input.method) {
    case Method::kPkce:
      return internal::LoginWithPkce(transport, endpoints, input);
    case Method::kPasswordGrant:
      return LoginWithPasswordGrant(transport, endpoints, input);
    case Method::kLegacy:
      return LoginLegacy(transport, endpoints, input);
    case Method::kToken:
      break;
  }
  return Status(ErrorCode::kInvalidArgument, "unknown login method");
}

}  // namespace pelo::auth
