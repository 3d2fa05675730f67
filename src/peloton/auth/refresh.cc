// Refresh: the refresh-token grant (oauth2::RefreshTokens), spelled as each client does (§2.2
// form, §2.3 JSON).
#include "pelo/oauth2/token_endpoint.h"
#include "pelo/peloton/auth/login.h"
#include "peloton/auth/clients.h"

namespace pelo::auth {

StatusOr<Credentials> Refresh(http::Transport& transport, const Endpoints& endpoints,
                              const Credentials& current) {
  if (current.refresh_token.empty()) {
    return Status(ErrorCode::kUnauthenticated, internal::kSessionExpired);
  }
  const std::string client_id = internal::ClientIdFor(current);
  auto tokens = oauth2::RefreshTokens(transport, internal::RefreshProvider(endpoints, client_id),
                                      internal::TokensOf(current));
  if (!tokens.ok()) {
    const Status& failed = tokens.status();
    if (failed.code() != ErrorCode::kUnauthenticated) return failed;
    return Status(ErrorCode::kUnauthenticated, internal::kSessionExpired, failed.http_status());
  }
  Credentials next;
  next.method = current.method;
  next.client_id = client_id;
  next.user_id = current.user_id;
  return internal::WithTokens(std::move(next), *tokens);
}

}  // namespace pelo::auth
