// Peloton's two Auth0 clients as OAuth2 providers, and how Credentials carry oauth2 tokens.
#pragma once

#include <string>

#include "pelo/oauth2/provider.h"
#include "pelo/oauth2/tokens.h"
#include "pelo/peloton/auth/credentials.h"

namespace pelo::auth::internal {

inline constexpr const char* kSessionExpired = "session expired; run `pelo login` again";
inline constexpr const char* kWrongPassword = "wrong email or password";

// The OAuth client `c`'s tokens were issued to: the saved one, else the one its method uses
// (credentials saved before the client id was recorded).
std::string ClientIdFor(const Credentials& c);

// Auth0 at `endpoints.auth_url` for `client_id`, as Peloton's own clients speak to it (§2.2,
// §2.3): JSON bodies, the client id in the body, the API audience, the web app's redirect URI.
oauth2::Provider AuthProvider(const Endpoints& endpoints, const std::string& client_id);
// The provider a refresh of `client_id`'s tokens goes to, spelled as that client spells it:
// the web app sends a form, the mobile app JSON with its redirect URI.
oauth2::Provider RefreshProvider(const Endpoints& endpoints, const std::string& client_id);

// The token members of `c`.
oauth2::Tokens TokensOf(const Credentials& c);
// `c` with its token members replaced by `tokens` (method, client, user and legacy session kept).
Credentials WithTokens(Credentials c, const oauth2::Tokens& tokens);

}  // namespace pelo::auth::internal
