// pelo whoami: who the saved credentials belong to, checked against the API.
#include <iostream>

#include "commands.h"
#include "pelo/analytics/ftp.h"
#include "pelo/common/time.h"
#include "pelo/model/user.h"
#include "terminal_text.h"

namespace pelo::cli {
namespace {

Status RunWhoami(const Context& ctx) {
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  PELO_ASSIGN_OR_RETURN(auto me, conn.client->Me());
  const model::User& u = me.value;
  const auth::Credentials creds = conn.session->credentials();
  std::cout << "username:       " << TerminalText(u.username) << "\n"
            << "user id:        " << TerminalText(u.id) << "\n"
            << "login method:   " << auth::MethodName(creds.method) << "\n";
  if (creds.expires_at > 0) {
    std::cout << "token expires:  " << FormatIso8601Utc(creds.expires_at) << "\n";
  }
  if (u.total_workouts) std::cout << "workouts:       " << *u.total_workouts << "\n";
  if (auto ftp = analytics::ResolveUserFtp(u)) std::cout << "FTP:            " << *ftp << " W\n";
  return OkStatus();
}

}  // namespace

void AddWhoamiCommand(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("whoami", "Show who is logged in (asks the API)");
  cmd->callback([&ctx] { ctx.run = [&ctx] { return RunWhoami(ctx); }; });
}

}  // namespace pelo::cli
