// Sync: everything the API has that the store lacks, fetched concurrently and written workout
// by workout, each in its own transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pelo/analytics/ride_input.h"
#include "pelo/common/status.h"
#include "pelo/http/transport.h"
#include "pelo/peloton/api/client.h"
#include "pelo/store/store.h"

namespace pelo::sync {

struct Progress {
  int64_t listed = 0;         // list entries seen so far
  int64_t to_fetch = 0;       // workouts queued for fetching so far
  int64_t stored = 0;         // new + updated so far
  int64_t failed = 0;         // workouts given up on so far
  bool listing_done = false;  // to_fetch is final
  int64_t requests = 0;       // HTTP requests so far (0 without counters)
  double seconds = 0;         // since the run started
};

struct Options {
  int every_n = 1;      // performance-graph resolution in seconds (1 = full resolution)
  int page_size = 100;  // workouts per list page (the API's maximum)
  int jobs = 4;         // workouts fetched at the same time
  bool full = false;    // fetch every listed workout again, stored or not
  // List every page and fetch nothing: stored workouts missing from the list are flagged as
  // deleted on Peloton (kept), and flags of listed ones cleared.
  bool reconcile = false;
  std::optional<int64_t> since;          // only workouts created at or after (epoch s)
  std::optional<int64_t> last;           // only the N newest workouts
  std::vector<std::string> workout_ids;  // only these (no listing); fetched even when stored
  std::string discipline;                // only this fitness_discipline ("cycling"), or all
  // Where the client's requests are counted (requests and bytes in the report); may be null.
  std::shared_ptr<const http::TransportCounters> counters;
  // The athlete's own heart-rate values and sex (`pelo config`), over /api/me's, for the
  // per-ride metrics; a change recomputes every stored row (sync::RefreshRideMetrics).
  analytics::AthleteSettings athlete;
  // Called on the calling thread: after each page listed and each workout stored or failed.
  std::function<void(const Progress&)> on_progress;
};

struct SyncResult {
  Status status;  // ok, or why the run stopped or what failed (kCancelled on Ctrl-C)
  std::string user_id;
  std::string username;
  int64_t listed = 0;       // list entries seen
  int64_t added = 0;        // workouts stored for the first time ("new")
  int64_t updated = 0;      // workouts stored again (--full, --workout, completed in-progress ones)
  int64_t skipped = 0;      // listed but not fetched: already stored, filtered out, or in progress
  int64_t pending = 0;      // in progress: fetched again by a later sync
  int64_t failed = 0;       // workouts that could not be fetched or stored, and class plans that
                            // could not be fetched (their workouts are stored)
  int64_t class_plans = 0;  // class plans fetched and stored (one per strength class)
  int64_t deleted = 0;      // --reconcile: stored workouts no longer on Peloton
  int64_t restored = 0;     // --reconcile: flagged workouts listed again
  int64_t stored_total = 0;  // workouts in the store after the run
  // The refresh after a successful run (sync::RefreshRideMetrics): stored workouts whose
  // metrics were computed again, of them those whose FTP in effect changed, and those whose
  // archive could not give them.
  int64_t metrics_recomputed = 0;
  int64_t ftp_changed = 0;
  int64_t metrics_unavailable = 0;
  // The database's derived rows predated what this pelo derives (kArchiveRowsVersion): they
  // were rebuilt from the archive (sync::Rebuild) before anything was fetched.
  bool rebuilt = false;
  int64_t requests = 0;  // HTTP requests (retries and token refreshes included)
  int64_t bytes = 0;     // response bytes received
  double seconds = 0;
};

// Syncs the signed-in user's history into `store`.
//  - Incremental: a run lists pages newest first and stops at the first page that reaches the
//    newest workout of the last complete run; with nothing new that is /api/me plus one page.
//  - Concurrent: `jobs` workers fetch (detail when the list entry lacks what pelo needs, then
//    the performance graph; for a strength workout, its class's plan once per class) while the
//    calling thread stores, one transaction per workout (and per class plan).
//  - Resumable: killed at any point, nothing stored is lost or duplicated, and the next run
//    ends with the database an uninterrupted run makes.
//  - Current: each workout's metrics and curve are computed as it is stored, and a successful
//    run ends with sync::RefreshRideMetrics (what a new FTP test, metric version or athlete
//    setting changes is computed again from the archive). A database whose derived rows predate
//    this pelo's (kArchiveRowsVersion) is rebuilt from the archive once, first; and an unfiltered
//    run fetches, after what is new, what stored strength workouts lack (ADR 0024): the detail
//    of those stored from their list entry, the plan of their classes (a failed plan is a
//    failure of the run, and tried again by the next).
// Cancelled with pelo::RequestCancel(): stops fetching, stores what was already fetched, and
// reports kCancelled. Per-workout failures do not stop the run; they are counted, and the
// first one is the report's status. Those no other request would get past do stop it, keeping
// what was stored: an authentication failure (kUnauthenticated), and HTML pages in place of
// JSON after every retry (api::IsHtmlPageError: Cloudflare blocking or challenging pelo).
SyncResult Run(api::Client& client, store::Store& store, const Options& options);

}  // namespace pelo::sync
