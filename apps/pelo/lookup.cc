#include "lookup.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <vector>

#include "pelo/common/strings.h"

namespace pelo::cli {

bool LooksLikeId(std::string_view s) {
  return s.size() == 32 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Status CheckIdArgument(std::string_view what, const std::string& value, std::string_view kind) {
  const bool bad = value.empty() || value.find_first_of("/?#% \t\r\n") != std::string::npos;
  if (bad) {
    return Status(ErrorCode::kInvalidArgument,
                  std::string(what) + ": '" + value + "' is not a valid " + std::string(kind));
  }
  return OkStatus();
}

StatusOr<std::string> MyUserId(app::Connection& conn) {
  std::string id = conn.session->credentials().user_id;
  if (!id.empty()) return id;
  PELO_ASSIGN_OR_RETURN(auto me, conn.client->Me());
  conn.session->set_user_id(me.value.id);
  return me.value.id;
}

StatusOr<std::string> ResolveUserId(app::Connection& conn, const std::string& user) {
  if (user.empty()) return MyUserId(conn);
  if (LooksLikeId(user)) return user;
  PELO_RETURN_IF_ERROR(CheckIdArgument("USER", user, "id or username"));
  PELO_ASSIGN_OR_RETURN(auto profile, conn.client->User(user));
  if (profile.value.id.empty()) {
    return Status(ErrorCode::kNotFound, "no user named '" + user + "'");
  }
  return profile.value.id;
}

StatusOr<std::string> ResolveInstructorId(app::Connection& conn, const std::string& id_or_name) {
  if (LooksLikeId(id_or_name)) return id_or_name;
  const std::string wanted = Lower(id_or_name);
  std::vector<model::Instructor> exact, partial;
  auto all = conn.client->AllInstructors();
  for (const model::Instructor& i : all) {
    if (Lower(i.name) == wanted || Lower(i.username) == wanted) {
      exact.push_back(i);
    } else if (Lower(i.first_name) == wanted || Lower(i.last_name) == wanted) {
      partial.push_back(i);
    }
  }
  PELO_RETURN_IF_ERROR(all.status());
  const std::vector<model::Instructor>& found = exact.empty() ? partial : exact;
  if (found.size() == 1) return found.front().id;
  if (found.empty()) {
    return Status(ErrorCode::kInvalidArgument, "--instructor: no instructor named '" + id_or_name +
                                                   "' (see `pelo instructors`)");
  }
  std::string names;
  for (const model::Instructor& i : found) names += (names.empty() ? "" : ", ") + i.name;
  return Status(ErrorCode::kInvalidArgument,
                "--instructor: '" + id_or_name + "' could be " + names + "; give the full name");
}

}  // namespace pelo::cli
