// pelo login / pelo logout.
#include <iostream>

#include "commands.h"
#include "flags.h"
#include "pelo/peloton/auth/login.h"
#include "secrets.h"
#include "terminal_text.h"

namespace pelo::cli {
namespace {

struct LoginFlags {
  std::string method = "pkce";
  std::string email;
  bool password_stdin = false;
  bool token_stdin = false;
};

// Gathers the secret for `flags.method` from stdin, the environment or a no-echo prompt.
StatusOr<auth::LoginInput> GatherInput(const LoginFlags& flags) {
  auth::LoginInput in;
  PELO_ASSIGN_OR_RETURN(in.method, auth::ParseMethod(flags.method));
  if (in.method == auth::Method::kToken) {
    in.token = flags.token_stdin ? ReadStdinTrimmed() : EnvOrEmpty("PELOTON_TOKEN");
    if (in.token.empty()) {
      return Status(ErrorCode::kInvalidArgument,
                    "no token: pipe it to --token-stdin or set PELOTON_TOKEN");
    }
    return in;
  }
  in.email = !flags.email.empty() ? flags.email : EnvOrEmpty("PELOTON_EMAIL");
  if (in.email.empty()) {
    return Status(ErrorCode::kInvalidArgument, "no email: use --email or set PELOTON_EMAIL");
  }
  if (flags.password_stdin) {
    in.password = ReadStdinTrimmed();
  } else if (std::string env = EnvOrEmpty("PELOTON_PASSWORD"); !env.empty()) {
    in.password = env;
  } else {
    PELO_ASSIGN_OR_RETURN(in.password, PromptNoEcho("Peloton password for " + in.email + ": "));
  }
  if (in.password.empty()) return Status(ErrorCode::kInvalidArgument, "empty password");
  return in;
}

Status RunLogin(const Context& ctx, const LoginFlags& flags) {
  PELO_ASSIGN_OR_RETURN(auth::LoginInput input, GatherInput(flags));
  PELO_ASSIGN_OR_RETURN(app::LoggedIn who, app::LogIn(ctx.workspace(), input));
  std::cout << "Logged in as " << TerminalText(who.username.empty() ? who.user_id : who.username)
            << " (" << auth::MethodName(input.method) << "); credentials saved to "
            << TerminalText(who.credentials_path) << "\n";
  return OkStatus();
}

// Ends the credentials' life on the server, best effort, and says how it went ("refresh token
// revoked"): a legacy session is ended (POST /auth/logout), an OAuth refresh token revoked
// (POST /oauth/revoke). A failure is a one-line warning naming the step, never a secret.
std::string EndOnServer(const Context& ctx, const auth::Credentials& creds) {
  const bool legacy = creds.method == auth::Method::kLegacy;
  if (legacy && creds.session_id.empty()) return "no session to end";
  if (!legacy && creds.refresh_token.empty()) return "no refresh token to revoke";
  const app::Workspace workspace = ctx.workspace();
  StatusOr<auth::Endpoints> endpoints = workspace.Endpoints();
  Status ended = endpoints.status();
  if (endpoints.ok()) {
    if (legacy) {
      app::Connection conn = app::ConnectWith(workspace, *endpoints, creds);
      ended = conn.client->LegacyLogout(creds.session_id).status();
    } else {
      ended = auth::RevokeRefreshToken(*workspace.MakeTransport(), *endpoints, creds);
    }
  }
  if (ended.ok()) return legacy ? "session ended" : "refresh token revoked";
  std::cerr << "pelo: warning: could not "
            << (legacy ? "end the session" : "revoke the refresh token") << ": "
            << TerminalText(ended.message()) << "\n";
  return legacy ? "session NOT ended" : "refresh token NOT revoked";
}

// The saved credentials go whatever the server says: a dead network or a refused revocation
// never blocks a logout. Not logged in is not an error (there is nothing to do): exit 0.
Status RunLogout(const Context& ctx) {
  const std::unique_ptr<auth::TokenStore> store = ctx.workspace().TokenStore();
  // Tokens in a file others could read are revoked all the more.
  StatusOr<auth::Credentials> creds = store->LoadToRevoke();
  if (creds.status().code() == ErrorCode::kNotFound) {
    std::cout << "Not logged in (no " << TerminalText(store->path()) << "): nothing to do\n";
    return OkStatus();
  }
  std::string outcome;
  if (creds.ok()) {
    outcome = EndOnServer(ctx, *creds);
  } else {
    std::cerr << "pelo: warning: " << TerminalText(creds.status().message()) << "\n";
    outcome = "nothing revoked";
  }
  if (Status removed = store->Remove(); !removed.ok()) {
    return Status(removed.code(), removed.message() + " (" + outcome + ")");
  }
  std::cout << "Logged out: " << outcome << "; removed " << TerminalText(store->path()) << "\n";
  return OkStatus();
}

}  // namespace

void AddLoginCommands(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<LoginFlags>();
  CLI::App* login =
      app.add_subcommand("login", "Sign in to Peloton and save the tokens (never the password)");
  OneOf(
      login->add_option("--method", flags->method, "pkce (default), password-grant, token, legacy"),
      {"pkce", "password-grant", "token", "legacy"});
  login->add_option("--email", flags->email, "Account email (or PELOTON_EMAIL)");
  login->add_flag("--password-stdin", flags->password_stdin,
                  "Read the password from standard input (else PELOTON_PASSWORD, else a prompt)");
  login->add_flag("--token-stdin", flags->token_stdin,
                  "With --method token: read the bearer token from standard input "
                  "(else PELOTON_TOKEN)");
  login->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunLogin(ctx, *flags); }; });

  CLI::App* logout = app.add_subcommand(
      "logout", "Revoke the refresh token (best effort) and delete the saved tokens");
  logout->callback([&ctx] { ctx.run = [&ctx] { return RunLogout(ctx); }; });
}

}  // namespace pelo::cli
