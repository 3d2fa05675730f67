// Revocation (RFC 7009): a refresh token copied before a logout stops working.
#include <chrono>

#include "pelo/oauth2/errors.h"
#include "pelo/oauth2/token_endpoint.h"

namespace pelo::oauth2 {
namespace {

// Best effort at logout: a slow server must not hold the user for the default 30 s.
constexpr std::chrono::seconds kRevokeTimeout{10};

}  // namespace

Status RevokeToken(http::Transport& transport, const Provider& provider, const std::string& token,
                   std::string_view token_type_hint) {
  if (token.empty()) return Status(ErrorCode::kInvalidArgument, "no token to revoke");
  if (provider.revoke_url.empty()) {
    return Status(ErrorCode::kInvalidArgument, "the service has no token revocation endpoint");
  }
  http::QueryParams fields = {{"token", token}};
  if (!token_type_hint.empty()) fields.emplace_back("token_type_hint", token_type_hint);
  http::Request request = ClientPost(provider, provider.revoke_url, fields);
  request.timeout = kRevokeTimeout;
  PELO_ASSIGN_OR_RETURN(http::Response response, transport.Send(request));
  if (response.ok()) return OkStatus();
  // Only the sanitised error code: error_description is the server's free text.
  return HttpFailure(IsRefusal(response.status) ? ErrorCode::kUnauthenticated : ErrorCode::kApi,
                     StepName("POST", provider.revoke_url), response,
                     OAuthErrorCode(response.body));
}

}  // namespace pelo::oauth2
