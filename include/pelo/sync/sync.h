// Sync: everything the API has that the store lacks, written workout by workout in transactions.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "pelo/api/client.h"
#include "pelo/common/status.h"
#include "pelo/store/store.h"

namespace pelo::sync {

struct Progress {
  int64_t done = 0;   // new workouts stored so far in this run
  int64_t total = 0;  // new workouts found to store in this run
};

struct Options {
  int every_n = 1;      // performance-graph resolution in seconds (1 = full resolution)
  int page_size = 100;  // workouts per list page (the API's maximum)
  std::function<void(const Progress&)> on_progress;  // called after each stored workout
};

struct Report {
  std::string user_id;
  std::string username;
  int64_t listed = 0;        // workouts seen in the list
  int64_t added = 0;         // newly stored this run
  int64_t skipped = 0;       // not stored: not COMPLETE (in progress)
  int64_t stored_total = 0;  // workouts in the store after the run
  int requests = 0;          // API requests made
};

// Syncs the signed-in user's history into `store`. Incremental: a later run fetches only what
// is new. Resumable: killed at any point, nothing stored is lost or duplicated and the next run
// carries on (until one run has seen the whole history, every run lists all pages).
// Returns kCancelled (with what was stored kept) when pelo::RequestCancel() was called.
StatusOr<Report> Run(api::Client& client, store::Store& store, const Options& options);

}  // namespace pelo::sync
