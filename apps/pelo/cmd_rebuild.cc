// pelo rebuild: every table written again from the archived API responses (no network).
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "commands.h"
#include "flags.h"
#include "output.h"
#include "pelo/app/json.h"
#include "pelo/sync/rebuild.h"
#include "wait_flag.h"

namespace pelo::cli {
namespace {

struct RebuildFlags {
  std::string db;
  bool json = false;
  bool quiet = false;
  std::string wait = kDefaultWait;
};

// 500100 -> "500,100".
std::string Thousands(int64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Format(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

// "Rebuilt 300 workouts (500,100 samples) from 24.1 MB of archived JSON in 1.9 s (12.7 MB/s,
// 263k samples/s)".
std::string Summary(const sync::RebuildResult& r) {
  const double mb = static_cast<double>(r.json_bytes) / 1e6;
  const double seconds = r.seconds > 0 ? r.seconds : 1e-9;
  std::string text =
      "Rebuilt " + Thousands(r.workouts) + " workout" + (r.workouts == 1 ? "" : "s") + " (" +
      Thousands(r.samples) + " samples) from " + Format("%.1f", mb) + " MB of archived JSON in " +
      Format("%.1f", r.seconds) + " s (" + Format("%.1f", mb / seconds) + " MB/s, " +
      Format("%.0f", static_cast<double>(r.samples) / seconds / 1e3) + "k samples/s)";
  if (r.skipped > 0) {
    text += "; " + Thousands(r.skipped) + " skipped (no performance graph or workout archived)";
  }
  if (r.ftp_changed > 0) {
    text += "; " + Thousands(r.ftp_changed) + " ride" + (r.ftp_changed == 1 ? "" : "s") +
            " recomputed with the FTP of their history";
  }
  return text;
}

Status RunRebuild(const Context& ctx, const RebuildFlags& flags) {
  // A missing database is an error, and none is created; a sync writing it is waited for.
  PELO_ASSIGN_OR_RETURN(app::LockOptions lock,
                        WaitingLock("rebuild", flags.wait, ctx.workspace().DbPath(flags.db)));
  auto db = ctx.workspace().OpenStoreToRebuild(flags.db, lock);
  if (!db.ok()) return WithWaitHint(db.status());
  store::Store* store = db->store.get();
  sync::RebuildOptions options;
  PELO_ASSIGN_OR_RETURN(options.athlete, ctx.workspace().LoadAthleteSettings());  // `pelo config`
  const bool tty = !flags.quiet && !flags.json && isatty(STDERR_FILENO);
  if (tty) {
    options.on_progress = [](int64_t done) {
      if (done % 50 == 0) std::cerr << "\rrebuilding: " << done << " workouts" << std::flush;
    };
  }
  auto report = sync::Rebuild(*store, options);
  if (tty) std::cerr << "\r\033[K" << std::flush;
  if (!report.ok()) return report.status();
  if (flags.json) {
    std::cout << app::RebuildResultJson(*report) << "\n";
  } else if (!flags.quiet) {
    std::cout << Summary(*report) << "\n";
  }
  return FlushStdout();
}

}  // namespace

void AddRebuildCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<RebuildFlags>();
  CLI::App* cmd = app.add_subcommand(
      "rebuild", "Rebuild every table from the archived API responses (no network)");
  DatabaseFlag(
      cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)"));
  auto* json = cmd->add_flag("--json", flags->json,
                             "One JSON object: workouts, samples, json_bytes, skipped, recomputed, "
                             "ftp_changed, seconds");
  cmd->add_flag("--quiet", flags->quiet, "Print nothing on success")->excludes(json);
  AddWaitOption(cmd, flags->wait);
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunRebuild(ctx, *flags); }; });
}

}  // namespace pelo::cli
