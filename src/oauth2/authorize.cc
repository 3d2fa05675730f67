#include "pelo/oauth2/authorize.h"

#include <openssl/crypto.h>

#include "pelo/http/url.h"
#include "pelo/oauth2/errors.h"

namespace pelo::oauth2 {
namespace {

// Compares the state in constant time: it is the flow's CSRF secret.
bool SameState(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string AuthorizationUrl(const Provider& provider, const PkceMaterial& pkce) {
  http::QueryParams params = {{"response_type", "code"},
                              {"client_id", provider.client_id},
                              {"redirect_uri", provider.redirect_uri}};
  if (!provider.scopes.empty()) params.emplace_back("scope", provider.Scope());
  params.emplace_back("state", pkce.state);
  if (provider.pkce) {
    params.emplace_back("code_challenge", pkce.challenge);
    params.emplace_back("code_challenge_method", "S256");
  }
  for (const auto& param : provider.authorize_params) params.push_back(param);
  const char separator = provider.authorize_url.find('?') == std::string::npos ? '?' : '&';
  return provider.authorize_url + separator + http::BuildQuery(params);
}

StatusOr<AuthorizationResponse> ReadAuthorizationRedirect(std::string_view redirect_url,
                                                          std::string_view expected_state) {
  const std::string code = http::QueryValue(redirect_url, "code");
  const std::string error = http::QueryValue(redirect_url, "error");
  if (code.empty() && error.empty()) {
    return Status(ErrorCode::kInvalidArgument,
                  "the redirect carries neither an authorization code nor an error");
  }
  if (!SameState(http::QueryValue(redirect_url, "state"), expected_state)) {
    return Status(ErrorCode::kUnauthenticated,
                  "the redirect's state is not this login's: it was not answered to this request");
  }
  if (!error.empty()) {
    return Status(ErrorCode::kUnauthenticated,
                  "authorization refused (" + SanitizeErrorCode(error) + ")");
  }
  return AuthorizationResponse{code, http::QueryValue(redirect_url, "scope")};
}

}  // namespace pelo::oauth2
