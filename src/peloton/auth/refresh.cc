// Refresh: the refresh-token grant, spelled as each client does (§2.2 form, §2.3 JSON).
#include <nlohmann/json.hpp>

#include "pelo/common/time.h"
#include "pelo/http/url.h"
#include "pelo/peloton/auth/login.h"
#include "peloton/auth/oauth.h"

namespace pelo::auth {

StatusOr<Credentials> Refresh(http::Transport& transport, const Endpoints& endpoints,
                              const Credentials& current) {
  const Status expired(ErrorCode::kUnauthenticated, internal::kSessionExpired);
  if (current.refresh_token.empty()) return expired;
  const std::string client_id = internal::ClientIdFor(current);
  const bool mobile = client_id == kMobileClientId;
  const std::string url = http::JoinUrl(endpoints.auth_url, "/oauth/token");
  http::Request request;
  if (mobile) {
    const nlohmann::json body = {{"grant_type", "refresh_token"},
                                 {"client_id", client_id},
                                 {"refresh_token", current.refresh_token},
                                 {"redirect_uri", kRedirectUri}};
    request =
        internal::AuthPost(url, body.dump(), "application/json", {{"Accept", "application/json"}});
  } else {
    const http::QueryParams form = {{"grant_type", "refresh_token"},
                                    {"client_id", client_id},
                                    {"refresh_token", current.refresh_token}};
    request = internal::AuthPost(url, http::BuildQuery(form),
                                 "application/x-www-form-urlencoded; charset=utf-8",
                                 {{"Accept", "application/json"}});
  }
  const std::string step = "POST /oauth/token (refresh)";
  PELO_ASSIGN_OR_RETURN(http::Response response, transport.Send(request));
  if (response.status == 400 || response.status == 401 || response.status == 403) {
    return Status(ErrorCode::kUnauthenticated, internal::kSessionExpired, response.status);
  }
  if (!response.ok()) return internal::HttpFailure(ErrorCode::kApi, step, response);
  PELO_ASSIGN_OR_RETURN(Credentials next,
                        internal::ParseTokenResponse(response.body, NowEpochSeconds(), step));
  next.method = current.method;
  next.client_id = client_id;
  next.user_id = current.user_id;
  if (next.refresh_token.empty()) next.refresh_token = current.refresh_token;  // not rotated
  return next;
}

}  // namespace pelo::auth
