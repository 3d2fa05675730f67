#include "sync_loop.h"

#include <cstdio>
#include <random>

#include "pelo/app/json.h"
#include "pelo/app/sync_schedule.h"
#include "pelo/common/cancel.h"
#include "pelo/common/time.h"
#include "terminal_text.h"

namespace pelo::cli {
namespace {

int64_t NowEpochMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// "3 new, 0 updated, 0 failed in 2.1 s; 1204 stored".
std::string RunCounts(const sync::SyncResult& r) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f s", r.seconds);
  return std::to_string(r.added) + " new, " + std::to_string(r.updated) + " updated, " +
         std::to_string(r.failed) + " failed in " + seconds + "; " +
         std::to_string(r.stored_total) + " stored";
}

// "2026-12-08T10:00:00Z ok: 3 new, ... stored; next at 2026-12-08T11:04:12Z (in 1h4m12s)".
std::string TextLine(const SyncAttempt& attempt, const app::ScheduledRun& run) {
  const sync::SyncResult& r = attempt.report;
  std::string line = FormatIso8601Utc(run.at_epoch_s) + " ";
  const std::string error = TerminalText(r.status.ToString());
  switch (run.outcome) {
    case app::RunOutcome::kOk:
      line += "ok";
      break;
    case app::RunOutcome::kFailed:
    case app::RunOutcome::kBlocked:
      line += std::string(app::RunOutcomeName(run.outcome)) + " (" +
              std::to_string(run.failures_in_a_row) + " in a row): " + error;
      break;
    case app::RunOutcome::kBusy:
      line += "busy: " + TerminalText(r.status.message());
      break;
    case app::RunOutcome::kNeedsUser:
      line += "failed: " + error;
      break;
    case app::RunOutcome::kStopped:
      line += attempt.ran ? "interrupted" : "stopped";
      break;
  }
  if (attempt.ran) {
    const bool counts_only =
        run.outcome == app::RunOutcome::kOk || run.outcome == app::RunOutcome::kStopped;
    line += (counts_only ? ": " : "; ") + RunCounts(r);
  }
  if (run.next_at_epoch_s) {
    line += "; next at " + FormatIso8601Utc(*run.next_at_epoch_s) + " (in " +
            FormatDuration(run.next_in) + ")";
  } else if (run.outcome == app::RunOutcome::kNeedsUser) {
    line += "; stopping: this needs you";
  } else if (attempt.ran) {
    line += "; stopping";
  }
  return line;
}

void WriteLine(std::ostream& out, const SyncAttempt& attempt, const app::ScheduledRun& run,
               bool json) {
  out << (json ? app::ScheduledSyncJson(attempt.report, run) : TextLine(attempt, run)) << "\n"
      << std::flush;
}

}  // namespace

Status RunSyncLoop(const SyncLoopOptions& options, const std::function<SyncAttempt()>& attempt,
                   std::ostream& out) {
  std::mt19937_64 random{std::random_device{}()};
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  app::SchedulePolicy policy;
  policy.interval = options.interval;
  int failures = 0;
  for (;;) {
    app::ScheduledRun run;
    run.at_epoch_s = NowEpochSeconds();
    const SyncAttempt result = attempt();
    run.ran = result.ran;
    run.outcome = app::ClassifyRun(result.report.status);
    const app::NextRun next = app::ScheduleNext(policy, run.outcome, failures, uniform(random));
    failures = run.failures_in_a_row = next.failures_in_a_row;
    if (!next.stop) {
      run.next_in = next.delay;
      run.next_at_epoch_s = (NowEpochMs() + next.delay.count()) / 1000;
    }
    WriteLine(out, result, run, options.json);
    if (next.stop) {
      return run.outcome == app::RunOutcome::kStopped ? OkStatus() : result.report.status;
    }
    if (WaitForCancel(next.delay)) {
      app::ScheduledRun stopped;
      stopped.at_epoch_s = NowEpochSeconds();
      stopped.outcome = app::RunOutcome::kStopped;
      stopped.failures_in_a_row = failures;
      WriteLine(out, SyncAttempt{}, stopped, options.json);
      return OkStatus();
    }
  }
}

}  // namespace pelo::cli
