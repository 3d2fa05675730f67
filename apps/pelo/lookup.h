// What people type, turned into what the API wants: "me", usernames, instructor names, ids and
// dates. Lookups here only read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "context.h"
#include "pelo/app/connection.h"
#include "pelo/common/status.h"

namespace pelo::cli {

// A Peloton id: 32 lowercase hex characters.
bool LooksLikeId(std::string_view s);

// An id (or username) argument that goes into a URL path: kInvalidArgument naming `what` when it
// is empty or holds characters none has ('/', '?', '#', '%', spaces).
Status CheckIdArgument(std::string_view what, const std::string& value,
                       std::string_view kind = "id");

// The signed-in user's id: the one saved at login, else GET /api/me.
StatusOr<std::string> MyUserId(app::Connection& conn);

// USER as typed: "" is the signed-in user, an id is used as is, anything else is a username
// looked up with GET /api/user/{username}.
StatusOr<std::string> ResolveUserId(app::Connection& conn, const std::string& user);

// --instructor: an id as is, else a name matched (any case) against every instructor's full,
// first and last name and username. kInvalidArgument when none or several match.
StatusOr<std::string> ResolveInstructorId(app::Connection& conn, const std::string& id_or_name);

}  // namespace pelo::cli
