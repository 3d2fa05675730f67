#include "peloton/sim/state/tokens.h"

#include <nlohmann/json.hpp>

#include "pelo/common/time.h"
#include "peloton/sim/state/crypto.h"

namespace pelo::sim {

TokenIssuer::TokenIssuer(std::string user_id, int64_t ttl_s)
    : user_id_(std::move(user_id)), ttl_s_(ttl_s), secret_(RandomBytes(32)) {}

std::string TokenIssuer::Sign(const std::string& payload_json) const {
  static const std::string kHeader =
      Base64UrlEncode(R"({"alg":"HS256","typ":"JWT","kid":"pelo-sim"})");
  const std::string signing_input = kHeader + "." + Base64UrlEncode(payload_json);
  return signing_input + "." + Base64UrlEncode(HmacSha256(secret_, signing_input));
}

std::string TokenIssuer::AccessToken(const std::string& client_id, const std::string& scope) const {
  const int64_t now = NowEpochSeconds();
  const nlohmann::json payload = {{"iss", "https://auth.onepeloton.com/"},
                                  {"sub", user_id_},
                                  {"aud", {kAudience, "https://onepeloton.auth0.com/userinfo"}},
                                  {"iat", now},
                                  {"exp", now + ttl_s_},
                                  {"scope", scope},
                                  {"azp", client_id},
                                  {"jti", RandomToken(12)}};
  return Sign(payload.dump());
}

std::string TokenIssuer::IdToken(const std::string& client_id, const std::string& email,
                                 const std::string& nonce) const {
  const int64_t now = NowEpochSeconds();
  nlohmann::json payload = {{"iss", "https://auth.onepeloton.com/"},
                            {"sub", user_id_},
                            {"aud", client_id},
                            {"iat", now},
                            {"exp", now + 36000},
                            {"email", email},
                            {"email_verified", true}};
  if (!nonce.empty()) payload["nonce"] = nonce;
  return Sign(payload.dump());
}

std::optional<std::string> TokenIssuer::Verify(const std::string& token) const {
  const size_t first = token.find('.');
  const size_t second = token.find('.', first == std::string::npos ? 0 : first + 1);
  if (first == std::string::npos || second == std::string::npos) return std::nullopt;
  const std::string signing_input = token.substr(0, second);
  const std::string expected = Base64UrlEncode(HmacSha256(secret_, signing_input));
  if (!SecureEquals(expected, token.substr(second + 1))) return std::nullopt;
  const auto payload_text = Base64UrlDecode(token.substr(first + 1, second - first - 1));
  if (!payload_text) return std::nullopt;
  const auto payload = nlohmann::json::parse(*payload_text, nullptr, false);
  if (payload.is_discarded() || !payload.contains("exp") || !payload["exp"].is_number() ||
      !payload.contains("sub") || !payload["sub"].is_string()) {
    return std::nullopt;
  }
  if (NowEpochSeconds() >= payload["exp"].get<int64_t>()) return std::nullopt;
  return payload["sub"].get<std::string>();
}

std::string AuthState::BeginLogin(LoginTransaction transaction) {
  const std::string state = RandomToken(24);
  transaction.created_at = NowEpochSeconds();
  std::lock_guard<std::mutex> lock(mu_);
  logins_[state] = std::move(transaction);
  return state;
}

std::optional<LoginTransaction> AuthState::FindLogin(const std::string& state) const {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = logins_.find(state);
  if (it == logins_.end()) return std::nullopt;
  return it->second;
}

std::string AuthState::IssueTicket(const std::string& state) {
  const std::string ticket = RandomToken(24);
  std::lock_guard<std::mutex> lock(mu_);
  tickets_[ticket] = state;
  return ticket;
}

std::optional<std::string> AuthState::RedeemTicket(const std::string& ticket) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = tickets_.find(ticket);
  if (it == tickets_.end()) return std::nullopt;
  const std::string state = it->second;
  tickets_.erase(it);
  const auto login = logins_.find(state);
  if (login == logins_.end()) return std::nullopt;
  login->second.authenticated = true;
  return state;
}

std::optional<LoginTransaction> AuthState::FinishLogin(const std::string& state) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = logins_.find(state);
  if (it == logins_.end() || !it->second.authenticated) return std::nullopt;
  LoginTransaction out = std::move(it->second);
  logins_.erase(it);
  return out;
}

std::string AuthState::IssueCode(AuthCode code) {
  const std::string value = RandomToken(24);
  std::lock_guard<std::mutex> lock(mu_);
  codes_[value] = std::move(code);
  return value;
}

std::optional<AuthCode> AuthState::TakeCode(const std::string& code) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = codes_.find(code);
  if (it == codes_.end()) return std::nullopt;
  AuthCode out = std::move(it->second);
  codes_.erase(it);
  if (NowEpochSeconds() > out.expires_at) return std::nullopt;
  return out;
}

std::string AuthState::IssueRefreshToken(RefreshGrant grant) {
  const std::string token = "v1." + RandomToken(48);
  std::lock_guard<std::mutex> lock(mu_);
  refresh_[token] = std::move(grant);
  return token;
}

std::optional<RefreshGrant> AuthState::FindRefreshToken(const std::string& token) const {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = refresh_.find(token);
  if (it == refresh_.end()) return std::nullopt;
  return it->second;
}

std::optional<RefreshGrant> AuthState::UseRefreshToken(const std::string& token,
                                                       const std::string& client_id, int max_uses) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = refresh_.find(token);
  if (it == refresh_.end() || it->second.client_id != client_id) return std::nullopt;
  if (it->second.revoked || (max_uses > 0 && it->second.uses >= max_uses)) return std::nullopt;
  ++it->second.uses;
  return it->second;
}

bool AuthState::RevokeRefreshToken(const std::string& token, const std::string& client_id) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = refresh_.find(token);
  if (it == refresh_.end() || it->second.client_id != client_id) return false;
  it->second.revoked = true;
  return true;
}

std::string AuthState::NewSession() {
  // Legacy session ids were 32 lowercase hex characters.
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (unsigned char c : RandomBytes(16)) {
    id.push_back(kHex[c >> 4]);
    id.push_back(kHex[c & 0xF]);
  }
  std::lock_guard<std::mutex> lock(mu_);
  sessions_.insert(id);
  return id;
}

bool AuthState::HasSession(const std::string& session_id) const {
  std::lock_guard<std::mutex> lock(mu_);
  return sessions_.count(session_id) > 0;
}

bool AuthState::EndSession(const std::string& session_id) {
  std::lock_guard<std::mutex> lock(mu_);
  return sessions_.erase(session_id) > 0;
}

}  // namespace pelo::sim
