// What a login produces, and how it is kept (a 0600 file) and refreshed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/http/transport.h"
#include "pelo/oauth2/token_store.h"

namespace pelo::auth {

enum class Method { kPkce, kPasswordGrant, kToken, kLegacy };

const char* MethodName(Method m);  // "pkce", "password-grant", "token", "legacy"
StatusOr<Method> ParseMethod(std::string_view name);

// Where the Peloton hosts are (the simulator serves all three on one port).
struct Endpoints {
  std::string api_url = "https://api.onepeloton.com";
  std::string auth_url = "https://auth.onepeloton.com";
  std::string graphql_url = "https://gql-graphql-gateway.prod.k8s.onepeloton.com/graphql";
};

// Every endpoint on one host, as the simulator serves them: the API and the login at
// `base_url`, GraphQL at `base_url`/graphql.
Endpoints EndpointsOnOneHost(const std::string& base_url);

struct Credentials {
  Method method = Method::kPkce;
  std::string access_token;   // bearer (JWT); empty for legacy
  std::string refresh_token;  // may be empty
  std::string id_token;
  int64_t expires_at = 0;  // epoch s; 0 = unknown
  std::string session_id;  // legacy peloton_session_id cookie
  std::string user_id;     // filled after GET /api/me
  std::string client_id;   // the OAuth client the tokens belong to (for refresh)

  bool empty() const { return access_token.empty() && session_id.empty(); }
};

// The headers that authenticate an API request with `c` (Authorization or Cookie).
std::vector<http::Header> AuthHeaders(const Credentials& c);

// Reads and writes credentials as JSON in `<dir>/credentials.json`, mode 0600, atomically: an
// oauth2::TokenStore whose file keeps the name it had before there were other services, with
// the method, legacy session, user id and client id beside the tokens.
class TokenStore {
 public:
  explicit TokenStore(std::string dir);
  // kNotFound when nobody is logged in.
  StatusOr<Credentials> Load() const;
  // As Load, but also reads a file others could read (which Load refuses, as ssh refuses such
  // keys): for `pelo logout`, which revokes exposed tokens before it removes them.
  StatusOr<Credentials> LoadToRevoke() const;
  Status Save(const Credentials& c) const;
  Status Remove() const;
  std::string path() const;

 private:
  oauth2::TokenStore store_;
};

}  // namespace pelo::auth
