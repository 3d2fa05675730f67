// Session: one mutex guards the tokens; a refresh happens under it, so threads that hit an
// expired token wait for the one refresh and then use its result.
#include "pelo/oauth2/session.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>

#include "pelo/common/time.h"
#include "pelo/oauth2/token_endpoint.h"

namespace pelo::oauth2 {
namespace {

constexpr int64_t kRefreshMarginS = 5 * 60;

}  // namespace

std::vector<http::Header> BearerHeaders(const Tokens& tokens) {
  if (tokens.access_token.empty()) return {};
  return {{"Authorization", "Bearer " + tokens.access_token}};
}

Session::Session(http::Transport& transport, Provider provider, StoredTokens stored,
                 const TokenStore* store, std::function<int64_t()> now)
    : Session(
          std::move(stored.tokens),
          [&transport, provider = std::move(provider)](const Tokens& current) {
            return RefreshTokens(transport, provider, current);
          },
          store == nullptr ? SaveFn()
                           : SaveFn([store, fields = std::move(stored.fields)](const Tokens& t) {
                               return store->Save(StoredTokens{t, fields});
                             }),
          std::move(now)) {}

Session::Session(Tokens tokens, RefreshFn refresh, SaveFn save, std::function<int64_t()> now)
    : refresh_(std::move(refresh)),
      save_(std::move(save)),
      now_(now ? std::move(now) : std::function<int64_t()>(&NowEpochSeconds)),
      tokens_(std::move(tokens)) {}

StatusOr<std::vector<http::Header>> Session::Headers() {
  std::lock_guard<std::mutex> lock(mu_);
  const int64_t now = now_();
  const bool expiring = tokens_.expires_at != 0 && tokens_.expires_at - now < margin_s_;
  if (expiring && !tokens_.refresh_token.empty()) {
    Status refreshed = RefreshLocked();
    // A token with time left is still usable when the refresh fails for a network blip.
    if (!refreshed.ok() &&
        (refreshed.code() == ErrorCode::kUnauthenticated || tokens_.expires_at <= now)) {
      return refreshed;
    }
  }
  return BearerHeaders(tokens_);
}

Status Session::OnUnauthorized(const std::vector<http::Header>& rejected) {
  std::lock_guard<std::mutex> lock(mu_);
  if (BearerHeaders(tokens_) != rejected) return OkStatus();  // already refreshed
  return RefreshLocked();
}

Tokens Session::tokens() const {
  std::lock_guard<std::mutex> lock(mu_);
  return tokens_;
}

Status Session::Save() {
  std::lock_guard<std::mutex> lock(mu_);
  return save_ ? save_(tokens_) : OkStatus();
}

Status Session::RefreshLocked() {
  if (!tokens_.refresh_token.empty()) spdlog::debug("auth: refreshing the access token");
  PELO_ASSIGN_OR_RETURN(Tokens next, refresh_(tokens_));
  tokens_ = std::move(next);
  // Refresh within 5 minutes of expiry, or within a quarter of the lifetime of short-lived
  // tokens: a 5-minute margin on a 2-minute token would refresh before every request.
  if (tokens_.expires_at != 0) {
    margin_s_ = std::clamp<int64_t>((tokens_.expires_at - now_()) / 4, 0, kRefreshMarginS);
  }
  // Refresh tokens may rotate: an unsaved one would leave the next run logged out.
  if (save_) PELO_RETURN_IF_ERROR(save_(tokens_));
  return OkStatus();
}

}  // namespace pelo::oauth2
