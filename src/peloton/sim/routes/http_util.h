// Small HTTP helpers every host's routes use: JSON and error answers, request fields, cookies
// and the escaping of the Auth0 pages.
#pragma once

#include <httplib.h>

#include <string>

#include <nlohmann/json.hpp>

#include "pelo/peloton/sim/server.h"

namespace pelo::sim {

// fields[key] when it is a string, else "".
std::string StringField(const nlohmann::json& fields, const char* key);
// The one account: email (case-insensitive) and password.
bool CredentialsMatch(const Options& options, const std::string& user, const std::string& pass);
// An OAuth error body {"error","error_description"}.
void SendOAuthError(httplib::Response& res, int status, const std::string& error,
                    const std::string& description);

void SendJson(httplib::Response& res, int status, const nlohmann::json& body);
// A Peloton REST error body {"status","error_code","subcode","message","details"}.
void SendApiError(httplib::Response& res, int status, int error_code, const std::string& message);
// The request's parameters: a JSON object body, or form fields, plus the query string.
nlohmann::json RequestFields(const httplib::Request& req);
// The value of cookie `name` in the request's Cookie header, or "".
std::string CookieValue(const httplib::Request& req, const std::string& name);
// HtmlEscape (common/strings.h) undone, for the pages' forms read back.
std::string HtmlUnescape(const std::string& text);
std::string UrlEncode(const std::string& text);

}  // namespace pelo::sim
