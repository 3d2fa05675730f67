// An OAuth2 authorization server as one client registered with it sees it: where its
// endpoints are, who the client is, and the ways the server departs from RFC 6749's defaults
// (Auth0 reads JSON bodies and wants an audience; Strava joins scopes with commas and wants
// the client secret in the body; others want HTTP Basic).
#pragma once

#include <string>
#include <vector>

#include "pelo/http/url.h"

namespace pelo::oauth2 {

// How the token and revocation endpoints' request bodies are written.
enum class BodyEncoding {
  kForm,  // application/x-www-form-urlencoded (RFC 6749 §4.1.3; every server reads it)
  kJson,  // application/json (Auth0 reads it too; Peloton's own clients send it)
};

// How the client authenticates to the token and revocation endpoints (RFC 6749 §2.3.1).
enum class ClientAuth {
  kBody,   // client_id (and client_secret when there is one) as body fields
  kBasic,  // Authorization: Basic of the form-encoded id and secret; client_id not in the body
};

struct Provider {
  std::string authorize_url;  // where the user's browser is sent
  std::string token_url;      // code exchange, refresh and other grants
  std::string revoke_url;     // RFC 7009 revocation; "" when the server has none
  std::string client_id;
  std::string client_secret;  // "" for a public client, which proves itself with PKCE
  std::string redirect_uri;
  std::vector<std::string> scopes;
  char scope_separator = ' ';  // RFC 6749 §3.3 says a space; Strava wants ','
  bool pkce = true;            // send a code challenge, and its verifier with the code
  BodyEncoding encoding = BodyEncoding::kForm;
  ClientAuth client_auth = ClientAuth::kBody;
  // Added to the authorization URL (Auth0's audience, Strava's approval_prompt...).
  http::QueryParams authorize_params;
  // Added to every token request's body after the grant's own fields.
  http::QueryParams token_params;

  // The scopes joined by `scope_separator`, as the authorization URL carries them.
  std::string Scope() const;
};

// The scopes in `scope` ("a b" or "a,b": servers answer in their own spelling).
std::vector<std::string> SplitScope(std::string_view scope);

}  // namespace pelo::oauth2
