// Connecting to the service: transport -> session -> client, wired in this one place.
#pragma once

#include <memory>
#include <string>

#include "pelo/app/workspace.h"
#include "pelo/common/status.h"
#include "pelo/http/transport.h"
#include "pelo/peloton/api/client.h"
#include "pelo/peloton/auth/credentials.h"
#include "pelo/peloton/auth/login.h"
#include "pelo/peloton/auth/session.h"

namespace pelo::app {

// An authenticated connection; members are declared in dependency order (the client uses the
// session, which uses the transport and saves refreshed tokens to the token store).
struct Connection {
  auth::Endpoints endpoints;
  std::unique_ptr<auth::TokenStore> token_store;  // null: refreshed tokens are not kept
  std::unique_ptr<http::Transport> transport;
  std::unique_ptr<auth::Session> session;
  std::unique_ptr<api::Client> client;
};

// A connection with the credentials saved at login; kUnauthenticated "not logged in" when there
// are none.
StatusOr<Connection> Connect(const Workspace& workspace, const TransportTuning& tuning = {});

// A connection with `credentials` that are not saved (a session being ended, a login being
// checked).
Connection ConnectWith(const Workspace& workspace, const auth::Endpoints& endpoints,
                       auth::Credentials credentials, const TransportTuning& tuning = {});

// Signs in to `endpoints` with `input` and connects; nothing is saved (the demo's throwaway
// account; LogIn saves).
StatusOr<Connection> SignIn(const Workspace& workspace, const auth::Endpoints& endpoints,
                            const auth::LoginInput& input, const TransportTuning& tuning = {});

// Who a login signed in as, and where the credentials went.
struct LoggedIn {
  std::string user_id;
  std::string username;  // "" when the account has none
  std::string credentials_path;
};

// Signs in to the workspace's hosts, checks the credentials work and learns whose they are
// (GET /api/me) before saving anything, then saves them and the hosts used.
StatusOr<LoggedIn> LogIn(const Workspace& workspace, const auth::LoginInput& input);

}  // namespace pelo::app
