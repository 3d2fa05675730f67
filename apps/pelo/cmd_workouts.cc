// pelo workouts: list what is stored (no network).
#include <unistd.h>

#include <iostream>

#include "commands.h"
#include "output.h"
#include "pelo/export/csv.h"

namespace pelo::cli {
namespace {

struct WorkoutsFlags {
  std::string db;
  bool json = false;
  bool csv = false;
};

Status RunWorkouts(const Context& ctx, const WorkoutsFlags& flags) {
  PELO_ASSIGN_OR_RETURN(auto store, ctx.OpenStore(flags.db));
  PELO_ASSIGN_OR_RETURN(auto rows, store->WorkoutRows());
  if (flags.json) {
    std::cout << WorkoutsJson(rows, isatty(STDOUT_FILENO)) << "\n";
  } else if (flags.csv) {
    exporter::WriteWorkoutsCsv(rows, std::cout);
  } else {
    PrintWorkoutTable(rows, std::cout);
  }
  if (!std::cout.flush()) return Status(ErrorCode::kUnknown, "cannot write to standard output");
  return OkStatus();
}

}  // namespace

void AddWorkoutsCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<WorkoutsFlags>();
  CLI::App* cmd = app.add_subcommand("workouts", "List the stored workouts, newest first");
  cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)");
  auto* json = cmd->add_flag("--json", flags->json, "One JSON array (pretty on a terminal)");
  cmd->add_flag("--csv", flags->csv, "CSV, as `pelo export workouts --format csv`")->excludes(json);
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunWorkouts(ctx, *flags); }; });
}

}  // namespace pelo::cli
