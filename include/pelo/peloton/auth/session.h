// The credentials in use: refreshed before they expire and once on a 401, saved when they change.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/http/transport.h"
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
  Status RefreshLocked();

  http::Transport& transport_;
  Endpoints endpoints_;
  const TokenStore* store_;
  std::function<int64_t()> now_;
  mutable std::mutex mu_;
  Credentials credentials_;
  int64_t margin_s_ = 5 * 60;  // refresh when the token expires within this many seconds
};

}  // namespace pelo::auth
