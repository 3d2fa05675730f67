// Pieces shared by the login flows: auth requests, token responses, error statuses.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/http/transport.h"
#include "pelo/peloton/auth/credentials.h"

namespace pelo::auth::internal {

inline constexpr const char* kSessionExpired = "session expired; run `pelo login` again";
inline constexpr const char* kWrongPassword = "wrong email or password";

// A sensitive POST (never logged, not retried on 5xx) of `body` as `content_type`.
http::Request AuthPost(const std::string& url, std::string body, const std::string& content_type,
                       std::vector<http::Header> extra_headers = {});

// Credentials from an OAuth token response ({access_token, refresh_token, id_token,
// expires_in}); kApi naming `step` when the body is not one. Method and client id not set.
StatusOr<Credentials> ParseTokenResponse(std::string_view body, int64_t now_epoch_s,
                                         const std::string& step);

// The OAuth `error` code of an error body ("invalid_grant"), or "" (sanitised as below).
std::string OAuthErrorCode(std::string_view body);
// `code` reduced to [a-z0-9_], at most 64 chars: safe to put in a message.
std::string SanitizeErrorCode(std::string_view code);

// The OAuth client `c`'s tokens were issued to: the saved one, else the one its method uses
// (credentials saved before the client id was recorded).
std::string ClientIdFor(const Credentials& c);

// "<step>: HTTP 500 Internal Server Error[ (detail)]" with `code` and the HTTP status.
Status HttpFailure(ErrorCode code, const std::string& step, const http::Response& response,
                   const std::string& detail = "");

// "POST /oauth/token": a step named by method and path (no host, no query).
std::string StepName(std::string_view method, std::string_view url);

}  // namespace pelo::auth::internal
