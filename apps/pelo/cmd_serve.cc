// pelo serve [--port N] [--host ADDR] [--db PATH] [--open]: the local dashboard (ADR 0022),
// until Ctrl-C or SIGTERM.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <iostream>

#include "commands.h"
#include "flags.h"
#include "pelo/dashboard/dashboard.h"
#include "terminal_text.h"

extern char** environ;

namespace pelo::cli {
namespace {

struct ServeFlags {
  int port = 8765;
  std::string host = "127.0.0.1";
  std::string db;
  bool open = false;
};

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1";
}

// Opens `url` in the desktop's browser, best effort (xdg-open); a failure is a warning.
void OpenInBrowser(const std::string& url) {
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) !=
      0) {
    std::cerr << "warning: could not start xdg-open; open " << url << " yourself\n";
  }
}

Status RunServe(const Context& ctx, const ServeFlags& flags) {
  dashboard::Options options;
  options.host = flags.host;
  options.port = flags.port;
  options.db_path = ctx.workspace().DbPath(flags.db);
  if (!IsLoopback(flags.host)) {
    std::cerr << "warning: serving on " << TerminalText(flags.host)
              << ": anyone who can reach this machine there can read your training history\n";
  }
  // SIGINT and SIGTERM are taken by this thread with sigwait: blocked before the server's
  // threads start, so that they inherit the mask and none of them is interrupted instead.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  PELO_ASSIGN_OR_RETURN(auto server, dashboard::Dashboard::Start(options));
  std::cout << "pelo serve: listening on " << server->url() << " (Ctrl-C stops)" << std::endl;
  if (flags.open) OpenInBrowser(server->url());
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  server->Stop();
  server->Wait();
  std::cerr << "pelo serve: stopped\n";
  return OkStatus();
}

}  // namespace

void AddServeCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "A local dashboard of your history in the browser, live from the database");
  cmd->add_option("--port", flags->port, "Port (default 8765; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--host", flags->host,
                  "Address to listen on (default 127.0.0.1; another one prints a warning)");
  DatabaseFlag(
      cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)"));
  cmd->add_flag("--open", flags->open, "Open the dashboard in the desktop's browser");
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunServe(ctx, *flags); }; });
}

}  // namespace pelo::cli
