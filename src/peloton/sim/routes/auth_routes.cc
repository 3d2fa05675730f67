// The auth host: Auth0's hosted-login dance (authorize -> login page -> usernamepassword/login ->
// hidden form -> login/callback -> authorize/resume -> redirect_uri?code=...) and /oauth/token.
#include <algorithm>
#include <cctype>

#include "pelo/common/strings.h"
#include "pelo/common/time.h"
#include "peloton/sim/routes/http_util.h"
#include "peloton/sim/routes/route_util.h"
#include "peloton/sim/routes/routes.h"
#include "peloton/sim/state/crypto.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

constexpr int64_t kCodeLifetimeS = 60;

void Authorize(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const json f = RequestFields(req);
  LoginTransaction t{StringField(f, "client_id"),      StringField(f, "redirect_uri"),
                     StringField(f, "state"),          StringField(f, "nonce"),
                     StringField(f, "code_challenge"), StringField(f, "scope"),
                     StringField(f, "audience"),       RandomToken(18)};
  if (t.client_id != kWebClientId && t.client_id != kMobileClientId) {
    return SendOAuthError(res, 400, "invalid_request", "Unknown client.");
  }
  if (StringField(f, "response_type") != "code" || t.redirect_uri.empty() || t.challenge.empty() ||
      StringField(f, "code_challenge_method") != "S256") {
    return SendOAuthError(
        res, 400, "invalid_request",
        "response_type=code, redirect_uri and an S256 code_challenge are required.");
  }
  const std::string csrf = t.csrf;
  const std::string client_id = t.client_id;
  const std::string state = ctx.auth.BeginLogin(std::move(t));
  std::string location =
      "/login?state=" + UrlEncode(state) + "&client=" + UrlEncode(client_id) + "&protocol=oauth2";
  for (const char* key : {"audience", "redirect_uri", "scope", "response_type", "response_mode",
                          "nonce", "code_challenge", "code_challenge_method", "auth0Client"}) {
    if (f.contains(key)) location += std::string("&") + key + "=" + UrlEncode(StringField(f, key));
  }
  res.status = 302;
  res.set_header("Location", location);
  res.set_header("Set-Cookie", "_csrf=" + csrf + "; Path=/usernamepassword/login; HttpOnly");
  res.set_header("Set-Cookie", "auth0=" + state + "; Path=/; HttpOnly; SameSite=None");
}

void LoginPage(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!ctx.auth.FindLogin(req.get_param_value("state"))) {
    res.status = 400;
    return res.set_content("<!DOCTYPE html><html><body>Invalid state</body></html>", "text/html");
  }
  res.set_content(
      "<!DOCTYPE html><html><head><title>Log in | Peloton (pelo-sim)</title></head><body>"
      "<form id=\"login\"><input name=\"username\" type=\"email\">"
      "<input name=\"password\" type=\"password\"><button>Log in</button></form>"
      "</body></html>",
      "text/html");
}

// The page Auth0 answers a successful login with: a form a browser auto-posts to the callback.
std::string HiddenForm(const LoginTransaction& t, const std::string& state,
                       const std::string& ticket) {
  // Relative, so a client that resolves it against its auth base URL reaches this simulator
  // whatever scheme and host it was configured with.
  const std::string action = "/login/callback";
  const json wresult = {{"ticket", ticket}, {"state", state}};
  const json wctx = {{"strategy", "auth0"},
                     {"tenant", "peloton-prod"},
                     {"connection", "pelo-user-password"},
                     {"client_id", t.client_id},
                     {"response_type", "code"},
                     {"scope", t.scope},
                     {"protocol", "oauth2"},
                     {"redirect_uri", t.redirect_uri},
                     {"state", state},
                     {"nonce", t.nonce},
                     {"audience", t.audience}};
  return "<!DOCTYPE html><html><head><title>Submit This Form</title></head>"
         "<body onload=\"javascript:document.forms[0].submit()\">"
         "<form method=\"post\" name=\"hiddenform\" action=\"" +
         HtmlEscape(action) +
         "\">"
         "<input type=\"hidden\" name=\"wa\" value=\"wsignin1.0\">"
         "<input type=\"hidden\" name=\"wresult\" value=\"" +
         HtmlEscape(wresult.dump()) +
         "\">"
         "<input type=\"hidden\" name=\"wctx\" value=\"" +
         HtmlEscape(wctx.dump()) +
         "\">"
         "<noscript><input type=\"submit\" value=\"Continue\"></noscript></form></body></html>";
}

