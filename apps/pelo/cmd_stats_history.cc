// pelo stats fitness | ftp | zones | drivers: the across-ride analytics (analytics.md §3-§5)
// over the stored per-ride metrics (no network).
#include <iostream>

#include "commands.h"
#include "flags.h"
#include "output.h"
#include "pelo/app/history.h"
#include "pelo/insights/drivers.h"
#include "pelo/insights/fitness.h"
#include "render.h"
#include "stats_drivers_output.h"
#include "stats_history_output.h"

namespace pelo::cli {
namespace {

using analytics::DayNumber;

// The table shows the last 8 weeks unless --since says otherwise (--csv/--json: every day).
constexpr int kFitnessTableDays = 56;

struct CommonFlags {
  std::string db;
  bool json = false;
  bool csv = false;

  StatsFormat Format() const {
    return json ? StatsFormat::kJson : csv ? StatsFormat::kCsv : StatsFormat::kTable;
  }
};

void AddCommonFlags(CLI::App* cmd, CommonFlags& flags) {
  DatabaseFlag(
      cmd->add_option("--db", flags.db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)"));
  auto* json = cmd->add_flag("--json", flags.json, "JSON (pretty on a terminal)");
  cmd->add_flag("--csv", flags.csv, "CSV with every column")->excludes(json);
}

// The stored history of the database of --db, with today in the rider's zone.
StatusOr<app::LoadedHistory> Load(const Context& ctx, const std::string& db,
                                  bool with_curves = false) {
  PELO_ASSIGN_OR_RETURN(auto store, ctx.workspace().OpenExistingStore(db));
  return app::LoadHistory(*store, with_curves);
}

struct FitnessFlags : CommonFlags {
  std::string since, until;
  bool tp = false;
};

Status RunFitness(const Context& ctx, const FitnessFlags& flags) {
  PELO_ASSIGN_OR_RETURN(app::DayRange range, ParseDayRange(flags.since, flags.until));
  PELO_ASSIGN_OR_RETURN(app::LoadedHistory data, Load(ctx, flags.db));
  insights::FitnessOptions options;
  options.today = data.today;
  options.since = range.since;
  options.until = range.until;
  if (flags.tp) options.variant = analytics::PmcVariant::kTrainingPeaks;
  const StatsFormat format = flags.Format();
  if (format == StatsFormat::kTable && !options.since) {
    options.since = options.until.value_or(data.today) - (kFitnessTableDays - 1);
  }
  PrintFitness(insights::FitnessSeries(data.history, options), format, StdoutIsTerminal(),
               std::cout);
  return FlushStdout();
}

Status RunFtp(const Context& ctx, const CommonFlags& flags) {
  PELO_ASSIGN_OR_RETURN(app::LoadedHistory data, Load(ctx, flags.db));
  PrintFtpReport(insights::BuildFtpSummary(data.history, data.today), data.history, flags.Format(),
                 StdoutIsTerminal(), std::cout);
  return FlushStdout();
}

struct ZonesFlags : CommonFlags {
  std::string by = "week";
};

Status RunZones(const Context& ctx, const ZonesFlags& flags) {
  const auto period =
      flags.by == "month" ? insights::ZonePeriod::kMonth : insights::ZonePeriod::kWeek;
  PELO_ASSIGN_OR_RETURN(app::LoadedHistory data, Load(ctx, flags.db));
  PrintZones(insights::ZonesByPeriod(data.rows, period), period, flags.Format(), StdoutIsTerminal(),
             std::cout);
  return FlushStdout();
}

struct DriversFlags : CommonFlags {
  bool weeks = false;
  int block_weeks = 4;
  bool relative = false;
};

Status RunDrivers(const Context& ctx, const DriversFlags& flags) {
  PELO_ASSIGN_OR_RETURN(app::LoadedHistory data, Load(ctx, flags.db, /*with_curves=*/true));
  analytics::DriversOptions options;
  options.block_weeks = flags.block_weeks;
  options.relative_change = flags.relative;
  if (flags.weeks) {
    analytics::WeeklyOptions weekly;
    PrintWeeklyFeatures(analytics::BuildWeeklyFeatures(data.history.Summaries(), weekly),
                        flags.Format(), StdoutIsTerminal(), std::cout);
    return FlushStdout();
  }
  PrintDrivers(insights::AnalyzeHistory(data.history, options), options, flags.Format(),
               StdoutIsTerminal(), std::cout);
  return FlushStdout();
}

}  // namespace

void AddStatsHistoryCommands(CLI::App& stats, Context& ctx) {
  {
    auto flags = std::make_shared<FitnessFlags>();
    CLI::App* cmd = stats.add_subcommand(
        "fitness", "Daily fitness (CTL), fatigue (ATL), form (TSB) and ramp rate from ride TSS");
    AddCommonFlags(cmd, *flags);
    cmd->add_option("--since", flags->since,
                    "First day shown, YYYY-MM-DD (table default: the last 8 weeks)");
    cmd->add_option("--until", flags->until, "Last day, YYYY-MM-DD (default: today)");
    cmd->add_flag("--tp", flags->tp, "TrainingPeaks' 1/days form instead of GoldenCheetah's");
    cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunFitness(ctx, *flags); }; });
  }
  {
    auto flags = std::make_shared<CommonFlags>();
    CLI::App* cmd = stats.add_subcommand(
        "ftp", "FTP history (set, tested, estimated), today's eFTP42 and its trend");
    AddCommonFlags(cmd, *flags);
    cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunFtp(ctx, *flags); }; });
  }
  {
    auto flags = std::make_shared<ZonesFlags>();
    CLI::App* cmd =
        stats.add_subcommand("zones", "Time in power and heart-rate zones per week or month");
    AddCommonFlags(cmd, *flags);
    OneOf(cmd->add_option("--by", flags->by, "week (default) or month"), {"week", "month"});
    cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunZones(ctx, *flags); }; });
  }
  {
    auto flags = std::make_shared<DriversFlags>();
    CLI::App* cmd = stats.add_subcommand(
        "drivers", "Which training went with later FTP gains, with effect sizes and intervals");
    AddCommonFlags(cmd, *flags);
    cmd->add_flag("--weeks", flags->weeks, "The weekly feature table instead (analytics.md §5.2)");
    cmd->add_option("--block-weeks", flags->block_weeks, "Weeks per block (default 4)")
        ->check(CLI::Range(2, 13));
    cmd->add_flag("--relative", flags->relative, "Gains in % of eFTP42 instead of watts");
    cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunDrivers(ctx, *flags); }; });
  }
}

}  // namespace pelo::cli
