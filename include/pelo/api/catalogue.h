// The Peloton API catalogue pelo knows: one row per distinct request of the Postman collection
// (../shared/docs/peloton-api.md §9). `pelo endpoints` prints it; the client and the simulator
// are checked against it, so the three cannot drift apart.
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
};

// Every request, grouped as in the Postman collection.
const std::vector<Endpoint>& Catalogue();

}  // namespace pelo::api
