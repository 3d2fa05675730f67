// pelo stats ride ID: one stored workout in full (no network): what its dashboard page shows.
#include <iostream>

#include "commands.h"
#include "flags.h"
#include "output.h"
#include "pelo/app/json.h"
#include "pelo/app/ride.h"
#include "render.h"
#include "stats_ride_output.h"

namespace pelo::cli {
namespace {

struct RideFlags {
  std::string workout_id;
  std::string db;
  bool json = false;
};

Status RunStatsRide(const Context& ctx, const RideFlags& flags) {
  // The rule of every id argument: a typo fails as usage, not as "not stored".
  PELO_RETURN_IF_ERROR(CheckPelotonId("WORKOUT_ID", flags.workout_id));
  PELO_ASSIGN_OR_RETURN(auto store, ctx.workspace().OpenExistingStore(flags.db));
  PELO_ASSIGN_OR_RETURN(std::optional<app::RideDetail> ride,
                        app::LoadRide(*store, flags.workout_id));
  if (!ride) {
    return Status(ErrorCode::kNotFound, "no stored workout " + flags.workout_id +
                                            " (`pelo workouts` lists them, `pelo sync --workout " +
                                            flags.workout_id + "` fetches it)");
  }
  if (flags.json) {
    std::cout << app::RideJson(*ride, StdoutIsTerminal()) << "\n";
  } else {
    PrintRide(*ride, std::cout);
  }
  return FlushStdout();
}

}  // namespace

void AddStatsRideCommand(CLI::App& stats, Context& ctx) {
  auto flags = std::make_shared<RideFlags>();
  CLI::App* cmd = stats.add_subcommand(
      "ride",
      "One stored workout in full: metrics, segments, time in zones (--json: also its samples, "
      "power curve and route)");
  cmd->add_option("workout_id", flags->workout_id, "The workout's id (see `pelo workouts`)")
      ->required();
  DatabaseFlag(
      cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)"));
  cmd->add_flag("--json", flags->json, "One JSON object (pretty on a terminal)");
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunStatsRide(ctx, *flags); }; });
}

}  // namespace pelo::cli
