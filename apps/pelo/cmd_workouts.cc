// pelo workouts: list what is stored (no network).
#include <unistd.h>

#include <iostream>

#include "commands.h"
#include "flags.h"
#include "output.h"
#include "pelo/app/history.h"
#include "pelo/app/json.h"
#include "pelo/export/csv.h"

namespace pelo::cli {
namespace {

struct WorkoutsFlags {
  std::string db;
  std::string since;
  std::string until;
  int limit = 0;  // 0: all
  bool json = false;
  bool csv = false;
};

Status RunWorkouts(const Context& ctx, const WorkoutsFlags& flags) {
  PELO_ASSIGN_OR_RETURN(app::DayRange range, ParseDayRange(flags.since, flags.until));
  PELO_ASSIGN_OR_RETURN(auto store, ctx.workspace().OpenExistingStore(flags.db));
  PELO_ASSIGN_OR_RETURN(auto rows,
                        app::ListWorkouts(*store, range, static_cast<size_t>(flags.limit)));
  if (flags.json) {
    std::cout << app::WorkoutsJson(rows, isatty(STDOUT_FILENO)) << "\n";
  } else if (flags.csv) {
    exporter::WriteWorkoutsCsv(rows, std::cout);
  } else {
    PrintWorkoutTable(rows, std::cout);
  }
  return FlushStdout();
}

}  // namespace

void AddWorkoutsCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<WorkoutsFlags>();
  CLI::App* cmd = app.add_subcommand("workouts", "List the stored workouts, newest first");
  DatabaseFlag(
      cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)"));
  cmd->add_option("--since", flags->since,
                  "Only workouts on or after this day (YYYY-MM-DD, the workout's local day)");
  cmd->add_option("--until", flags->until,
                  "Only workouts on or before this day (YYYY-MM-DD, the workout's local day)");
  cmd->add_option("--limit", flags->limit, "Only the N newest")->check(AtLeast(1));
  auto* json = cmd->add_flag("--json", flags->json, "One JSON array (pretty on a terminal)");
  cmd->add_flag("--csv", flags->csv, "CSV, as `pelo export workouts --format csv`")->excludes(json);
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunWorkouts(ctx, *flags); }; });
}

}  // namespace pelo::cli
