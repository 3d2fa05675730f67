// POST /oauth/token (authorization_code with PKCE, password, refresh_token), POST /oauth/revoke
// and the legacy session: POST /auth/login, POST /auth/logout, GET /auth/check_session.
//
// Refresh tokens do not rotate: a refresh answers with the same refresh token, which stays
// valid for the life of the process (Auth0's default for non-rotating clients), so concurrent
// refreshes by several workers never invalidate each other; with --revoke-refresh-after N it
// stops working after N successful refreshes (as a revoked grant does), and once revoked by
// POST /oauth/revoke at once. Neither route is ever faulted (--faults is for /api/* only).
#include <algorithm>
#include <cctype>

#include "peloton/sim/routes/http_util.h"
#include "peloton/sim/routes/route_util.h"
#include "peloton/sim/routes/routes.h"
#include "peloton/sim/state/crypto.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

void SendTokens(Context& ctx, httplib::Response& res, const std::string& client_id,
                const std::string& scope, const std::string& nonce, std::string refresh_token) {
  if (refresh_token.empty()) refresh_token = ctx.auth.IssueRefreshToken({client_id, scope, 0});
  SendJson(res, 200,
           {{"access_token", ctx.tokens.AccessToken(client_id, scope)},
            {"refresh_token", refresh_token},
            {"id_token", ctx.tokens.IdToken(client_id, ctx.options.email, nonce)},
            {"scope", scope},
            {"expires_in", ctx.tokens.ttl_s()},
            {"token_type", "Bearer"}});
}

void CodeGrant(Context& ctx, const json& f, httplib::Response& res) {
  const std::string verifier = StringField(f, "code_verifier");
  if (StringField(f, "code").empty() || verifier.empty()) {
    return SendOAuthError(res, 400, "invalid_request", "code and code_verifier are required.");
  }
  const auto code = ctx.auth.TakeCode(StringField(f, "code"));
  if (!code) return SendOAuthError(res, 403, "invalid_grant", "Invalid authorization code");
  if (code->client_id != StringField(f, "client_id")) {
    return SendOAuthError(res, 403, "invalid_grant", "Invalid authorization code");
  }
  const std::string redirect_uri = StringField(f, "redirect_uri");
  if (!redirect_uri.empty() && redirect_uri != code->redirect_uri) {
    return SendOAuthError(res, 403, "invalid_grant",
                          "The redirect_uri MUST match the registered callback URL for this "
                          "application.");
  }
  if (!SecureEquals(Base64UrlEncode(Sha256(verifier)), code->challenge)) {
    return SendOAuthError(res, 403, "invalid_grant", "Failed to verify code verifier");
  }
  SendTokens(ctx, res, code->client_id, code->scope, code->nonce, "");
}

void PasswordGrant(Context& ctx, const json& f, httplib::Response& res) {
  const std::string client_id = StringField(f, "client_id");
  if (client_id == kWebClientId) {
    return SendJson(
        res, 400,
        {{"error", "unauthorized_client"},
         {"error_description", "Grant type 'password' not allowed for the client."},
         {"error_uri", "https://manage.onepeloton.auth0.com/docs/clients/client-grant-types"}});
  }
  if (client_id != kMobileClientId) {
    return SendOAuthError(res, 401, "access_denied", "Unauthorized");
  }
  if (!CredentialsMatch(ctx.options, StringField(f, "username"), StringField(f, "password"))) {
    return SendOAuthError(res, 403, "invalid_grant", "Wrong email or password.");
  }
  const std::string scope = f.contains("scope") ? StringField(f, "scope") : "openid offline_access";
  SendTokens(ctx, res, client_id, scope, "", "");
}

