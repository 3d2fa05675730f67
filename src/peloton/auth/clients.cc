#include "peloton/auth/clients.h"

#include "pelo/http/url.h"
#include "pelo/peloton/auth/login.h"

namespace pelo::auth::internal {

std::string ClientIdFor(const Credentials& c) {
  if (!c.client_id.empty()) return c.client_id;
  return c.method == Method::kPasswordGrant ? kMobileClientId : kWebClientId;
}

oauth2::Provider AuthProvider(const Endpoints& endpoints, const std::string& client_id) {
  oauth2::Provider p;
  p.authorize_url = http::JoinUrl(endpoints.auth_url, "/authorize");
  p.token_url = http::JoinUrl(endpoints.auth_url, "/oauth/token");
  p.revoke_url = http::JoinUrl(endpoints.auth_url, "/oauth/revoke");
  p.client_id = client_id;
  p.redirect_uri = kRedirectUri;
  p.scopes = oauth2::SplitScope(kWebScope);
  p.encoding = oauth2::BodyEncoding::kJson;
  p.authorize_params = {{"audience", kAudience}};
  return p;
}

oauth2::Provider RefreshProvider(const Endpoints& endpoints, const std::string& client_id) {
  oauth2::Provider p = AuthProvider(endpoints, client_id);
  if (client_id == kMobileClientId) {
    p.token_params = {{"redirect_uri", kRedirectUri}};
  } else {
    p.encoding = oauth2::BodyEncoding::kForm;
  }
  return p;
}

oauth2::Tokens TokensOf(const Credentials& c) {
  oauth2::Tokens t;
  t.access_token = c.access_token;
  t.refresh_token = c.refresh_token;
  t.id_token = c.id_token;
  t.expires_at = c.expires_at;
  return t;
}

Credentials WithTokens(Credentials c, const oauth2::Tokens& tokens) {
  c.access_token = tokens.access_token;
  c.refresh_token = tokens.refresh_token;
  c.id_token = tokens.id_token;
  c.expires_at = tokens.expires_at;
  return c;
}

}  // namespace pelo::auth::internal
