#include "pelo/sync/sync.h"

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "pelo/common/cancel.h"

namespace pelo::sync {
namespace {

constexpr const char* kBackfillKeyPrefix = "backfill_complete:";

struct Listing {
  std::vector<std::string> new_ids;  // newest first
  int64_t listed = 0;
  int64_t skipped = 0;
};

// Pages through the workout list. Once a full history has been stored (`backfill_complete`),
// it stops at the first page that reaches a workout already stored.
StatusOr<Listing> ListNew(api::Client& client, const std::string& user_id,
                          const std::unordered_set<std::string>& known, bool backfill_complete,
                          const Options& options, Report& report) {
  Listing listing;
  for (int page = 0;; ++page) {
    if (CancelRequested()) return Status(ErrorCode::kCancelled, "sync interrupted");
    PELO_ASSIGN_OR_RETURN(auto fetched, client.Workouts(user_id, page, options.page_size));
    ++report.requests;
    bool reached_known = false;
    for (const model::Workout& w : fetched.value.data) {
      ++listing.listed;
      if (known.count(w.id)) {
        reached_known = true;
      } else if (w.status != "COMPLETE") {
        ++listing.skipped;
      } else {
        listing.new_ids.push_back(w.id);
      }
    }
    if (!fetched.value.show_next || fetched.value.data.empty()) break;
    if (backfill_complete && reached_known) break;
  }
  return listing;
}

// Fetches one workout's detail and graph and stores them in one transaction.
Status FetchAndStore(api::Client& client, store::Store& store, const std::string& workout_id,
                     const Options& options, Report& report) {
  PELO_ASSIGN_OR_RETURN(auto detail, client.Workout(workout_id));
  PELO_ASSIGN_OR_RETURN(auto graph, client.PerformanceGraph(workout_id, options.every_n));
  report.requests += 2;
  store::WorkoutBundle bundle;
  bundle.workout = std::move(detail.value);
  bundle.graph = std::move(graph.value);
  bundle.every_n = options.every_n;
  bundle.raw.push_back({std::move(detail.path), std::move(detail.raw)});
  bundle.raw.push_back({std::move(graph.path), std::move(graph.raw)});
  return store.SaveWorkout(bundle);
}

// Instructors change rarely and are few: one listing per sync keeps names current.
Status SyncInstructors(api::Client& client, store::Store& store, Report& report) {
  PELO_ASSIGN_OR_RETURN(auto fetched, client.Instructors(0, 100));
  ++report.requests;
  return store.SaveInstructors(fetched.value, {fetched.path, fetched.raw});
}

}  // namespace

StatusOr<Report> Run(api::Client& client, store::Store& store, const Options& options) {
  if (options.every_n < 1) return Status(ErrorCode::kInvalidArgument, "--every-n must be >= 1");
  if (options.page_size < 1) return Status(ErrorCode::kInvalidArgument, "page size must be >= 1");
  Report report;
  PELO_ASSIGN_OR_RETURN(auto me, client.Me());
  ++report.requests;
  report.user_id = me.value.id;
  report.username = me.value.username;
  if (report.user_id.empty()) return Status(ErrorCode::kApi, "GET /api/me: no user id");
  PELO_RETURN_IF_ERROR(store.SaveUser(me.value, {me.path, me.raw}));
  PELO_RETURN_IF_ERROR(SyncInstructors(client, store, report));

  const std::string backfill_key = kBackfillKeyPrefix + report.user_id;
  PELO_ASSIGN_OR_RETURN(auto known, store.StoredWorkoutIds());
  PELO_ASSIGN_OR_RETURN(auto backfill, store.GetState(backfill_key));
  PELO_ASSIGN_OR_RETURN(Listing listing, ListNew(client, report.user_id, known,
                                                 backfill.has_value(), options, report));
  report.listed = listing.listed;
  report.skipped = listing.skipped;

  Progress progress{0, static_cast<int64_t>(listing.new_ids.size())};
  for (const std::string& id : listing.new_ids) {
    if (CancelRequested()) return Status(ErrorCode::kCancelled, "sync interrupted");
    PELO_RETURN_IF_ERROR(
        FetchAndStore(client, store, id, options, report).WithContext("workout " + id));
    ++report.added;
    ++progress.done;
    if (options.on_progress) options.on_progress(progress);
  }
  PELO_RETURN_IF_ERROR(store.SetState(backfill_key, "1"));
  PELO_ASSIGN_OR_RETURN(report.stored_total, store.CountWorkouts());
  return report;
}

}  // namespace pelo::sync
