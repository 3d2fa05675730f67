#include "pelo/app/connection.h"

#include <utility>

namespace pelo::app {
namespace {

// transport -> session -> client.
Connection Wire(const Workspace& workspace, const auth::Endpoints& endpoints,
                std::unique_ptr<http::Transport> transport, auth::Credentials credentials,
                std::unique_ptr<auth::TokenStore> token_store) {
  Connection c;
  c.endpoints = endpoints;
  c.token_store = std::move(token_store);
  c.transport = std::move(transport);
  c.session = std::make_unique<auth::Session>(*c.transport, endpoints, std::move(credentials),
                                              c.token_store.get());
  c.client = std::make_unique<api::Client>(*c.transport, endpoints, c.session.get(),
                                           workspace.options().user_agent);
  return c;
}

}  // namespace

StatusOr<Connection> Connect(const Workspace& workspace, const TransportTuning& tuning) {
  PELO_ASSIGN_OR_RETURN(auth::Endpoints endpoints, workspace.Endpoints());
  std::unique_ptr<auth::TokenStore> token_store = workspace.TokenStore();
  auto credentials = token_store->Load();
  if (!credentials.ok()) {
    if (credentials.status().code() == ErrorCode::kNotFound) {
      return Status(ErrorCode::kUnauthenticated, "not logged in: run `pelo login` first");
    }
    return credentials.status();
  }
  return Wire(workspace, endpoints, workspace.MakeTransport(tuning), std::move(*credentials),
              std::move(token_store));
}

Connection ConnectWith(const Workspace& workspace, const auth::Endpoints& endpoints,
                       auth::Credentials credentials, const TransportTuning& tuning) {
  return Wire(workspace, endpoints, workspace.MakeTransport(tuning), std::move(credentials),
              nullptr);
}

StatusOr<Connection> SignIn(const Workspace& workspace, const auth::Endpoints& endpoints,
                            const auth::LoginInput& input, const TransportTuning& tuning) {
  std::unique_ptr<http::Transport> transport = workspace.MakeTransport(tuning);
  PELO_ASSIGN_OR_RETURN(auth::Credentials credentials, auth::Login(*transport, endpoints, input));
  return Wire(workspace, endpoints, std::move(transport), std::move(credentials), nullptr);
}

StatusOr<LoggedIn> LogIn(const Workspace& workspace, const auth::LoginInput& input) {
  PELO_ASSIGN_OR_RETURN(auth::Endpoints endpoints, workspace.Endpoints());
  PELO_ASSIGN_OR_RETURN(Connection conn, SignIn(workspace, endpoints, input));
  PELO_ASSIGN_OR_RETURN(auto me, conn.client->Me());
  auth::Credentials credentials = conn.session->credentials();  // refreshed, maybe
  credentials.user_id = me.value.id;
  const std::unique_ptr<auth::TokenStore> token_store = workspace.TokenStore();
  PELO_RETURN_IF_ERROR(token_store->Save(credentials));
  PELO_RETURN_IF_ERROR(workspace.SaveEndpoints(endpoints));
  return LoggedIn{me.value.id, me.value.username, token_store->path()};
}

}  // namespace pelo::app
