// pelo report [-o FILE] [--since DAY] [--until DAY] [--db PATH]: the HTML report of the stored
// history, one self-contained file (ADR 0022).
#include <iostream>

#include "commands.h"
#include "flags.h"
#include "pelo/report/report.h"
#include "terminal_text.h"

namespace pelo::cli {
namespace {

struct ReportFlags {
  std::string out = "pelo-report.html";
  std::string since;
  std::string until;
  std::string db;
};

Status RunReport(const Context& ctx, const ReportFlags& flags) {
  report::ReportOptions options;
  PELO_ASSIGN_OR_RETURN(options.range, ParseDayRange(flags.since, flags.until));
  PELO_ASSIGN_OR_RETURN(auto store, ctx.workspace().OpenExistingStore(flags.db));
  PELO_ASSIGN_OR_RETURN(size_t bytes, report::WriteReport(*store, options, flags.out));
  std::cerr << "Wrote " << TerminalText(flags.out) << " (" << (bytes + 512) / 1024
            << " KB): open it in any browser, offline.\n";
  return OkStatus();
}

}  // namespace

void AddReportCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<ReportFlags>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write an HTML report of your history: curve, fitness, FTP, zones, drivers, rides");
  FileValue(cmd->add_option("-o,--output", flags->out, "Output file (default pelo-report.html)"));
  cmd->add_option("--since", flags->since, "Rides and curve range from this day (YYYY-MM-DD)");
  cmd->add_option("--until", flags->until, "Rides and curve range up to this day (YYYY-MM-DD)");
  DatabaseFlag(
      cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)"));
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunReport(ctx, *flags); }; });
}

}  // namespace pelo::cli
