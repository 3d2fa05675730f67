#include "pelo/oauth2/token_endpoint.h"

#include <nlohmann/json.hpp>

#include "pelo/common/base64.h"
#include "pelo/common/time.h"
#include "pelo/oauth2/errors.h"

namespace pelo::oauth2 {
namespace {

constexpr const char* kFormType = "application/x-www-form-urlencoded; charset=utf-8";

// RFC 6749 §2.3.1: Basic of the form-encoded id and secret, in standard base64 with padding.
std::string BasicAuthorization(const Provider& provider) {
  std::string text = Base64UrlEncode(http::UrlEncode(provider.client_id) + ":" +
                                     http::UrlEncode(provider.client_secret));
  for (char& c : text) {
    if (c == '-') c = '+';
    if (c == '_') c = '/';
  }
  text.append((4 - text.size() % 4) % 4, '=');
  return "Basic " + text;
}

}  // namespace

http::Request SensitivePost(const std::string& url, std::string body,
                            const std::string& content_type,
                            std::vector<http::Header> extra_headers) {
  http::Request request;
  request.method = "POST";
  request.url = url;
  request.body = std::move(body);
  request.sensitive = true;
  request.headers.emplace_back("Content-Type", content_type);
  for (auto& header : extra_headers) request.headers.push_back(std::move(header));
  return request;
}

http::Request ClientPost(const Provider& provider, const std::string& url,
                         const http::QueryParams& fields) {
  http::QueryParams body;
  std::vector<http::Header> headers = {{"Accept", "application/json"}};
  // The first field (grant_type, or the token being revoked) leads, as in the RFC's examples.
  auto rest = fields.begin();
  if (rest != fields.end()) body.push_back(*rest++);
  if (provider.client_auth == ClientAuth::kBasic) {
    headers.emplace_back("Authorization", BasicAuthorization(provider));
  } else {
    body.emplace_back("client_id", provider.client_id);
    if (!provider.client_secret.empty()) body.emplace_back("client_secret", provider.client_secret);
  }
  body.insert(body.end(), rest, fields.end());
  if (provider.encoding == BodyEncoding::kJson) {
    nlohmann::json json = nlohmann::json::object();
    for (const auto& [key, value] : body) json[key] = value;
    return SensitivePost(url, json.dump(), "application/json", std::move(headers));
  }
  return SensitivePost(url, http::BuildQuery(body), kFormType, std::move(headers));
}

http::Request TokenRequest(const Provider& provider, const http::QueryParams& grant) {
  http::QueryParams fields = grant;
  fields.insert(fields.end(), provider.token_params.begin(), provider.token_params.end());
  return ClientPost(provider, provider.token_url, fields);
}

http::Request CodeExchangeRequest(const Provider& provider, const std::string& code,
                                  const std::string& verifier) {
  http::QueryParams grant = {{"grant_type", "authorization_code"}, {"code", code}};
  if (!provider.redirect_uri.empty()) grant.emplace_back("redirect_uri", provider.redirect_uri);
  if (provider.pkce) grant.emplace_back("code_verifier", verifier);
  return TokenRequest(provider, grant);
}

http::Request RefreshRequest(const Provider& provider, const std::string& refresh_token) {
  return TokenRequest(provider,
                      {{"grant_type", "refresh_token"}, {"refresh_token", refresh_token}});
}

StatusOr<Tokens> ReadTokenResponse(const http::Response& response, const std::string& step,
                                   int64_t now_epoch_s) {
  if (!response.ok()) {
    // Only the sanitised error code: error_description is the server's free text.
    return HttpFailure(IsRefusal(response.status) ? ErrorCode::kUnauthenticated : ErrorCode::kApi,
                       step, response, OAuthErrorCode(response.body));
  }
  return ParseTokenResponse(response.body, now_epoch_s, step);
}

StatusOr<Tokens> ExchangeCode(http::Transport& transport, const Provider& provider,
                              const std::string& code, const std::string& verifier) {
  if (code.empty()) return Status(ErrorCode::kInvalidArgument, "no authorization code");
  PELO_ASSIGN_OR_RETURN(http::Response response,
                        transport.Send(CodeExchangeRequest(provider, code, verifier)));
  return ReadTokenResponse(response, StepName("POST", provider.token_url), NowEpochSeconds());
}

StatusOr<Tokens> RefreshTokens(http::Transport& transport, const Provider& provider,
                               const Tokens& current) {
  const std::string step = StepName("POST", provider.token_url) + " (refresh)";
  if (current.refresh_token.empty()) {
    return Status(ErrorCode::kUnauthenticated, step + ": no refresh token; log in again");
  }
  PELO_ASSIGN_OR_RETURN(http::Response response,
                        transport.Send(RefreshRequest(provider, current.refresh_token)));
  PELO_ASSIGN_OR_RETURN(Tokens next, ReadTokenResponse(response, step, NowEpochSeconds()));
  if (next.refresh_token.empty()) next.refresh_token = current.refresh_token;  // not rotated
  if (next.scope.empty()) next.scope = current.scope;  // §5.1: omitted when unchanged
  return next;
}

}  // namespace pelo::oauth2
