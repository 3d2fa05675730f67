// Revocation: Auth0's standard token revocation endpoint (RFC 7009). Peloton's clients in the
// API catalogue never call it, but every Auth0 tenant serves it; `pelo logout` uses it so that a
// refresh token copied before the logout stops working.
#include <chrono>
#include <nlohmann/json.hpp>

#include "pelo/http/url.h"
#include "pelo/peloton/auth/login.h"
#include "peloton/auth/oauth.h"

namespace pelo::auth {
namespace {

// Best effort at logout: a slow server must not hold the user for the default 30 s.
constexpr std::chrono::seconds kRevokeTimeout{10};

}  // namespace

Status RevokeRefreshToken(http::Transport& transport, const Endpoints& endpoints,
                          const Credentials& current) {
  if (current.refresh_token.empty()) {
    return Status(ErrorCode::kInvalidArgument, "no refresh token to revoke");
  }
  const nlohmann::json body = {{"client_id", internal::ClientIdFor(current)},
                               {"token", current.refresh_token}};
  http::Request request =
      internal::AuthPost(http::JoinUrl(endpoints.auth_url, "/oauth/revoke"), body.dump(),
                         "application/json", {{"Accept", "application/json"}});
  request.timeout = kRevokeTimeout;
  PELO_ASSIGN_OR_RETURN(http::Response response, transport.Send(request));
  if (response.ok()) return OkStatus();
  const bool refused = response.status == 400 || response.status == 401 || response.status == 403;
  // Only the sanitised error code: error_description is the server's free text.
  return internal::HttpFailure(refused ? ErrorCode::kUnauthenticated : ErrorCode::kApi,
                               "POST /oauth/revoke", response,
                               internal::OAuthErrorCode(response.body));
}

}  // namespace pelo::auth
