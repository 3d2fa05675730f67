// Redaction for logs: secrets (tokens, passwords, cookies, codes) never reach a log line. A thin
// layer over the one redactor every sink uses (pelo/common/redact.h), with the logs' placeholder.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pelo/http/transport.h"

namespace pelo::http {

inline constexpr const char* kRedacted = "<redacted>";

// True for headers whose value is a credential: Authorization, Cookie, Set-Cookie, X-Api-Key...
// (pelo::IsSecretKey's list).
bool IsSecretHeader(std::string_view name);
// True for JSON/form/query field names that hold secrets (password, access_token, code, ...):
// pelo::IsSecretKey.
bool IsSecretField(std::string_view name);
// `headers` with the values of secret headers replaced by kRedacted.
std::vector<Header> RedactHeaders(const std::vector<Header>& headers);
// A JSON or form-urlencoded body with the values of secret fields replaced by kRedacted; any
// other body only described ("<N bytes of non-JSON body>"): pelo::RedactBodyForLog.
std::string RedactBody(std::string_view body);
// `url` with the values of secret query (and fragment) parameters replaced by kRedacted.
std::string RedactUrl(std::string_view url);

}  // namespace pelo::http
