// The Peloton API catalogue pelo knows: one row per distinct request of the Postman collection
// (../shared/docs/peloton-api.md §9), then the requests the merged catalogue (§5) adds from
// other sources (challenge details, legacy workout summaries, streaming...). `pelo endpoints`
// prints it; the client, the simulator and the CLI are checked against it, so they cannot drift.
#pragma once

#include <string_view>
#include <vector>

namespace pelo::api {

struct Endpoint {
  std::string_view group;      // the Postman collection: auth, users, workouts, rides-classes, ...
  std::string_view name;       // the Postman request name
  std::string_view method;     // GET, POST, PUT, DELETE
  std::string_view path;       // "/api/user/{user_id}/workouts"; "/graphql" for GraphQL
  std::string_view operation;  // GraphQL operation name; "" for REST
  bool auth = true;            // needs a signed-in user
  bool mutating = false;       // changes the account (pelo asks before sending it)
  bool platform_header = false;  // the catalogue says `Peloton-Platform: web` is required
  bool postman = true;           // in the Postman collection (§9); false: §5 only
};

// Every request: the Postman collection's, grouped as there, then the §5-only ones.
const std::vector<Endpoint>& Catalogue();

// The row named `name`, or nullptr.
const Endpoint* FindEndpoint(std::string_view name);

}  // namespace pelo::api
