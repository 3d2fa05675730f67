// pelo stats rides: the per-ride metrics sync computed and stored (no network).
#include <iostream>

#include "commands.h"
#include "render.h"
#include "stats_output.h"

namespace pelo::cli {
namespace {

struct RidesFlags {
  std::string db;
  bool json = false;
  bool csv = false;
};

Status RunStatsRides(const Context& ctx, const RidesFlags& flags) {
  PELO_ASSIGN_OR_RETURN(auto store, ctx.OpenStore(flags.db));
  PELO_ASSIGN_OR_RETURN(auto rows, store->RideMetricsRows());
  if (flags.json) {
    std::cout << RideStatsJson(rows, StdoutIsTerminal()) << "\n";
  } else if (flags.csv) {
    WriteRideStatsCsv(rows, std::cout);
  } else {
    PrintRideStatsTable(rows, std::cout);
  }
  if (!std::cout.flush()) return Status(ErrorCode::kUnknown, "cannot write to standard output");
  return OkStatus();
}

void AddRidesCommand(CLI::App& stats, Context& ctx) {
  auto flags = std::make_shared<RidesFlags>();
  CLI::App* cmd = stats.add_subcommand(
      "rides", "Per-ride metrics (NP, IF, TSS, MMP, zones, HR...), one row per workout");
  cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)");
  auto* json = cmd->add_flag("--json", flags->json, "One JSON array (pretty on a terminal)");
  cmd->add_flag("--csv", flags->csv, "CSV with every column")->excludes(json);
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunStatsRides(ctx, *flags); }; });
}

}  // namespace

void AddStatsCommand(CLI::App& app, Context& ctx) {
  CLI::App* stats =
      app.add_subcommand("stats", "Analytics over the stored workouts (analytics.md)");
  stats->require_subcommand(1);
  AddRidesCommand(*stats, ctx);
  AddStatsHistoryCommands(*stats, ctx);
}

}  // namespace pelo::cli
