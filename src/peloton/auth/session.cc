// Session: one mutex guards the credentials; a refresh happens under it, so threads that
// hit an expired token wait for the one refresh and then use its result.
#include "pelo/peloton/auth/session.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "pelo/common/time.h"
#include "pelo/peloton/auth/login.h"

namespace pelo::auth {
namespace {

constexpr int64_t kRefreshMarginS = 5 * 60;

}  // namespace

Session::Session(http::Transport& transport, Endpoints endpoints, Credentials credentials,
                 const TokenStore* store, std::function<int64_t()> now)
    : transport_(transport),
      endpoints_(std::move(endpoints)),
      store_(store),
      now_(now ? std::move(now) : std::function<int64_t()>(&NowEpochSeconds)),
      credentials_(std::move(credentials)) {}

StatusOr<std::vector<http::Header>> Session::Headers() {
  std::lock_guard<std::mutex> lock(mu_);
  const int64_t now = now_();
  const bool expiring = credentials_.expires_at != 0 && credentials_.expires_at - now < margin_s_;
  if (expiring && !credentials_.refresh_token.empty()) {
    Status refreshed = RefreshLocked();
    // A token with time left is still usable when the refresh fails for a network blip.
    if (!refreshed.ok() &&
        (refreshed.code() == ErrorCode::kUnauthenticated || credentials_.expires_at <= now)) {
      return refreshed;
    }
  }
  return AuthHeaders(credentials_);
}

Status Session::OnUnauthorized(const std::vector<http::Header>& rejected) {
  std::lock_guard<std::mutex> lock(mu_);
  if (AuthHeaders(credentials_) != rejected) return OkStatus();  // already refreshed
  if (credentials_.refresh_token.empty()) {
    return Status(ErrorCode::kUnauthenticated, "session expired; run `pelo login` again");
  }
  return RefreshLocked();
}

Credentials Session::credentials() const {
  std::lock_guard<std::mutex> lock(mu_);
  return credentials_;
}

void Session::set_user_id(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  if (credentials_.user_id == id) return;
  credentials_.user_id = id;
  if (store_ != nullptr) {
    if (Status saved = store_->Save(credentials_); !saved.ok()) {
      spdlog::debug("auth: could not save the user id: {}", saved.message());
    }
  }
}

Status Session::RefreshLocked() {
  spdlog::debug("auth: refreshing the access token");
  PELO_ASSIGN_OR_RETURN(Credentials next, Refresh(transport_, endpoints_, credentials_));
  credentials_ = std::move(next);
  // Refresh within 5 minutes of expiry, or within a quarter of the lifetime of short-lived
  // tokens: a 5-minute margin on a 2-minute token would refresh before every request.
  if (credentials_.expires_at != 0) {
    margin_s_ = std::clamp<int64_t>((credentials_.expires_at - now_()) / 4, 0, kRefreshMarginS);
  }
  // Refresh tokens may rotate: an unsaved one would leave the next run logged out.
  if (store_ != nullptr) PELO_RETURN_IF_ERROR(store_->Save(credentials_));
  return OkStatus();
}

}  // namespace pelo::auth
