// Auth0 authorization code + PKCE, walked by hand: every redirect is resolved and fetched
// here (with this flow's own cookie jar), so the code can be captured from a Location
// without ever fetching the redirect_uri host.
#include "peloton/auth/login_pkce.h"

#include <nlohmann/json.hpp>

#include "pelo/common/time.h"
#include "pelo/http/cookie_jar.h"
#include "pelo/http/url.h"
#include "pelo/oauth2/authorize.h"
#include "pelo/oauth2/errors.h"
#include "pelo/oauth2/pkce.h"
#include "pelo/oauth2/token_endpoint.h"
#include "peloton/auth/clients.h"
#include "peloton/auth/html_form.h"

namespace pelo::auth::internal {
namespace {

using oauth2::HttpFailure;
using oauth2::OAuthErrorCode;
using oauth2::SanitizeErrorCode;
using oauth2::SensitivePost;
using oauth2::StepName;

constexpr int kMaxHops = 10;
constexpr const char* kAuth0Client = "eyJuYW1lIjoiYXV0aDAuanMtdWxwIiwidmVyc2lvbiI6IjkuMTQuMyJ9";
// What P2G 6 sends on the hidden-form POST (§2.2 step 3); Auth0's bot checks look at it.
constexpr const char* kBrowserAgent =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0";
constexpr const char* kHtmlAccept =
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

bool IsRedirect(int status) { return status >= 300 && status < 400 && status != 304; }

class PkceFlow {
 public:
  PkceFlow(http::Transport& transport, const Endpoints& endpoints, const LoginInput& input)
      : transport_(transport),
        endpoints_(endpoints),
        input_(input),
        provider_(AuthProvider(endpoints, kWebClientId)),
        pkce_(oauth2::MakePkceMaterial()) {}

  StatusOr<Credentials> Run() {
    PELO_RETURN_IF_ERROR(Authorize());
    PELO_ASSIGN_OR_RETURN(std::string next, SubmitCredentials());
    PELO_ASSIGN_OR_RETURN(std::string code, FollowToCode(std::move(next)));
    return ExchangeCode(code);
  }

 private:
  std::string AuthUrl(const char* path) const { return http::JoinUrl(endpoints_.auth_url, path); }

  // URLs on a host we were not given are moved onto the auth host (the simulator and test
  // servers answer with the live host names in their pages).
  std::string Rebase(const std::string& url) const {
    const std::string origin = http::Origin(url);
    for (const std::string* known : {&endpoints_.auth_url, &endpoints_.api_url}) {
      if (origin == http::Origin(*known)) return url;
    }
    return http::JoinUrl(endpoints_.auth_url, http::PathAndQuery(url));
  }

  StatusOr<http::Response> Exchange(http::Request request) {
    request.sensitive = true;
    const std::string path = http::PathAndQuery(request.url);
    // The jar belongs to the auth host; no other host sees (or sets) its cookies.
    const bool auth_host = http::Origin(request.url) == http::Origin(endpoints_.auth_url);
    if (std::string cookies = jar_.HeaderFor(path); auth_host && !cookies.empty()) {
      request.headers.emplace_back("Cookie", std::move(cookies));
    }
    PELO_ASSIGN_OR_RETURN(http::Response response, transport_.Send(request));
    if (auth_host) jar_.Update(response.HeaderValues("Set-Cookie"), path);
    return response;
  }

  StatusOr<http::Response> Get(const std::string& url) {
    http::Request request;
    request.url = url;
    request.headers = {{"Accept", kHtmlAccept}};
    return Exchange(std::move(request));
  }

  Status Authorize();
  StatusOr<std::string> SubmitCredentials();
  StatusOr<std::string> SubmitForm(const HtmlForm& form);
  StatusOr<std::string> FollowToCode(std::string url);
  StatusOr<Credentials> ExchangeCode(const std::string& code);

