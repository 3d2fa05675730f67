// The route groups, each registering its paths on the server (one .cc file per group).
#pragma once

#include <httplib.h>

#include "peloton/sim/state/context.h"

namespace pelo::sim {

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

}  // namespace pelo::sim
