// The front channel of the authorization-code grant (RFC 6749 §4.1.1, §4.1.2): the URL the
// user's browser opens, and the redirect that comes back to the client.
#pragma once

#include <string>
#include <string_view>

#include "pelo/common/status.h"
#include "pelo/oauth2/pkce.h"
#include "pelo/oauth2/provider.h"

namespace pelo::oauth2 {

// authorize_url?response_type=code&client_id&redirect_uri&scope&state, then (with PKCE)
// code_challenge and code_challenge_method=S256, then the provider's authorize_params.
std::string AuthorizationUrl(const Provider& provider, const PkceMaterial& pkce);

struct AuthorizationResponse {
  std::string code;
  // The scopes the user accepted, as the redirect spells them ("" when it does not say): users
  // can untick scopes at some servers (Strava), so a client checks for the ones it needs.
  std::string scope;
};

// Reads the redirect back to the redirect URI. kUnauthenticated when the server or the user
// refused (naming the sanitised `error`), or when `state` is not `expected_state` (an answer to
// another flow: a forged or stale redirect is never exchanged); kInvalidArgument when the URL
// has neither a code nor an error.
StatusOr<AuthorizationResponse> ReadAuthorizationRedirect(std::string_view redirect_url,
                                                          std::string_view expected_state);

}  // namespace pelo::oauth2
