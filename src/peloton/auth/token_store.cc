// TokenStore: Peloton's credentials in an oauth2::TokenStore named "credentials" (the file's
// name since the first release: existing logins keep working), the fields that are not tokens
// kept beside them.
#include "pelo/peloton/auth/credentials.h"
#include "peloton/auth/clients.h"

namespace pelo::auth {
namespace {

oauth2::StoredTokens ToStored(const Credentials& c) {
  return {internal::TokensOf(c),
          {{"method", MethodName(c.method)},
           {"session_id", c.session_id},
           {"user_id", c.user_id},
           {"client_id", c.client_id}}};
}

StatusOr<Credentials> FromStored(StatusOr<oauth2::StoredTokens> stored, const std::string& path) {
  if (!stored.ok()) return stored.status();
  const Status corrupt(ErrorCode::kStorage, path + ": corrupt credentials file");
  auto field = [&](const char* key) {
    auto it = stored->fields.find(key);
    return it == stored->fields.end() ? std::string() : it->second;
  };
  auto method = ParseMethod(field("method"));
  if (!method.ok()) return corrupt;
  Credentials c;
  c.method = *method;
  c.session_id = field("session_id");
  c.user_id = field("user_id");
  c.client_id = field("client_id");
  c = internal::WithTokens(std::move(c), stored->tokens);
  if (c.empty()) return corrupt;
  return c;
}

}  // namespace

TokenStore::TokenStore(std::string dir)
    : store_(std::move(dir), "credentials", "`pelo logout` and log in again") {}

std::string TokenStore::path() const { return store_.path(); }

StatusOr<Credentials> TokenStore::Load() const { return FromStored(store_.Load(), path()); }

StatusOr<Credentials> TokenStore::LoadToRevoke() const {
  return FromStored(store_.LoadToRevoke(), path());
}

Status TokenStore::Save(const Credentials& c) const { return store_.Save(ToStored(c)); }

Status TokenStore::Remove() const { return store_.Remove(); }

}  // namespace pelo::auth
