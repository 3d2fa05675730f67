// What the route handlers share, and small HTTP helpers. Includes httplib: only for the .cc
// files that register routes.
#pragma once

#include <httplib.h>
#include <atomic>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "pelo/peloton/sim/server.h"
#include "peloton/sim/account_state.h"
#include "peloton/sim/challenges.h"
#include "peloton/sim/data_set.h"
#include "peloton/sim/library.h"
#include "peloton/sim/live_schedule.h"
#include "peloton/sim/members.h"
#include "peloton/sim/tokens.h"
#include "peloton/sim/workout_metrics.h"

namespace pelo::sim {

// What the routes share: the fixed world built at start-up (data set, members, class library,
// live schedule, challenges) and the state the user changes (auth, account).
struct Context {
  Context(Options opts, std::unique_ptr<DataSet> data_set);

  Options options;
  std::unique_ptr<DataSet> data;
  // The simulator's "now" for everything relative (streaks, live classes, challenges): the
  // end of --end-date, so answers do not depend on the wall clock.
  int64_t now;
  Members members;
  Library library;
  LiveSchedule live;
  std::vector<ChallengeDef> challenges;
  TokenIssuer tokens;
  AuthState auth;
  AccountState account;
  MetricsCache metrics;
  // How many of the newest workouts are IN_PROGRESS (Options::in_progress, then SetInProgress).
  std::atomic<int> in_progress{0};
};

// Registers the auth host's routes (Auth0 pages, /oauth/token) and the legacy /auth/login.
void RegisterAuthRoutes(httplib::Server& server, Context& context);
// Registers POST /oauth/token and POST /oauth/revoke.
void RegisterTokenRoutes(httplib::Server& server, Context& context);
// Registers the legacy POST /auth/login (403 unless --legacy-auth), /auth/logout and
// /auth/check_session.
void RegisterLegacyRoutes(httplib::Server& server, Context& context);
// Registers /api/*, /ecomm/* and /graphql (each group below in its own file).
void RegisterApiRoutes(httplib::Server& server, Context& context);
void RegisterUserRoutes(httplib::Server& server, Context& context);
void RegisterProgressRoutes(httplib::Server& server, Context& context);
void RegisterChallengeRoutes(httplib::Server& server, Context& context);
void RegisterWorkoutRoutes(httplib::Server& server, Context& context);
void RegisterLibraryRoutes(httplib::Server& server, Context& context);
void RegisterLiveRoutes(httplib::Server& server, Context& context);
void RegisterCommerceRoutes(httplib::Server& server, Context& context);
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
