// pelo stats rides: the per-ride metrics sync computed and stored (one ride in full: `pelo stats
// ride`, cmd_stats_ride.cc); pelo stats curve: the best power per duration over a date range
// from the stored ride curves (no network).
#include <iostream>

#include "commands.h"
#include "curve_output.h"
#include "flags.h"
#include "output.h"
#include "pelo/app/history.h"
#include "pelo/app/json.h"
#include "render.h"
#include "stats_output.h"

namespace pelo::cli {
namespace {

struct RidesFlags {
  std::string db;
  std::string since;
  std::string until;
  bool json = false;
  bool csv = false;
};

Status RunStatsRides(const Context& ctx, const RidesFlags& flags) {
  PELO_ASSIGN_OR_RETURN(app::DayRange range, ParseDayRange(flags.since, flags.until));
  PELO_ASSIGN_OR_RETURN(auto store, ctx.workspace().OpenExistingStore(flags.db));
  PELO_ASSIGN_OR_RETURN(auto rows, app::ListRideMetrics(*store, range));
  if (flags.json) {
    std::cout << app::RideStatsJson(rows, StdoutIsTerminal()) << "\n";
  } else if (flags.csv) {
    WriteRideStatsCsv(rows, std::cout);
  } else {
    PrintRideStatsTable(rows, std::cout);
  }
  return FlushStdout();
}

void AddRidesCommand(CLI::App& stats, Context& ctx) {
  auto flags = std::make_shared<RidesFlags>();
  CLI::App* cmd = stats.add_subcommand(
      "rides", "Per-ride metrics (NP, IF, TSS, MMP, zones, HR...), one row per workout");
  cmd->add_option("--since", flags->since, "Only rides on or after this day (YYYY-MM-DD)");
  cmd->add_option("--until", flags->until, "Only rides on or before this day (YYYY-MM-DD)");
  DatabaseFlag(
      cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)"));
  auto* json = cmd->add_flag("--json", flags->json, "One JSON array (pretty on a terminal)");
  cmd->add_flag("--csv", flags->csv, "CSV with every column")->excludes(json);
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunStatsRides(ctx, *flags); }; });
}

struct CurveFlags {
  std::string db;
  std::string since;
  std::string until;
  bool json = false;
  bool csv = false;
};

Status RunStatsCurve(const Context& ctx, const CurveFlags& flags) {
  PELO_ASSIGN_OR_RETURN(app::DayRange range, ParseDayRange(flags.since, flags.until));
  PELO_ASSIGN_OR_RETURN(auto store, ctx.workspace().OpenExistingStore(flags.db));
  PELO_ASSIGN_OR_RETURN(std::vector<app::CurvePoint> rows, app::RangeCurve(*store, range));
  if (flags.json) {
    std::cout << app::CurveJson(rows, StdoutIsTerminal()) << "\n";
  } else if (flags.csv) {
    WriteCurveCsv(rows, std::cout);
  } else {
    PrintCurveTable(rows, std::cout);
  }
  return FlushStdout();
}

void AddCurveCommand(CLI::App& stats, Context& ctx) {
  auto flags = std::make_shared<CurveFlags>();
  CLI::App* cmd = stats.add_subcommand(
      "curve",
      "Best power at each duration (1 s to 3 h) over a date range, and the ride that "
      "set it");
  cmd->add_option("--since", flags->since, "Only rides on or after this day (YYYY-MM-DD)");
  cmd->add_option("--until", flags->until, "Only rides on or before this day (YYYY-MM-DD)");
  DatabaseFlag(
      cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)"));
  auto* json = cmd->add_flag("--json", flags->json, "One JSON array (pretty on a terminal)");
  cmd->add_flag("--csv", flags->csv,
                "CSV of every duration: duration_s,watts,workout_id,date,resolution_limited")
      ->excludes(json);
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunStatsCurve(ctx, *flags); }; });
}

}  // namespace

void AddStatsCommand(CLI::App& app, Context& ctx) {
  CLI::App* stats =
      app.add_subcommand("stats", "Analytics over the stored workouts (analytics.md)");
  stats->require_subcommand(1);
  AddRidesCommand(*stats, ctx);
  AddStatsRideCommand(*stats, ctx);
  AddCurveCommand(*stats, ctx);
  AddStatsHistoryCommands(*stats, ctx);
}

}  // namespace pelo::cli
