// pelo sync: fetch everything new into the local database.
#include <unistd.h>

#include <iostream>

#include "commands.h"
#include "pelo/sync/sync.h"

namespace pelo::cli {
namespace {

struct SyncFlags {
  std::string db;
  int every_n = 1;
};

Status RunSync(const Context& ctx, const SyncFlags& flags) {
  PELO_ASSIGN_OR_RETURN(Connection conn, ctx.Connect());
  const std::string db_path = ctx.DbPath(flags.db);
  PELO_ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(db_path));
  sync::Options options;
  options.every_n = flags.every_n;
  const bool tty = isatty(STDERR_FILENO);
  if (tty) {
    options.on_progress = [](const sync::Progress& p) {
      std::cerr << "\rsyncing: " << p.done << "/" << p.total << " workouts" << std::flush;
      if (p.done == p.total) std::cerr << "\n";
    };
  }
  auto report = sync::Run(*conn.client, *store, options);
  if (!report.ok()) {
    if (tty) std::cerr << "\n";
    return report.status();
  }
  std::cout << "Synced " << report->added << " new workout" << (report->added == 1 ? "" : "s")
            << " for " << report->username << " (" << report->listed << " listed";
  if (report->skipped) std::cout << ", " << report->skipped << " in progress skipped";
  std::cout << "); " << db_path << " holds " << report->stored_total << " workouts\n";
  return OkStatus();
}

}  // namespace

void AddSyncCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<SyncFlags>();
  CLI::App* cmd = app.add_subcommand("sync", "Fetch new workouts into the local database");
  cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)");
  cmd->add_option("--every-n", flags->every_n,
                  "Performance-graph resolution in seconds (default 1: full resolution)")
      ->check(CLI::Range(1, 3600));
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunSync(ctx, *flags); }; });
}

}  // namespace pelo::cli
