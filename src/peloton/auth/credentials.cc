#include "pelo/peloton/auth/credentials.h"

namespace pelo::auth {

Endpoints EndpointsOnOneHost(const std::string& base_url) {
  return {base_url, base_url, base_url + "/graphql"};
}

const char* MethodName(Method m) {
  switch (m) {
    case Method::kPkce:
      return "pkce";
    case Method::kPasswordGrant:
      return "password-grant";
    case Method::kToken:
      return "token";
    case Method::kLegacy:
      return "legacy";
  }
  return "pkce";
}

StatusOr<Method> ParseMethod(std::string_view name) {
  for (Method m : {Method::kPkce, Method::kPasswordGrant, Method::kToken, Method::kLegacy}) {
    if (name == MethodName(m)) return m;
  }
  return Status(ErrorCode::kInvalidArgument,
                "unknown login method '" + std::string(name) +
                    "' (expected pkce, password-grant, token or legacy)");
}

std::vector<http::Header> AuthHeaders(const Credentials& c) {
  if (!c.access_token.empty()) return {{"Authorization", "Bearer " + c.access_token}};
  if (!c.session_id.empty()) return {{"Cookie", "peloton_session_id=" + c.session_id}};
  return {};
}

}  // namespace pelo::auth
