// pelo sync: fetch everything new into the local database, concurrently and politely; with
// --interval, again and again (sync_loop.h). One sync per database at a time (its lock).
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <optional>

#include "commands.h"
#include "flags.h"
#include "lookup.h"
#include "pelo/app/json.h"
#include "pelo/common/time.h"
#include "pelo/model/discipline.h"
#include "pelo/sync/sync.h"
#include "sync_loop.h"
#include "sync_progress.h"
#include "terminal_text.h"
#include "wait_flag.h"

namespace pelo::cli {
namespace {

// Polite by default: Peloton's API is unofficial, and 10 requests a second still syncs 1,000
// workouts in about three minutes. A simulator on this machine gets no cap unless asked.
constexpr double kDefaultRate = 10;

struct SyncFlags {
  std::string db;
  int every_n = 1;
  int jobs = 4;
  std::optional<double> rate;  // unset: kDefaultRate, or no cap for a server on loopback
  double timeout_s = 30;       // per request, each try
  std::string since;
  int64_t last = 0;
  std::vector<std::string> workouts;
  bool full = false;
  std::string discipline;
  bool reconcile = false;
  bool quiet = false;
  bool json = false;
  std::string interval;  // empty: sync once
  std::string wait = kDefaultWait;
};

std::string Megabytes(int64_t bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buffer;
}

std::string Seconds(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f s", seconds);
  return buffer;
}

std::string Plural(int64_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void PrintSummary(const sync::SyncResult& r, const std::string& db_path, bool reconcile) {
  if (reconcile) {
    std::cout << "Reconciled " << Plural(r.listed, "listed workout") << " for "
              << TerminalText(r.username) << ": " << r.deleted << " stored workout"
              << (r.deleted == 1 ? " is" : "s are")
              << " no longer on Peloton (kept, flagged deleted)";
    if (r.restored) std::cout << ", " << r.restored << " came back";
    if (r.skipped) std::cout << "; " << r.skipped << " on Peloton not synced yet";
    std::cout << "\n";
    return;
  }
  if (r.status.code() == ErrorCode::kCancelled) {
    std::cout << "Interrupted: saved " << Plural(r.added + r.updated, "workout")
              << " before stopping; " << TerminalText(db_path) << " holds " << r.stored_total
              << ". Run `pelo sync` again to carry on.\n";
    return;
  }
  std::cout << "Synced " << r.added << " new";
  if (r.updated) std::cout << " and " << r.updated << " updated";
  std::cout << " workout" << (r.added + r.updated == 1 ? "" : "s") << " for "
            << TerminalText(r.username) << " (" << r.listed << " listed";
  if (r.pending) std::cout << ", " << r.pending << " in progress for later";
  if (r.failed) std::cout << ", " << r.failed << " failed";
  std::cout << ") in " << Seconds(r.seconds) << ": " << Plural(r.requests, "request") << ", "
            << Megabytes(r.bytes) << "; " << TerminalText(db_path) << " holds " << r.stored_total
            << " workouts\n";
  if (r.metrics_recomputed > 0) {
    std::cout << "Recomputed the metrics of " << Plural(r.metrics_recomputed, "workout");
    if (r.ftp_changed) std::cout << " (" << r.ftp_changed << " with another FTP in effect)";
    std::cout << "\n";
  }
}

// Everything a sync needs before it starts: its options, the connection, the database locked.
struct ReadyToSync {
  sync::Options options;
  app::Connection conn;
  app::LockedStore db;
};

StatusOr<ReadyToSync> PrepareSync(const Context& ctx, const SyncFlags& flags) {
  ReadyToSync ready;
  sync::Options& options = ready.options;
  const app::Workspace workspace = ctx.workspace();
  PELO_ASSIGN_OR_RETURN(options.athlete, workspace.LoadAthleteSettings());  // pelo config
  options.every_n = flags.every_n;
  options.jobs = flags.jobs;
  options.full = flags.full;
  options.reconcile = flags.reconcile;
  options.discipline = model::ApiDiscipline(flags.discipline);  // "rowing" is "caesar"
  for (const std::string& id : flags.workouts)
    PELO_RETURN_IF_ERROR(CheckPelotonId("--workout", id));
  options.workout_ids = flags.workouts;
  if (flags.last > 0) options.last = flags.last;
  if (!flags.since.empty()) {
    PELO_ASSIGN_OR_RETURN(int64_t since, ParseDateArgument("--since", flags.since));
    options.since = since;
  }
  app::TransportTuning tuning;
  if (flags.rate) {
    tuning.max_requests_per_second = *flags.rate;
  } else {
    PELO_ASSIGN_OR_RETURN(auth::Endpoints endpoints, workspace.Endpoints());
    tuning.max_requests_per_second = http::IsLoopbackUrl(endpoints.api_url) ? 0 : kDefaultRate;
  }
  tuning.request_timeout =
      std::chrono::milliseconds(static_cast<int64_t>(std::ceil(flags.timeout_s * 1000)));
  tuning.counters = std::make_shared<http::TransportCounters>();
  options.counters = tuning.counters;

  PELO_ASSIGN_OR_RETURN(ready.conn, app::Connect(workspace, tuning));
  PELO_ASSIGN_OR_RETURN(app::LockOptions lock,
                        WaitingLock("sync", flags.wait, workspace.DbPath(flags.db)));
  auto db = workspace.OpenStoreForSync(flags.db, lock);
  if (!db.ok()) return WithWaitHint(db.status());
  ready.db = std::move(*db);
  // Another sync ran meanwhile: the tokens it refreshed are in the file now, not in ours.
  if (ready.db.lock.waited()) {
    PELO_ASSIGN_OR_RETURN(ready.conn, app::Connect(workspace, tuning));
  }
  return ready;
}

// One sync: prepared, then run (with `on_progress`, if any).
SyncAttempt SyncOnce(const Context& ctx, const SyncFlags& flags,
                     std::function<void(const sync::Progress&)> on_progress = nullptr) {
  SyncAttempt attempt;
  StatusOr<ReadyToSync> ready = PrepareSync(ctx, flags);
  if (!ready.ok()) {
    attempt.report.status = ready.status();
    return attempt;
  }
  ready->options.on_progress = std::move(on_progress);
  attempt.report = sync::Run(*ready->conn.client, *ready->db.store, ready->options);
  attempt.ran = true;
  return attempt;
}

// --interval: at least a second, at most a week; against a server elsewhere (Peloton), at least
// five minutes (app/sync_schedule.h).
StatusOr<std::chrono::seconds> ParseInterval(const Context& ctx, const std::string& text) {
  PELO_ASSIGN_OR_RETURN(
      std::chrono::seconds interval,
      ParseDurationFlag("--interval", text, app::kShortestInterval, app::kLongestInterval));
  PELO_ASSIGN_OR_RETURN(auth::Endpoints endpoints, ctx.workspace().Endpoints());
  if (interval < app::kShortestRemoteInterval && !http::IsLoopbackUrl(endpoints.api_url)) {
    return Status(ErrorCode::kInvalidArgument,
                  "--interval: must be at least " + FormatDuration(app::kShortestRemoteInterval) +
                      " against " + endpoints.api_url + ", got " + text +
                      " (shorter ones are for a server on this machine, such as pelo-sim)");
  }
  return interval;
}

Status RunSync(const Context& ctx, const SyncFlags& flags) {
  // A bad --wait is a usage error before anything else, once or in a loop.
  PELO_RETURN_IF_ERROR(WaitingLock("sync", flags.wait, "").status());
  if (!flags.interval.empty()) {
    PELO_ASSIGN_OR_RETURN(std::chrono::seconds interval, ParseInterval(ctx, flags.interval));
    SyncLoopOptions loop;
    loop.interval = interval;
    loop.json = flags.json;
    return RunSyncLoop(
        loop, [&] { return SyncOnce(ctx, flags); }, std::cout);
  }
  SyncProgressPrinter printer(std::cerr, isatty(STDERR_FILENO) != 0);
  std::function<void(const sync::Progress&)> on_progress;
  if (!flags.quiet) on_progress = [&printer](const sync::Progress& p) { printer.Update(p); };
  const SyncAttempt attempt = SyncOnce(ctx, flags, on_progress);
  printer.Finish();
  const sync::SyncResult& report = attempt.report;
  if (!attempt.ran) return report.status;
  if (flags.json) {
    std::cout << app::SyncResultJson(report, flags.reconcile) << "\n";
  } else if (report.status.ok() || report.status.code() == ErrorCode::kCancelled ||
             report.added + report.updated > 0) {
    PrintSummary(report, ctx.workspace().DbPath(flags.db), flags.reconcile);
  }
  return report.status;
}

}  // namespace

void AddSyncCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<SyncFlags>();
  CLI::App* cmd = app.add_subcommand("sync", "Fetch new workouts into the local database");
  DatabaseFlag(
      cmd->add_option("--db", flags->db, "Database file (default $XDG_DATA_HOME/pelo/pelo.db)"));
  cmd->add_option("--every-n", flags->every_n,
                  "Performance-graph resolution in seconds (default 1: full resolution)")
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--jobs,-j", flags->jobs, "Workouts fetched at the same time (default 4)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--rate", flags->rate,
                  "At most this many requests per second (default 10, none for a server on "
                  "this machine; 0: no cap)")
      ->check(CLI::Range(0.0, 1000.0));
  cmd->add_option("--timeout", flags->timeout_s,
                  "Seconds to wait for each answer before trying again (default 30)")
      ->check(CLI::Range(0.05, 3600.0));
  cmd->add_option("--since", flags->since,
                  "Only workouts from this date on (YYYY-MM-DD, UTC, or epoch seconds)");
  cmd->add_option("--last", flags->last, "Only the N newest workouts")->check(AtLeast(1));
  cmd->add_option("--workout", flags->workouts,
                  "Fetch this workout (by id), stored or not; repeatable");
  cmd->add_flag("--full", flags->full, "Fetch every workout again, stored or not");
  Suggest(cmd->add_option(
              "--discipline", flags->discipline,
              "Only workouts of this fitness discipline (cycling, running, rowing, strength...)"),
          Disciplines());
  cmd->add_flag("--reconcile", flags->reconcile,
                "List everything, fetch nothing, and flag stored workouts deleted on Peloton");
  cmd->add_flag("--quiet,-q", flags->quiet, "No progress output");
  cmd->add_flag("--json", flags->json,
                "Print one JSON object: requests, bytes, new, updated, skipped, failed, seconds, "
                "recomputed, ftp_changed... (with --interval, one per run)");
  AddWaitOption(cmd, flags->wait);
  CLI::Option* interval =
      cmd->add_option("--interval", flags->interval,
                      "Sync again and again, this long apart (90s, 15m, 1h30m, 1d; at least 5m "
                      "against Peloton), one line per run, until SIGTERM or Ctrl-C")
          ->type_name("DURATION");
  // The loop is the incremental sync; a selection or a full fetch is a one-off.
  for (const char* once :
       {"--since", "--last", "--workout", "--full", "--discipline", "--reconcile"}) {
    interval->excludes(cmd->get_option(once));
  }
  cmd->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunSync(ctx, *flags); }; });
}

}  // namespace pelo::cli
