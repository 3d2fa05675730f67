// The back channel: requests to the token endpoint (code exchange, refresh, any other grant)
// and how its answers are read. Every request is sensitive: never logged with its body, never
// retried blindly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/http/transport.h"
#include "pelo/http/url.h"
#include "pelo/oauth2/provider.h"
#include "pelo/oauth2/tokens.h"

namespace pelo::oauth2 {

// A sensitive POST of `body` as `content_type`.
http::Request SensitivePost(const std::string& url, std::string body,
                            const std::string& content_type,
                            std::vector<http::Header> extra_headers = {});

// A POST to `url` of `fields` (a grant's, a revocation's) encoded as the provider wants, with
// the client's authentication (body fields after the first field, or Basic) and
// Accept: application/json.
http::Request ClientPost(const Provider& provider, const std::string& url,
                         const http::QueryParams& fields);

// The token request of `grant` (grant_type first): ClientPost to the token URL with the
// provider's token_params appended.
http::Request TokenRequest(const Provider& provider, const http::QueryParams& grant);
// grant_type=authorization_code with `code`, the redirect URI and (with PKCE) `verifier`.
http::Request CodeExchangeRequest(const Provider& provider, const std::string& code,
                                  const std::string& verifier);
// grant_type=refresh_token (RFC 6749 §6).
http::Request RefreshRequest(const Provider& provider, const std::string& refresh_token);

// The tokens of a 2xx answer; kUnauthenticated when the server refused (400, 401, 403: a bad
// code, a revoked refresh token, a wrong client secret), kApi otherwise, both naming `step`,
// the HTTP status and the OAuth error code.
StatusOr<Tokens> ReadTokenResponse(const http::Response& response, const std::string& step,
                                   int64_t now_epoch_s);

// Exchanges an authorization code (with the PKCE verifier, "" without PKCE) for tokens.
StatusOr<Tokens> ExchangeCode(http::Transport& transport, const Provider& provider,
                              const std::string& code, const std::string& verifier);

// Exchanges `current`'s refresh token for new tokens. When the answer carries no refresh token
// the old one stays in use (RFC 6749 §6: the server may keep it); when it carries one (Strava
// rotates them on every refresh) only the new one is kept. kUnauthenticated when there is no
// refresh token or the server refuses it.
StatusOr<Tokens> RefreshTokens(http::Transport& transport, const Provider& provider,
                               const Tokens& current);

// Revokes `token` at the provider's revoke URL (RFC 7009), with `token_type_hint`
// ("refresh_token", "access_token") when not empty. Ok on 2xx (RFC 7009 §2.2: also for a token
// the server did not know). kInvalidArgument when there is no token or no revoke URL;
// kUnauthenticated when the server refuses (with its OAuth error code); kApi for other statuses;
// the transport's status when no answer came. A slow server gets 10 s, not the default 30.
Status RevokeToken(http::Transport& transport, const Provider& provider, const std::string& token,
                   std::string_view token_type_hint = "");

}  // namespace pelo::oauth2
