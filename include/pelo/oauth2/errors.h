// How the failures of OAuth requests are named: the step and the HTTP status, with the
// server's OAuth error code when it gave one, never a secret nor the server's free text.
#pragma once

#include <string>
#include <string_view>

#include "pelo/common/status.h"
#include "pelo/http/transport.h"

namespace pelo::oauth2 {

// The OAuth `error` code of an error body ("invalid_grant"), or "" (sanitised as below).
std::string OAuthErrorCode(std::string_view body);
// `code` reduced to [a-z0-9_], at most 64 chars: safe to put in a message.
std::string SanitizeErrorCode(std::string_view code);

// "<step>: HTTP 500 Internal Server Error[ (detail)]" with `code` and the HTTP status.
Status HttpFailure(ErrorCode code, const std::string& step, const http::Response& response,
                   const std::string& detail = "");

// "POST /oauth/token": a step named by method and path (no host, no query).
std::string StepName(std::string_view method, std::string_view url);

// True for the statuses with which a server refuses a grant or a client (400, 401, 403).
bool IsRefusal(int http_status);

}  // namespace pelo::oauth2
