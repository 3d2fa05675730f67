// The API host: /api/* and /ecomm/* (bearer token, or the legacy session cookie with
// --legacy-auth, where the catalogue says a request needs auth) and /graphql.
#include "peloton/sim/routes/routes.h"

namespace pelo::sim {

void RegisterApiRoutes(httplib::Server& server, Context& ctx) {
  // httplib tries routes in registration order: each Register* puts fixed paths
  // (/api/user/search, /api/ride/filters...) before the patterns that would swallow them.
  RegisterUserRoutes(server, ctx);
  RegisterProgressRoutes(server, ctx);
  RegisterChallengeRoutes(server, ctx);
  RegisterWorkoutRoutes(server, ctx);
  RegisterLibraryRoutes(server, ctx);
  RegisterLiveRoutes(server, ctx);
  RegisterCommerceRoutes(server, ctx);
  RegisterGraphqlRoutes(server, ctx);
}

}  // namespace pelo::sim