void UsernamePasswordLogin(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const json f = RequestFields(req);
  const std::string state = StringField(f, "state");
  const auto t = ctx.auth.FindLogin(state);
  if (!t) {
    return SendJson(res, 400,
                    {{"name", "BadRequestError"},
                     {"code", "invalid_state"},
                     {"description", "Invalid state"},
                     {"statusCode", 400}});
  }
  if (!SecureEquals(StringField(f, "_csrf"), t->csrf) ||
      !SecureEquals(CookieValue(req, "_csrf"), t->csrf)) {
    return SendJson(res, 403,
                    {{"name", "ForbiddenError"},
                     {"code", "invalid_csrf"},
                     {"description", "Invalid CSRF token"},
                     {"statusCode", 403}});
  }
  if (!CredentialsMatch(ctx.options, StringField(f, "username"), StringField(f, "password"))) {
    return SendJson(res, 401,
                    {{"name", "ValidationError"},
                     {"code", "invalid_user_password"},
                     {"description", "Wrong email or password."},
                     {"statusCode", 400}});
  }
  res.set_content(HiddenForm(*t, state, ctx.auth.IssueTicket(state)), "text/html");
}

void LoginCallback(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const json f = RequestFields(req);
  const auto wresult = json::parse(HtmlUnescape(StringField(f, "wresult")), nullptr, false);
  std::optional<std::string> state;
  if (!wresult.is_discarded() && wresult.is_object()) {
    state = ctx.auth.RedeemTicket(StringField(wresult, "ticket"));
  }
  if (!state) {
    res.status = 400;
    return res.set_content("<!DOCTYPE html><html><body>Invalid login ticket</body></html>",
                           "text/html");
  }
  res.status = 302;
  res.set_header("Location", "/authorize/resume?state=" + UrlEncode(*state));
}

void AuthorizeResume(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const auto t = ctx.auth.FinishLogin(req.get_param_value("state"));
  if (!t) return SendOAuthError(res, 400, "invalid_request", "Unknown or unauthenticated state.");
  const std::string code =
      ctx.auth.IssueCode({t->client_id, t->redirect_uri, t->challenge, t->scope, t->nonce,
                          NowEpochSeconds() + kCodeLifetimeS});
  const char sep = t->redirect_uri.find('?') == std::string::npos ? '?' : '&';
  res.status = 302;
  res.set_header("Location", t->redirect_uri + sep + "code=" + UrlEncode(code) +
                                 "&state=" + UrlEncode(t->client_state));
}

}  // namespace

void RegisterAuthRoutes(httplib::Server& server, Context& ctx) {
  server.Get("/authorize", Open(ctx, Authorize));
  server.Get("/login", Open(ctx, LoginPage));
  server.Post("/usernamepassword/login", Open(ctx, UsernamePasswordLogin));
  server.Post("/login/callback", Open(ctx, LoginCallback));
  server.Get("/authorize/resume", Open(ctx, AuthorizeResume));
  server.Get("/callback", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(
        "<!DOCTYPE html><html><body>Logged in. You can close this window."
        "</body></html>",
        "text/html");
  });
  RegisterTokenRoutes(server, ctx);
  RegisterLegacyRoutes(server, ctx);
}

}  // namespace pelo::sim
