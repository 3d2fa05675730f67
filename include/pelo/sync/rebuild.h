// Rebuild: every table derived from the archive written again from it, with no network.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "pelo/analytics/ride_input.h"
#include "pelo/common/status.h"
#include "pelo/store/store.h"

namespace pelo::sync {

// The sync_state key recording which version of the rows derived from the archive the database
// holds, and this pelo's version: 1 adds tracked movements, target blocks and class plans
// (schema v6). Rebuild records it; sync::Run rebuilds a database whose record is older or
// missing once, before it fetches (ADR 0024).
inline constexpr const char* kArchiveRowsVersionKey = "archive_rows_version";
inline constexpr int kArchiveRowsVersion = 1;

struct RebuildOptions {
  std::function<void(int64_t workouts_written)> on_progress;  // after each workout, same thread
  analytics::AthleteSettings athlete;                         // as sync::Options::athlete
  // When set, a rebuild that would write fewer workouts than this (some stored workout's
  // archive is missing or no longer parses) fails with kStorage and changes nothing: what
  // sync::Run asks of the rebuild it starts on its own.
  std::optional<int64_t> at_least_workouts;
};

struct RebuildResult {
  int64_t workouts = 0;     // workouts written
  int64_t class_plans = 0;  // class plans written (archived ride details)
  int64_t samples = 0;      // sample rows written
  int64_t json_bytes = 0;   // decompressed archived JSON parsed
  int64_t skipped = 0;      // workouts archived without a graph, or without a detail or list
                            // entry, or whose responses do not parse: not written
  // The refresh after the rebuild (sync::RefreshRideMetrics): rides whose FTP in effect comes
  // from their history (§3.1), computed again with it.
  int64_t metrics_recomputed = 0;
  int64_t ftp_changed = 0;
  double seconds = 0;  // wall time of the whole rebuild
};

// Replaces the user, instructors, rides, workouts and all their rows, and the class plans, with
// what the archived responses give, exactly as sync stored them (timestamps aside), in one
// transaction: any error or an interruption (pelo::RequestCancel: kCancelled) leaves the
// database as it was. Reads, decompresses, parses and computes the per-ride metrics (with the
// archived /api/me) on a worker thread while this one writes. Per workout it uses the detail if
// archived, else the list entry, and the graph with the smallest every_n; per class, its
// archived ride details. Then, the rows committed, records kArchiveRowsVersion and runs
// sync::RefreshRideMetrics for what depends on the whole history (the FTP chain of §3.1).
StatusOr<RebuildResult> Rebuild(store::Store& store, const RebuildOptions& options = {});

}  // namespace pelo::sync
