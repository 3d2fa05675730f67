// pelo-sim: serves the simulated Peloton API until SIGINT/SIGTERM.
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "describe_command_line.h"
#include "exit_code.h"
#include "flag_values.h"
#include "man_page.h"
#include "pelo/peloton/sim/server.h"
#include "version.h"

namespace {

constexpr const char* kTagline = "a Peloton API simulator (REST, Auth0 login, legacy login)";

// pelo-sim(1), made from the same definitions as --help (ADR 0026).
pelo::cli::ManContext ManContext() {
  pelo::cli::ManContext context;
  context.tagline = kTagline;
  context.source = std::string("pelo ") + PELO_VERSION;
  context.exit_status = {
      {"0", "stopped by SIGINT or SIGTERM"},
      {"2", "bad flags, a bad --faults spec, or an unreadable --workouts-from directory"},
      {"4", "the port could not be listened on"},
  };
  context.see_also = {"pelo(1)"};
  return context;
}

void AddFlags(CLI::App& app, pelo::sim::Options& o) {
  app.add_option("--host", o.host, "Address to listen on")->capture_default_str();
  app.add_option("--port", o.port, "Port (0 = ephemeral)")->capture_default_str();
  app.add_option("--seed", o.seed, "Synthetic athlete seed")->capture_default_str();
  app.add_option("--workouts", o.workouts, "Number of synthetic workouts")->capture_default_str();
  app.add_option("--end-date", o.end_date, "Last day of the history (YYYY-MM-DD)")
      ->capture_default_str();
  app.add_option("--email", o.email, "The account's email")->capture_default_str();
  app.add_option("--password", o.password, "The account's password")->capture_default_str();
  pelo::cli::DirectoryValue(
      app.add_option("--workouts-from", o.workouts_from,
                     "Serve the {Workout, WorkoutSamples} JSON files in this directory"));
  app.add_option("--in-progress", o.in_progress,
                 "The newest N workouts are IN_PROGRESS (a ride still going)");
  app.add_option("--latency-ms", o.latency_ms, "Delay added to every response")
      ->capture_default_str();
  app.add_option("--token-ttl", o.token_ttl_s, "Access-token lifetime in seconds")
      ->capture_default_str();
  app.add_flag("--legacy-auth", o.legacy_auth, "Serve the legacy POST /auth/login session");
  app.add_option("--threads", o.threads, "Worker threads")->capture_default_str();
  pelo::cli::FileValue(app.add_option("--request-log", o.request_log,
                                      "Append every request answered to this file, one JSON "
                                      "object per line (secrets redacted)"));
  app.add_option("--faults", o.faults,
                 "Inject faults into /api/* requests: kind:fraction,... with kinds 429, 500, "
                 "502, 503, reset (connection closed mid-body), truncate (a complete 200 with "
                 "half the body), html (Cloudflare 502 page), html-200 (Cloudflare challenge "
                 "page with 200), html-403 (Cloudflare block page with 403), invalid-json, "
                 "slow (10x --latency-ms, or 100 ms), stall (the answer --stall-ms late); e.g. "
                 "429:0.05,503:0.02,slow:0.1. Which request gets which fault depends only on "
                 "--seed and the request's number");
  app.add_option("--fault-burst", o.fault_burst,
                 "A fault that fires repeats for this many requests in a row (an outage)")
      ->capture_default_str();
  app.add_option("--retry-after", o.retry_after_s, "Retry-After seconds of an injected 429")
      ->capture_default_str();
  app.add_flag("--retry-after-date", o.retry_after_date,
               "Send the 429's Retry-After as an HTTP-date (--retry-after seconds from now)");
  app.add_option("--stall-ms", o.stall_ms,
                 "How long a stall fault holds its answer (past pelo's 30 s timeout)")
      ->capture_default_str();
  app.add_option("--revoke-refresh-after", o.revoke_refresh_after,
                 "A refresh token stops working after N successful refreshes (0 = never)")
      ->capture_default_str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{std::string("pelo-sim: ") + kTagline};
  pelo::sim::Options options;
  AddFlags(app, options);
  app.set_version_flag("--version", pelo::cli::VersionLine("pelo-sim"));
  // Hidden: the build writes the manual page with it.
  std::string man_dir;
  app.add_option("--write-man-page", man_dir, "Write pelo-sim.1 into this directory")->group("");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "pelo-sim: " << e.what() << "\n";
    return 2;
  }
  if (!man_dir.empty()) {
    const auto page =
        pelo::cli::ManPages(pelo::cli::DescribeCommandLine(app, "pelo-sim"), ManContext());
    if (pelo::Status written = pelo::cli::WriteManPages(page, man_dir); !written.ok()) {
      std::cerr << "pelo-sim: " << written.ToString() << "\n";
      return pelo::cli::ExitCodeFor(written.code());
    }
    return 0;
  }
  // Block the stop signals before any thread starts so only sigwait below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto server = pelo::sim::Server::Create(options);
  if (!server.ok()) {
    std::cerr << "pelo-sim: " << server.status().message() << "\n";
    return 2;
  }
  if (auto status = (*server)->Start(); !status.ok()) {
    std::cerr << "pelo-sim: " << status.message() << "\n";
    return pelo::cli::ExitCodeFor(status.code());
  }
  std::cout << "pelo-sim listening on " << (*server)->url() << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  (*server)->Stop();
  return 0;
}