  http::Transport& transport_;
  const Endpoints& endpoints_;
  const LoginInput& input_;
  const oauth2::Provider provider_;
  oauth2::PkceMaterial pkce_;
  http::CookieJar jar_;
  std::string login_page_;
};

// Step 2: GET /authorize, walking redirects to the hosted login page, which sets `_csrf`.
Status PkceFlow::Authorize() {
  oauth2::Provider provider = provider_;
  provider.authorize_params.insert(
      provider.authorize_params.end(),
      {{"response_mode", "query"}, {"nonce", pkce_.nonce}, {"auth0Client", kAuth0Client}});
  std::string url = oauth2::AuthorizationUrl(provider, pkce_);
  const std::string step = "GET /authorize";
  for (int hop = 0;; ++hop) {
    PELO_ASSIGN_OR_RETURN(http::Response response, Get(url));
    const std::string location = response.HeaderValue("Location");
    if (!IsRedirect(response.status) || location.empty()) {
      if (!response.ok()) return HttpFailure(ErrorCode::kApi, step, response);
      break;
    }
    if (hop == kMaxHops) return Status(ErrorCode::kApi, step + ": too many redirects");
    url = Rebase(http::ResolveUrl(url, location));
    if (login_page_.empty()) login_page_ = url;
  }
  if (login_page_.empty()) login_page_ = url;
  if (std::string state = http::QueryValue(login_page_, "state"); !state.empty()) {
    pkce_.state = std::move(state);
  }
  if (jar_.Get("_csrf").empty()) {
    return Status(ErrorCode::kApi, "no _csrf cookie from /authorize");
  }
  return OkStatus();
}

// Step 3: POST the credentials; the answer is a redirect or a form to re-POST.
StatusOr<std::string> PkceFlow::SubmitCredentials() {
  const nlohmann::json body = {{"client_id", kWebClientId},
                               {"redirect_uri", kRedirectUri},
                               {"tenant", "peloton-prod"},
                               {"response_type", "code"},
                               {"scope", kWebScope},
                               {"audience", kAudience},
                               {"_csrf", jar_.Get("_csrf")},
                               {"state", pkce_.state},
                               {"_intstate", "deprecated"},
                               {"nonce", pkce_.nonce},
                               {"username", input_.email},
                               {"password", input_.password},
                               {"connection", "pelo-user-password"},
                               {"code_challenge", pkce_.challenge},
                               {"code_challenge_method", "S256"}};
  const std::string url = AuthUrl("/usernamepassword/login");
  const std::string step = "POST /usernamepassword/login";
  PELO_ASSIGN_OR_RETURN(http::Response response,
                        Exchange(SensitivePost(url, body.dump(), "application/json",
                                               {{"Accept", "*/*"},
                                                {"Origin", http::Origin(endpoints_.auth_url)},
                                                {"Referer", login_page_},
                                                {"Auth0-Client", kAuth0Client}})));
  if (response.status == 401 || response.status == 403) {
    return Status(ErrorCode::kUnauthenticated, step + ": " + kWrongPassword, response.status);
  }
  if (const std::string location = response.HeaderValue("Location");
      IsRedirect(response.status) && !location.empty()) {
    return http::ResolveUrl(url, location);
  }
  if (!response.ok()) return HttpFailure(ErrorCode::kApi, step, response);
  auto form = ParseHtmlForm(response.body);
  if (!form) return Status(ErrorCode::kApi, step + ": no form in the response");
  return SubmitForm(*form);
}

StatusOr<std::string> PkceFlow::SubmitForm(const HtmlForm& form) {
  const std::string action = Rebase(http::ResolveUrl(endpoints_.auth_url + "/", form.action));
  const std::string step = StepName("POST", action);
  PELO_ASSIGN_OR_RETURN(
      http::Response response,
      Exchange(SensitivePost(action, http::BuildQuery(form.fields),
                             "application/x-www-form-urlencoded",
                             {{"Accept", kHtmlAccept}, {"User-Agent", kBrowserAgent}})));
  if (response.status == 401 || response.status == 403) {
    return Status(ErrorCode::kUnauthenticated, step + ": " + kWrongPassword, response.status);
  }
  if (const std::string location = response.HeaderValue("Location");
      IsRedirect(response.status) && !location.empty()) {
    return http::ResolveUrl(action, location);
  }
  if (!response.ok()) return HttpFailure(ErrorCode::kApi, step, response);
  return response.effective_url.empty() ? action : response.effective_url;
}

// Step 4: follow redirects until a URL carries `code=` (never fetching that URL itself).
StatusOr<std::string> PkceFlow::FollowToCode(std::string url) {
  for (int hop = 0; hop <= kMaxHops; ++hop) {
    if (std::string code = http::QueryValue(url, "code"); !code.empty()) return code;
    if (std::string error = http::QueryValue(url, "error"); !error.empty()) {
      return Status(ErrorCode::kUnauthenticated,
                    "login refused by the authorization server (" + SanitizeErrorCode(error) + ")");
    }
    url = Rebase(url);
    PELO_ASSIGN_OR_RETURN(http::Response response, Get(url));
    const std::string location = response.HeaderValue("Location");
    if (!IsRedirect(response.status) || location.empty()) {
      const std::string step = StepName("GET", url);
      if (response.status == 401 || response.status == 403) {
        return Status(ErrorCode::kUnauthenticated, step + ": " + kWrongPassword, response.status);
      }
      return HttpFailure(ErrorCode::kApi, step, response, "no authorization code");
    }
    url = http::ResolveUrl(url, location);
  }
  return Status(ErrorCode::kApi, "login: too many redirects before the authorization code");
}

// Step 5: the code and verifier for tokens (through the jar: Auth0 sees this flow's cookies).
StatusOr<Credentials> PkceFlow::ExchangeCode(const std::string& code) {
  const std::string step = "POST /oauth/token";
  PELO_ASSIGN_OR_RETURN(http::Response response,
                        Exchange(oauth2::CodeExchangeRequest(provider_, code, pkce_.verifier)));
  if (!response.ok()) {
    return HttpFailure(ErrorCode::kApi, step, response, OAuthErrorCode(response.body));
  }
  PELO_ASSIGN_OR_RETURN(oauth2::Tokens tokens,
                        oauth2::ParseTokenResponse(response.body, NowEpochSeconds(), step));
  Credentials c;
  c.method = Method::kPkce;
  c.client_id = kWebClientId;
  return WithTokens(std::move(c), tokens);
}

}  // namespace

StatusOr<Credentials> LoginWithPkce(http::Transport& transport, const Endpoints& endpoints,
                                    const LoginInput& input) {
  return PkceFlow(transport, endpoints, input).Run();
}

}  // namespace pelo::auth::internal
