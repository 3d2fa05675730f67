// The four ways to get credentials (peloton-api.md §2): Auth0 PKCE (default), the password
// grant with the mobile client id, a pasted bearer token, and the legacy /auth/login cookie.
#pragma once

#include <string>

#include "pelo/common/status.h"
#include "pelo/http/transport.h"
#include "pelo/peloton/auth/credentials.h"

namespace pelo::auth {

inline constexpr const char* kWebClientId = "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM";
inline constexpr const char* kMobileClientId = "mgsmWCD0A8Qn6uz6mmqI6qeBNHH9IPwS";
inline constexpr const char* kRedirectUri = "https://members.onepeloton.com/callback";
inline constexpr const char* kAudience = "https://api.onepeloton.com/";
inline constexpr const char* kWebScope = "offline_access openid peloton-api.members:default";

struct LoginInput {
  Method method = Method::kPkce;
  std::string email;
  std::string password;  // never logged; never in an error message
  std::string token;     // for Method::kToken
};

// Logs in and returns credentials (user_id not yet known). Wrong password -> kUnauthenticated.
// Errors name the step ("POST /usernamepassword/login: ...") but never a secret.
StatusOr<Credentials> Login(http::Transport& transport, const Endpoints& endpoints,
                            const LoginInput& input);

// Exchanges the refresh token for new credentials (same method and client id).
StatusOr<Credentials> Refresh(http::Transport& transport, const Endpoints& endpoints,
                              const Credentials& current);

// Revokes `current`'s refresh token at Auth0's standard POST <auth host>/oauth/revoke (RFC 7009;
// not in Peloton's API catalogue) with the client id it was issued to, so it can never be
// exchanged again; access tokens already issued stay valid until they expire. Ok on 200.
// kInvalidArgument when there is no refresh token; kUnauthenticated when the server refuses
// (400/401/403, with its OAuth error code); kApi for other statuses; the transport's status
// (kNetwork...) when no answer came. Messages name the step, never a token.
Status RevokeRefreshToken(http::Transport& transport, const Endpoints& endpoints,
                          const Credentials& current);

}  // namespace pelo::auth
