// Revocation: Auth0's standard token revocation endpoint (RFC 7009, oauth2::RevokeToken).
// Peloton's clients in the API catalogue never call it, but every Auth0 tenant serves it;
// `pelo logout` uses it so that a refresh token copied before the logout stops working.
#include "pelo/oauth2/token_endpoint.h"
#include "pelo/peloton/auth/login.h"
#include "peloton/auth/clients.h"

namespace pelo::auth {

Status RevokeRefreshToken(http::Transport& transport, const Endpoints& endpoints,
                          const Credentials& current) {
  if (current.refresh_token.empty()) {
    return Status(ErrorCode::kInvalidArgument, "no refresh token to revoke");
  }
  // No token_type_hint: Peloton's tenant has always been sent {client_id, token} alone.
  return oauth2::RevokeToken(transport,
                             internal::AuthProvider(endpoints, internal::ClientIdFor(current)),
                             current.refresh_token);
}

}  // namespace pelo::auth
