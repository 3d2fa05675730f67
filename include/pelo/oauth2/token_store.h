// One service's tokens on disk: `<dir>/<service>.json`, created 0600 in a 0700 directory,
// replaced atomically, and refused when others could read it (as ssh refuses such keys).
#pragma once

#include <map>
#include <string>

#include "pelo/common/status.h"
#include "pelo/oauth2/tokens.h"

namespace pelo::oauth2 {

struct StoredTokens {
  Tokens tokens;
  // Strings a service keeps beside its tokens (Peloton: the login method, the user id), written
  // as top-level string members of the same JSON object. A field named like a token member
  // (access_token, refresh_token, id_token, scope, expires_at) is not kept.
  std::map<std::string, std::string> fields;
};

class TokenStore {
 public:
  // `relogin_hint` ends the message that refuses an exposed file, "... run `chmod 600 <file>`,
  // or <relogin_hint>" (Peloton's: "`pelo logout` and log in again").
  TokenStore(std::string dir, std::string service,
             std::string relogin_hint = "log out and log in again");

  // kNotFound when nobody is logged in; kUnauthenticated when others can read the file;
  // kStorage when it cannot be read or is not a JSON object (its content is never quoted).
  StatusOr<StoredTokens> Load() const;
  // As Load, but also reads a file others could read: for a logout, which revokes exposed
  // tokens before it removes them.
  StatusOr<StoredTokens> LoadToRevoke() const;
  Status Save(const StoredTokens& stored) const;
  // Ok when there was no file.
  Status Remove() const;
  std::string path() const;
  const std::string& service() const { return service_; }

 private:
  StatusOr<StoredTokens> Read(bool refuse_exposed) const;

  std::string dir_;
  std::string service_;
  std::string relogin_hint_;
};

}  // namespace pelo::oauth2
