// Session: Peloton's credentials over an oauth2::Session, which refreshes the bearer tokens
// (once for all threads) and saves them; the refresh is Peloton's (each client's spelling) and
// the save writes the whole credentials file.
#include "pelo/peloton/auth/session.h"

#include <spdlog/spdlog.h>

#include "pelo/peloton/auth/login.h"
#include "peloton/auth/clients.h"

namespace pelo::auth {

Session::Session(http::Transport& transport, Endpoints endpoints, Credentials credentials,
                 const TokenStore* store, std::function<int64_t()> now)
    : transport_(transport),
      endpoints_(std::move(endpoints)),
      store_(store),
      cookie_(credentials.access_token.empty() && !credentials.session_id.empty()),
      identity_(credentials),
      bearer_(
          internal::TokensOf(credentials),
          [this](const oauth2::Tokens& current) { return RefreshTokens(current); },
          store == nullptr
              ? oauth2::Session::SaveFn()
              : [this](const oauth2::Tokens& tokens) { return store_->Save(Compose(tokens)); },
          std::move(now)) {}

StatusOr<std::vector<http::Header>> Session::Headers() {
  if (cookie_) return AuthHeaders(credentials());
  return bearer_.Headers();
}

Status Session::OnUnauthorized(const std::vector<http::Header>& rejected) {
  if (!cookie_) return bearer_.OnUnauthorized(rejected);
  if (AuthHeaders(credentials()) != rejected) return OkStatus();
  return Status(ErrorCode::kUnauthenticated, internal::kSessionExpired);
}

Credentials Session::credentials() const { return Compose(bearer_.tokens()); }

void Session::set_user_id(const std::string& id) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (identity_.user_id == id) return;
    identity_.user_id = id;
  }
  if (store_ == nullptr) return;
  // Saved through bearer_, under its lock: never interleaved with the save of a refresh.
  if (Status saved = bearer_.Save(); !saved.ok()) {
    spdlog::debug("auth: could not save the user id: {}", saved.message());
  }
}

Credentials Session::Compose(const oauth2::Tokens& tokens) const {
  std::lock_guard<std::mutex> lock(mu_);
  return internal::WithTokens(identity_, tokens);
}

StatusOr<oauth2::Tokens> Session::RefreshTokens(const oauth2::Tokens& current) {
  PELO_ASSIGN_OR_RETURN(Credentials next, Refresh(transport_, endpoints_, Compose(current)));
  {
    std::lock_guard<std::mutex> lock(mu_);
    identity_.client_id = next.client_id;  // recorded now if it was not before
    identity_.session_id.clear();
  }
  return internal::TokensOf(next);
}

}  // namespace pelo::auth
