// pelo demo: the whole pipeline against the built-in simulator, no account or network needed.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "commands.h"
#include "demo_summary.h"
#include "flags.h"
#include "pelo/app/workspace.h"
#include "pelo/common/time.h"
#include "pelo/export/csv.h"
#include "pelo/peloton/auth/credentials.h"
#include "pelo/peloton/sim/server.h"
#include "pelo/report/report.h"
#include "pelo/sync/sync.h"

namespace pelo::cli {
namespace {

struct DemoFlags {
  std::string db = "pelo-demo.db";
  std::string csv = "pelo-demo-workouts.csv";
  std::string report = "pelo-demo-report.html";
  std::string end_date;  // the last day of the synthetic history; default yesterday (UTC)
  int workouts = 300;
  uint64_t seed = 1;
};

// This binary's path, for the "try next" hint (pelo is usually not on PATH after a build).
std::string SelfPath() {
  std::error_code ec;
  auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? "pelo" : path.string();
}

Status SyncFromSimulator(const Context& ctx, const sim::Options& sim_options,
                         const std::string& url, store::Store& store) {
  const auth::Endpoints endpoints = auth::EndpointsOnOneHost(url);
  app::TransportTuning tuning;
  tuning.counters = std::make_shared<http::TransportCounters>();
  const auth::LoginInput input{auth::Method::kPkce, sim_options.email, sim_options.password, ""};
  // Demo tokens are not kept.
  PELO_ASSIGN_OR_RETURN(app::Connection conn,
                        app::SignIn(ctx.workspace(), endpoints, input, tuning));
  std::cout << "Logged in with Auth0 PKCE as " << sim_options.email << "\n";
  sync::Options options;
  options.counters = tuning.counters;
  const sync::SyncResult report = sync::Run(*conn.client, store, options);
  PELO_RETURN_IF_ERROR(report.status);
  std::cout << "Synced " << report.added << " new workouts (" << report.requests << " requests, "
            << options.jobs << " at a time); the database holds " << report.stored_total << "\n";
  return OkStatus();
}

Status RunDemo(const Context& ctx, const DemoFlags& flags) {
  const auto t0 = std::chrono::steady_clock::now();
  sim::Options sim_options;
  sim_options.workouts = flags.workouts;
  sim_options.seed = flags.seed;
  // A history that ends yesterday, so that "form today", the eFTP trend and the report read as
  // they would for a rider who rode yesterday (ADR 0022); no ride lies in the future. The
  // simulator's own default stays a fixed day, which keeps the tests reproducible.
  sim_options.end_date =
      flags.end_date.empty() ? FormatUtcDate(NowEpochSeconds() - 86400) : flags.end_date;
  PELO_ASSIGN_OR_RETURN(auto server, sim::Server::Create(sim_options));
  PELO_RETURN_IF_ERROR(server->Start());
  std::cout << "Started the Peloton simulator at " << server->url() << " (synthetic athlete, "
            << flags.workouts << " workouts)\n";
  // The demo's own file, never the workspace's database: `--db ''` is SQLite's private
  // temporary one, not the default path. Locked as a sync locks a database (ADR 0028): a second
  // demo into the same file at once is busy (exit 7).
  app::LockOptions lock_options;
  lock_options.command = "demo";
  PELO_ASSIGN_OR_RETURN(app::LockedStore db, app::OpenLockedStore(flags.db, lock_options));
  store::Store* store = db.store.get();
  Status synced = SyncFromSimulator(ctx, sim_options, server->url(), *store);
  server->Stop();
  PELO_RETURN_IF_ERROR(synced);

  PELO_ASSIGN_OR_RETURN(auto rows, store->WorkoutRows());
  PELO_RETURN_IF_ERROR(exporter::WriteFileAtomically(flags.csv, [&rows](std::ostream& out) {
    exporter::WriteWorkoutsCsv(rows, out);
    return OkStatus();
  }));
  std::cout << "\nYour (simulated) history:\n";
  PELO_RETURN_IF_ERROR(PrintDemoSummary(*store, std::cout));
  PELO_ASSIGN_OR_RETURN(size_t report_bytes, report::WriteReport(*store, {}, flags.report));
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "\nDatabase: " << flags.db << "\nWorkouts CSV: " << flags.csv
            << "\nReport: " << flags.report << " (" << (report_bytes + 512) / 1024
            << " KB; open it in any browser, offline)\n"
            << "Done in " << static_cast<int>(secs * 10) / 10.0 << " s. Try: " << SelfPath()
            << " workouts --db " << flags.db << "\n"
            << "Or the dashboard, each workout's page included: " << SelfPath() << " serve --db "
            << flags.db << " --open\n"
            << "Or every workout as a FIT file for Garmin Connect, Strava or intervals.icu: "
            << SelfPath() << " export fit --db " << flags.db << " --dir pelo-demo-fit\n";
  return OkStatus();
}

}  // namespace

void AddDemoCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<DemoFlags>();
  CLI::App* cmd =
      app.add_subcommand("demo", "Run the whole pipeline against the built-in Peloton simulator");
  DatabaseFlag(cmd->add_option("--db", flags->db, "Database file (default ./pelo-demo.db)"));
  FileValue(
      cmd->add_option("--csv", flags->csv, "Workouts CSV (default ./pelo-demo-workouts.csv)"));
  FileValue(
      cmd->add_option("--report", flags->report, "HTML report (default ./pelo-demo-report.html)"));
  cmd->add_option("--end-date", flags->end_date,
                  "Last day of the synthetic history, YYYY-MM-DD (default: yesterday, UTC)");
  cmd->add_option("--workouts", flags->workouts, "Synthetic workouts (default 300)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--seed", flags->seed, "Synthetic athlete seed (default 1)");
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunDemo(ctx, *flags); }; });
}

}  // namespace pelo::cli
