// The credentials in use: refreshed before they expire and once on a 401, saved when they change
// (an oauth2::Session for bearer tokens; the legacy cookie is sent as it is).
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/http/transport.h"
#include "pelo/oauth2/session.h"
#include "pelo/peloton/auth/credentials.h"

namespace pelo::auth {

class Session {
 public:
  // `store` may be null (nothing persisted). `now` is injectable for tests.
  Session(http::Transport& transport, Endpoints endpoints, Credentials credentials,
          const TokenStore* store, std::function<int64_t()> now = nullptr);

  // Headers for the next request; refreshes first when the token expires within 5 minutes
  // (or, once a refresh has shown the tokens are short-lived, within a quarter of a lifetime).
  StatusOr<std::vector<http::Header>> Headers();
  // Called after a 401 with the headers that got it; refreshes once (other threads that got a
  // 401 for the same token reuse the refreshed one). kUnauthenticated when it cannot.
  Status OnUnauthorized(const std::vector<http::Header>& rejected);

  Credentials credentials() const;
  void set_user_id(const std::string& id);

 private:
  // `tokens` with what is kept beside them.
  Credentials Compose(const oauth2::Tokens& tokens) const;
  StatusOr<oauth2::Tokens> RefreshTokens(const oauth2::Tokens& current);

  http::Transport& transport_;
  Endpoints endpoints_;
  const TokenStore* store_;
  const bool cookie_;  // the legacy session cookie: nothing to refresh
  mutable std::mutex mu_;
  // Everything but the tokens (method, client id, user id, legacy session), guarded by mu_,
  // which is never held while calling into bearer_ (bearer_'s lock is taken first).
  Credentials identity_;
  oauth2::Session bearer_;
};

}  // namespace pelo::auth
