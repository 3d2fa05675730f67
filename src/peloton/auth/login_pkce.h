// The Auth0 authorization-code + PKCE login (peloton-api.md §2.2).
#pragma once

#include "pelo/common/status.h"
#include "pelo/http/transport.h"
#include "pelo/peloton/auth/credentials.h"
#include "pelo/peloton/auth/login.h"

namespace pelo::auth::internal {

// Runs steps 1-5 of §2.2 with `input.email` and `input.password`; tokens for the web client.
StatusOr<Credentials> LoginWithPkce(http::Transport& transport, const Endpoints& endpoints,
                                    const LoginInput& input);

}  // namespace pelo::auth::internal
