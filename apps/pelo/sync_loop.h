// `pelo sync --interval`: a sync now, then again and again at the interval, in the foreground
// (containers, terminals), one line per run, until SIGTERM or Ctrl-C (ADR 0028). When the next
// run comes is app::ScheduleNext's; this is the loop around it.
#pragma once

#include <chrono>
#include <functional>
#include <ostream>

#include "pelo/common/status.h"
#include "pelo/sync/sync.h"

namespace pelo::cli {

// One attempt at a sync: its result, and whether the sync itself ran (it does not when the
// database is busy or there are no credentials: then report.status says why).
struct SyncAttempt {
  sync::SyncResult report;
  bool ran = false;
};

struct SyncLoopOptions {
  std::chrono::milliseconds interval{std::chrono::hours(1)};
  bool json = false;  // each line one JSON object (app::ScheduledSyncJson), else text
};

// Runs `attempt` now, then after each delay app::ScheduleNext gives, writing one line per run
// to `out` (flushed): its UTC start, its outcome (the counts, or the error), and when the next
// one starts. Sleeps with pelo::WaitForCancel, so SIGTERM or Ctrl-C ends a wait at once, and
// a run in progress at its safe point. Returns ok when stopped so (the last line says
// "stopped", or "interrupted" for a run cut short), and the run's status when a failure needs
// a person (authentication, usage), which ends the loop too.
Status RunSyncLoop(const SyncLoopOptions& options, const std::function<SyncAttempt()>& attempt,
                   std::ostream& out);

}  // namespace pelo::cli
