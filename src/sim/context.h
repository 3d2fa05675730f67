// What the route handlers share, and small HTTP helpers. Includes httplib: only for the .cc
// files that register routes.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "pelo/sim/server.h"
#include "sim/data_set.h"
#include "sim/tokens.h"

namespace pelo::sim {

struct Context {
  Context(Options opts, std::unique_ptr<DataSet> data_set)
      : options(std::move(opts)),
        data(std::move(data_set)),
        tokens(data->user_id, options.token_ttl_s) {}

  Options options;
  std::unique_ptr<DataSet> data;
  TokenIssuer tokens;
  AuthState auth;
};

// Registers the auth host's routes (Auth0 pages, /oauth/token) and the legacy /auth/login.
void RegisterAuthRoutes(httplib::Server& server, Context& context);
// Registers POST /oauth/token.
void RegisterTokenRoutes(httplib::Server& server, Context& context);
// Registers the legacy POST /auth/login (403 unless --legacy-auth).
void RegisterLegacyRoutes(httplib::Server& server, Context& context);
// Registers /api/* and /graphql.
void RegisterApiRoutes(httplib::Server& server, Context& context);
// Registers POST /graphql (the tag operations; graphql_routes.cc).
void RegisterGraphqlRoutes(httplib::Server& server, Context& context);

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
// Escapes text for an HTML attribute; quotes become &#34; as Auth0's pages do.
std::string HtmlEscape(const std::string& text);
std::string HtmlUnescape(const std::string& text);
std::string UrlEncode(const std::string& text);

}  // namespace pelo::sim
