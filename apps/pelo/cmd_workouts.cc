// pelo workouts: list what is stored (no network).
#include <unistd.h>

#include <iostream>

#include "commands.h"
#include "flags.h"
#include "output.h"
#include "pelo/analytics/ride_day.h"
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
  PELO_ASSIGN_OR_RETURN(DayRange range, ParseDayRange(flags.since, flags.until));
  PELO_ASSIGN_OR_RETURN(auto store, ctx.OpenStore(flags.db));
  PELO_ASSIGN_OR_RETURN(auto rows, store->WorkoutRows());
  if (range.since || range.until) {
    // Days in UTC, as the table shows the start times.
    std::erase_if(rows, [&range](const model::WorkoutRow& row) {
      if (!row.start_time) return true;  // undated: in no range
      const analytics::DayNumber day = analytics::RideDay(*row.start_time, "UTC");
      return (range.since && day < *range.since) || (range.until && day > *range.until);
    });
  }
  if (flags.limit > 0 && rows.size() > static_cast<size_t>(flags.limit)) rows.resize(flags.limit);
  if (flags.json) {
    std::cout << WorkoutsJson(rows, isatty(STDOUT_FILENO)) << "\n";
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
  cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)");
  cmd->add_option("--since", flags->since, "Only workouts on or after this day (YYYY-MM-DD, UTC)");
  cmd->add_option("--until", flags->until, "Only workouts on or before this day (YYYY-MM-DD, UTC)");
  cmd->add_option("--limit", flags->limit, "Only the N newest")->check(AtLeast(1));
  auto* json = cmd->add_flag("--json", flags->json, "One JSON array (pretty on a terminal)");
  cmd->add_flag("--csv", flags->csv, "CSV, as `pelo export workouts --format csv`")->excludes(json);
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunWorkouts(ctx, *flags); }; });
}

}  // namespace pelo::cli