void RefreshTokenGrant(Context& ctx, const json& f, httplib::Response& res) {
  const std::string token = StringField(f, "refresh_token");
  const auto grant = ctx.auth.UseRefreshToken(token, StringField(f, "client_id"),
                                              ctx.options.revoke_refresh_after);
  if (!grant) {
    return SendOAuthError(res, 403, "invalid_grant", "Unknown or invalid refresh token.");
  }
  SendTokens(ctx, res, grant->client_id, grant->scope, "", token);
}

void Token(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const json f = RequestFields(req);
  const std::string grant_type = StringField(f, "grant_type");
  if (grant_type == "authorization_code") return CodeGrant(ctx, f, res);
  if (grant_type == "password") return PasswordGrant(ctx, f, res);
  if (grant_type == "refresh_token") return RefreshTokenGrant(ctx, f, res);
  SendOAuthError(res, 403, "unsupported_grant_type", "Unsupported grant type: " + grant_type);
}

// Auth0's RFC 7009 revocation endpoint (not in Peloton's catalogue; `pelo logout` calls it).
// As Auth0: 200 with an empty body when the token is revoked, and also when it is unknown or
// another client's (which stays valid: a caller learns nothing about tokens it does not own);
// 400 invalid_request without a token or client id; 401 invalid_client for an unknown client.
void Revoke(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const json f = RequestFields(req);
  const std::string client_id = StringField(f, "client_id");
  const std::string token = StringField(f, "token");
  if (client_id.empty() || token.empty()) {
    return SendOAuthError(
        res, 400, "invalid_request",
        "Missing required parameter: " + std::string(token.empty() ? "token" : "client_id"));
  }
  if (client_id != kWebClientId && client_id != kMobileClientId) {
    return SendOAuthError(res, 401, "invalid_client", "Client authentication failed.");
  }
  ctx.auth.RevokeRefreshToken(token, client_id);
  res.status = 200;
}

void LegacyLogin(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!ctx.options.legacy_auth) {
    return SendJson(res, 403,
                    {{"status", 403},
                     {"message",
                      "Access forbidden. Endpoint no longer accepting "
                      "requests."}});
  }
  const json f = RequestFields(req);
  if (!CredentialsMatch(ctx.options, StringField(f, "username_or_email"),
                        StringField(f, "password"))) {
    return SendApiError(res, 401, 3010, "Login failed");
  }
  const std::string session = ctx.auth.NewSession();
  res.set_header("Set-Cookie", "peloton_session_id=" + session + "; Path=/");
  SendJson(res, 200,
           {{"session_id", session},
            {"user_id", ctx.data->user_id},
            {"pubsub_session", json::object()}});
}

// Ends the legacy session named by the body's session_id or the cookie. A bearer-only logout
// has nothing to end (access tokens are not revocable) and succeeds all the same.
void LegacyLogout(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string session = StringField(RequestFields(req), "session_id");
  if (session.empty()) session = CookieValue(req, "peloton_session_id");
  if (!session.empty() && ctx.auth.EndSession(session)) {
    res.set_header("Set-Cookie", "peloton_session_id=; Path=/; Max-Age=0");
  }
  SendJson(res, 200, json::object());
}

// Guarded, so only a live session or a valid bearer token gets here. A bearer token counts as
// a session: since 2025 the API accepts the bearer wherever the cookie worked, and clients
// that migrated still call this to test their credentials.
void CheckSession(Context& ctx, const httplib::Request&, httplib::Response& res) {
  SendJson(res, 200, {{"is_valid", true}, {"user_id", ctx.data->user_id}});
}

}  // namespace

void RegisterTokenRoutes(httplib::Server& server, Context& ctx) {
  server.Post("/oauth/token", Open(ctx, Token));
  server.Post("/oauth/revoke", Open(ctx, Revoke));
}

void RegisterLegacyRoutes(httplib::Server& server, Context& ctx) {
  server.Post("/auth/login", Open(ctx, LegacyLogin));
  server.Post("/auth/logout", Guarded(ctx, LegacyLogout));
  server.Get("/auth/check_session", Guarded(ctx, CheckSession));
}

}  // namespace pelo::sim
