// Credentials the simulator issues: signed JWT access tokens, and the server-side state of the
// Auth0 login (transactions, codes, refresh tokens) and of legacy sessions.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

namespace pelo::sim {

inline constexpr const char* kWebClientId = "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM";
inline constexpr const char* kMobileClientId = "mgsmWCD0A8Qn6uz6mmqI6qeBNHH9IPwS";
inline constexpr const char* kAudience = "https://api.onepeloton.com/";

// Issues and verifies HS256 JWTs under a per-process random secret.
class TokenIssuer {
 public:
  TokenIssuer(std::string user_id, int64_t ttl_s);

  int64_t ttl_s() const { return ttl_s_; }
  // An access token for `client_id` with `scope`, expiring ttl_s from now.
  std::string AccessToken(const std::string& client_id, const std::string& scope) const;
  // An OIDC id token (profile claims, `nonce` when given).
  std::string IdToken(const std::string& client_id, const std::string& email,
                      const std::string& nonce) const;
  // The `sub` of a well-signed, unexpired token; nullopt otherwise.
  std::optional<std::string> Verify(const std::string& token) const;

 private:
  std::string Sign(const std::string& payload_json) const;

  std::string user_id_;
  int64_t ttl_s_;
  std::string secret_;
};

// One /authorize request in flight, keyed by the state the simulator issued.
struct LoginTransaction {
  std::string client_id, redirect_uri, client_state, nonce, challenge, scope, audience, csrf;
  bool authenticated = false;
  int64_t created_at = 0;
};

struct AuthCode {
  std::string client_id, redirect_uri, challenge, scope, nonce;
  int64_t expires_at = 0;
};

struct RefreshGrant {
  std::string client_id, scope;
  int uses = 0;          // successful refreshes so far
  bool revoked = false;  // by POST /oauth/revoke: refreshing with it fails from then on
};

// Thread-safe store of everything issued during logins.
class AuthState {
 public:
  std::string BeginLogin(LoginTransaction transaction);  // returns the new state
  std::optional<LoginTransaction> FindLogin(const std::string& state) const;
  // A single-use ticket proving `state` logged in (carried by the hidden form's wresult).
  std::string IssueTicket(const std::string& state);
  // Marks the ticket's login authenticated; its state, or nullopt for an unknown ticket.
  std::optional<std::string> RedeemTicket(const std::string& ticket);
  // Removes and returns an authenticated transaction.
  std::optional<LoginTransaction> FinishLogin(const std::string& state);

  std::string IssueCode(AuthCode code);
  // Removes the code (single use) and returns it if it has not expired.
  std::optional<AuthCode> TakeCode(const std::string& code);

  std::string IssueRefreshToken(RefreshGrant grant);
  std::optional<RefreshGrant> FindRefreshToken(const std::string& token) const;
  // Counts a refresh with `token` by `client_id` and returns its grant; nullopt (and nothing
  // counted) for an unknown token, another client, or a token already used `max_uses` times
  // (0 = no limit), or a revoked token.
  std::optional<RefreshGrant> UseRefreshToken(const std::string& token,
                                              const std::string& client_id, int max_uses);
  // Revokes `token` when `client_id` is the client it was issued to; false (nothing changed)
  // for an unknown token or another client's. Revoking twice is true twice.
  bool RevokeRefreshToken(const std::string& token, const std::string& client_id);

  std::string NewSession();
  bool HasSession(const std::string& session_id) const;
  // Forgets the session (POST /auth/logout); false when it was unknown.
  bool EndSession(const std::string& session_id);

 private:
  mutable std::mutex mu_;
  std::map<std::string, LoginTransaction> logins_;
  std::map<std::string, std::string> tickets_;  // ticket -> state
  std::map<std::string, AuthCode> codes_;
  std::map<std::string, RefreshGrant> refresh_;
  std::set<std::string> sessions_;
};

}  // namespace pelo::sim
