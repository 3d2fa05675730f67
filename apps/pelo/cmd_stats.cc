// pelo stats rides: the per-ride metrics sync computed and stored; pelo stats curve: the best
// power per duration over a date range from the stored ride curves (no network).
#include <iostream>
#include <optional>

#include "commands.h"
#include "curve_output.h"
#include "flags.h"
#include "output.h"
#include "pelo/analytics/best_curve.h"
#include "pelo/analytics/ride_day.h"
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
  PELO_ASSIGN_OR_RETURN(DayRange range, ParseDayRange(flags.since, flags.until));
  PELO_ASSIGN_OR_RETURN(auto store, ctx.OpenStore(flags.db));
  PELO_ASSIGN_OR_RETURN(auto rows, store->RideMetricsRows());
  if (range.since || range.until) {
    std::erase_if(rows, [&range](const model::RideMetricsListing& row) {
      if (!row.start_time) return true;  // undated: in no range
      const analytics::DayNumber day = analytics::RideDay(*row.start_time, row.timezone);
      return (range.since && day < *range.since) || (range.until && day > *range.until);
    });
  }
  if (flags.json) {
    std::cout << RideStatsJson(rows, StdoutIsTerminal()) << "\n";
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
  cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)");
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

// The best of the stored curves of the rides whose day is in [since, until].
StatusOr<std::vector<CurveRow>> RangeCurve(store::Store& store,
                                           std::optional<analytics::DayNumber> since,
                                           std::optional<analytics::DayNumber> until) {
  struct Ride {
    std::string workout_id;
    std::string date;
  };
  std::vector<Ride> rides;
  analytics::BestCurve best;
  PELO_RETURN_IF_ERROR(store.ForEachRideCurve([&](const model::RideCurveListing& c) -> Status {
    std::optional<analytics::DayNumber> day;
    if (c.start_time) day = analytics::RideDay(*c.start_time, c.timezone);
    if ((since || until) && !day) return OkStatus();  // undated: in no range
    if ((since && *day < *since) || (until && *day > *until)) return OkStatus();
    rides.push_back({c.workout_id, day ? analytics::FormatDay(*day) : ""});
    best.Add(c.watts, c.every_n);  // oldest first: a tie names the earliest ride
    return OkStatus();
  }));
  std::vector<CurveRow> rows;
  for (const analytics::BestCurvePoint& p : best.Points()) {
    const Ride& ride = rides[p.ride];
    rows.push_back({p.duration_s, p.watts, ride.workout_id, ride.date, p.resolution_limited});
  }
  return rows;
}

Status RunStatsCurve(const Context& ctx, const CurveFlags& flags) {
  PELO_ASSIGN_OR_RETURN(DayRange range, ParseDayRange(flags.since, flags.until));
  PELO_ASSIGN_OR_RETURN(auto store, ctx.OpenStore(flags.db));
  PELO_ASSIGN_OR_RETURN(std::vector<CurveRow> rows, RangeCurve(*store, range.since, range.until));
  if (flags.json) {
    std::cout << CurveJson(rows, StdoutIsTerminal()) << "\n";
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
  cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)");
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
  AddCurveCommand(*stats, ctx);
  AddStatsHistoryCommands(*stats, ctx);
}

}  // namespace pelo::cli
