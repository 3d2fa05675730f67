// Bearer tokens in use: refreshed before they expire and once on a 401, saved when they
// change. One mutex guards the tokens and a refresh happens under it, so threads that hit an
// expired token wait for the one refresh and then use its result (no stampede of refreshes,
// which a server that rotates refresh tokens would answer by revoking all but one).
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/http/transport.h"
#include "pelo/oauth2/provider.h"
#include "pelo/oauth2/token_store.h"
#include "pelo/oauth2/tokens.h"

namespace pelo::oauth2 {

// "Authorization: Bearer <access token>", or no header when there is no access token.
std::vector<http::Header> BearerHeaders(const Tokens& tokens);

class Session {
 public:
  // Exchanges `current`'s refresh token for new tokens (kUnauthenticated when it cannot).
  using RefreshFn = std::function<StatusOr<Tokens>(const Tokens& current)>;
  // Persists tokens that changed; called under the session's lock, so saves never interleave.
  using SaveFn = std::function<Status(const Tokens& tokens)>;

  // Refreshes at `provider`'s token endpoint (RefreshTokens) and saves to `store` with the
  // fields loaded beside the tokens; `store` may be null (nothing persisted). `now` is
  // injectable for tests.
  Session(http::Transport& transport, Provider provider, StoredTokens stored,
          const TokenStore* store, std::function<int64_t()> now = nullptr);
  // A service whose refresh or storage differs (Peloton's two clients, its credentials file).
  // `save` may be null.
  Session(Tokens tokens, RefreshFn refresh, SaveFn save, std::function<int64_t()> now = nullptr);

  // Headers for the next request; refreshes first when the token expires within 5 minutes
  // (or, once a refresh has shown the tokens are short-lived, within a quarter of a lifetime).
  // A refresh that fails for a network blip while the token still has time left is not an
  // error: the token is used.
  StatusOr<std::vector<http::Header>> Headers();
  // Called after a 401 with the headers that got it; refreshes once (other threads that got a
  // 401 for the same token reuse the refreshed one). kUnauthenticated when it cannot.
  Status OnUnauthorized(const std::vector<http::Header>& rejected);

  Tokens tokens() const;
  // Saves the current tokens again (after the caller changed what it keeps beside them).
  Status Save();

 private:
  Status RefreshLocked();

  RefreshFn refresh_;
  SaveFn save_;
  std::function<int64_t()> now_;
  mutable std::mutex mu_;
  Tokens tokens_;
  int64_t margin_s_ = 5 * 60;  // refresh when the token expires within this many seconds
};

}  // namespace pelo::oauth2
