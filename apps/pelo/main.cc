// pelo: get your Peloton data out, keep it, understand it.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <malloc.h>
#include <unistd.h>

#include <csignal>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "exit_code.h"
#include "logging.h"
#include "pelo/common/cancel.h"
#include "terminal_text.h"

using pelo::cli::TerminalText;

namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 ok, 1 other error, 2 usage (bad flags, settings or settings file),\n"
    "            3 authentication, 4 network, 5 API error after retries, 6 storage,\n"
    "            130 interrupted.\n"
    "Environment: PELOTON_EMAIL, PELOTON_PASSWORD, PELOTON_TOKEN, PELOTON_API_URL,\n"
    "             PELOTON_AUTH_URL, PELOTON_GRAPHQL_URL, PELO_LOG_LEVEL, XDG_CONFIG_HOME,\n"
    "             XDG_DATA_HOME.";

// First ^C asks the running command to stop at a safe point; a second one kills the process.
extern "C" void OnInterrupt(int) {
  pelo::RequestCancel();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

// "pelo stats drivers": the program and the subcommands the command line named.
std::string CommandPath(const CLI::App& app) {
  std::string path = "pelo";
  for (const CLI::App* at = &app;;) {
    const std::vector<CLI::App*> named = at->get_subcommands();
    if (named.empty()) return path;
    at = named.front();
    path += " " + at->get_name();
  }
}

// What no option or argument took. CLI11 (2.1) lists those words last first, after a ": ".
std::string Unexpected(const CLI::ExtrasError& e) {
  const std::string what = e.what();
  const auto colon = what.find(": ");
  if (colon == std::string::npos) return what;
  std::istringstream words(what.substr(colon + 2));
  std::vector<std::string> given{std::istream_iterator<std::string>(words), {}};
  std::string text;
  for (auto it = given.rbegin(); it != given.rend(); ++it) text += (text.empty() ? "" : " ") + *it;
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  // glibc gives each thread that allocates its own malloc arena; sync's workers would then
  // hold on to freed graph buffers in up to 8 x cores arenas. Two keep the peak RSS of a
  // 2,000-workout sync under 64 MB (bench/sync_noop_and_rss.sh) at no measurable cost.
  mallopt(M_ARENA_MAX, 2);
  // On a terminal every byte of standard output goes through TerminalText (ADR 0012): a CSV or
  // a response body cannot steer it either. In a pipe or a file the data stays exact.
  std::optional<pelo::cli::TerminalGuard> terminal;
  if (isatty(STDOUT_FILENO)) terminal.emplace(std::cout);
  pelo::cli::Context ctx;
  CLI::App app{"pelo " PELO_VERSION ": get your Peloton data out, keep it, understand it."};
  app.footer(kExitCodes);
  app.set_version_flag("--version", "pelo " PELO_VERSION);
  app.require_subcommand(1);
  // The global options (-v, --log-level, --api-url...) also work after the command's name;
  // subcommands inherit this when they are added.
  app.fallthrough();
  app.add_option("--api-url", ctx.options.api_url, "API host (default https://api.onepeloton.com)");
  app.add_option("--auth-url", ctx.options.auth_url,
                 "Auth0 host (default https://auth.onepeloton.com)");
  app.add_option("--graphql-url", ctx.options.graphql_url, "GraphQL endpoint");
  app.add_option("--config-dir", ctx.options.config_dir,
                 "Where credentials live (default $XDG_CONFIG_HOME/pelo)");
  app.add_option("--config", ctx.options.config_file,
                 "Settings file of `pelo config` (default <config dir>/config)");
  app.add_option("--ca-file", ctx.options.ca_file,
                 "PEM file of the CAs to trust for https (e.g. a corporate proxy's)")
      ->check(CLI::ExistingFile);
  pelo::cli::LogOptions log;
  app.add_flag("-v,--verbose", log.verbosity,
               "Log more: -v requests and retries (debug), -vv every exchange, redacted (trace)");
  app.add_option("--log-level", log.level,
                 "trace, debug, info, warn (default) or error; also $PELO_LOG_LEVEL");
  app.add_option("--log-file", log.file, "Append the log to this file (created 0600), not stderr");

  pelo::cli::AddLoginCommands(app, ctx);
  pelo::cli::AddWhoamiCommand(app, ctx);
  pelo::cli::AddSyncCommand(app, ctx);
  pelo::cli::AddRebuildCommand(app, ctx);
  pelo::cli::AddWorkoutsCommand(app, ctx);
  pelo::cli::AddStatsCommand(app, ctx);
  pelo::cli::AddExportCommand(app, ctx);
  pelo::cli::AddDemoCommand(app, ctx);
  pelo::cli::AddReportCommand(app, ctx);
  pelo::cli::AddServeCommand(app, ctx);
  pelo::cli::AddEndpointsCommand(app, ctx);
  pelo::cli::AddApiCommand(app, ctx);
  pelo::cli::AddConfigCommand(app, ctx);
  pelo::cli::AddProfileCommands(app, ctx);
  pelo::cli::AddAccountCommands(app, ctx);
  pelo::cli::AddSocialCommands(app, ctx);
  pelo::cli::AddClassCommands(app, ctx);
  pelo::cli::AddLiveCommands(app, ctx);
  pelo::cli::AddChallengesCommand(app, ctx);
  pelo::cli::AddTagsCommand(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError& e) {
    std::cerr << "pelo: usage: not expected: " << TerminalText(Unexpected(e)) << " (see `"
              << CommandPath(app) << " --help`)\n";
    return 2;
  } catch (const CLI::ParseError& e) {
    std::cerr << "pelo: usage: " << TerminalText(e.what()) << " (see `" << CommandPath(app)
              << " --help`)\n";
    return 2;
  }

  if (pelo::Status logging = pelo::cli::ConfigureLogging(log); !logging.ok()) {
    std::cerr << "pelo: " << TerminalText(logging.ToString()) << "\n";
    return pelo::cli::ExitCodeFor(logging.code());
  }
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  pelo::Status status =
      ctx.run ? ctx.run() : pelo::Status(pelo::ErrorCode::kInvalidArgument, "no command given");
  // Whatever the command printed must have got there: a cut output is no success.
  if (status.ok() && !std::cout.flush()) {
    status = pelo::Status(pelo::ErrorCode::kStorage, "cannot write standard output");
  }
  if (!status.ok()) {
    // One line, whatever the message quotes (an API error body, a title, a file name).
    std::cerr << "pelo: " << TerminalText(status.ToString()) << "\n";
    return pelo::cli::ExitCodeFor(status.code());
  }
  return 0;
}
