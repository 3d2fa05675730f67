// sync::Run: a lister thread pages through the workout list and queues what to fetch, `jobs`
// worker threads fetch, and the calling thread stores each workout in its own transaction (the
// store has one connection; SQLite writes are serial anyway). Both queues are bounded, so
// memory stays flat however long the history is.
#include "pelo/sync/sync.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include "pelo/common/cancel.h"
#include "pelo/sync/archive_key.h"
#include "pelo/sync/rebuild.h"
#include "pelo/sync/refresh.h"
#include "sync/bounded_queue.h"
#include "sync/fetch.h"
#include "sync/listing_rules.h"
#include "sync/ride_metrics_builder.h"

namespace pelo::sync {
namespace {

using internal::BoundedQueue;
using internal::EntryAction;
using internal::Job;
using internal::Outcome;

// How many times a request of the listing or of a workout may be sent (the transport retries;
// nothing here loops). With the transport's backoff (0.5, 1, 1... s) that rides out ~15 s of
// 5xx, HTML pages or dropped connections before a workout is given up on: the tries and the
// window the old two layers gave (4 rounds of the transport's 4 tries), in one. /api/me keeps
// the transport's few tries: nothing is stored yet, and failing at once beats waiting (ADR 0011,
// ADR 0017).
constexpr int kMaxAttemptsMidSync = 16;

// The created-at of the newest workout listed by the last complete run (see ListingRules).
std::string WatermarkKey(const std::string& user_id) { return "listed_through:" + user_id; }

Status Validate(const Options& o) {
  auto bad = [](const std::string& message) {
    return Status(ErrorCode::kInvalidArgument, message);
  };
  if (o.every_n < 1) return bad("--every-n must be >= 1");
  if (o.page_size < 1) return bad("page size must be >= 1");
  if (o.jobs < 1 || o.jobs > 64) return bad("--jobs must be 1-64");
  if (o.last && *o.last < 1) return bad("--last must be >= 1");
  if (o.reconcile &&
      (o.full || o.since || o.last || !o.workout_ids.empty() || !o.discipline.empty())) {
    return bad("--reconcile walks the whole list: it takes no other selection");
  }
  if (!o.workout_ids.empty() && (o.since || o.last || !o.discipline.empty())) {
    return bad("--workout names workouts itself: drop --since, --last and --discipline");
  }
  return OkStatus();
}

class Runner {
 public:
  Runner(api::Client& client, store::Store& store, const Options& options)
      : client_(client),
        mid_sync_(client.WithMaxAttempts(kMaxAttemptsMidSync)),
        store_(store),
        options_(options),
        start_(std::chrono::steady_clock::now()),
        jobs_(static_cast<size_t>(options.jobs) * 2),
        outcomes_(4) {
    if (options_.counters) {
      requests_at_start_ = options_.counters->requests.load();
      bytes_at_start_ = options_.counters->bytes.load();
    }
  }

  SyncResult Run();

 private:
  Status Prepare();
  // A database whose derived rows predate kArchiveRowsVersion: rebuilt once from the archive.
  Status RebuildIfOlder();
  // What stored strength workouts lack that only the network has (ADR 0024): the detail of
  // those stored from their list entry, the plan of their classes.
  Status FindWhatStoredWorkoutsLack();
  Status Reconcile();
  Status Refresh();     // RefreshRideMetrics, counted in the report
  void ListWorkouts();  // the lister thread
  void Work();          // a worker thread
  void QueueJob(Job job);
  // True for the first caller with `ride_id` (and none stored): that one fetches its plan.
  bool ClaimClassPlan(const std::string& ride_id);
  // Stores what `outcome.plan` holds, or reports its failure as a workout's is.
  Status StoreClassPlan(Outcome& outcome);
  // Stores outcomes until the workers are done; returns a fatal error (storage, auth) if any.
  Status StoreOutcomes();
  Status StoreOne(Outcome& outcome);
  void NoteFailure(const Status& status);
  void Finish();
  void EmitProgress();
  double Elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

  api::Client& client_;   // /api/me: the transport's tries
  api::Client mid_sync_;  // the list and the workouts: kMaxAttemptsMidSync tries
  store::Store& store_;
  const Options& options_;
  const std::chrono::steady_clock::time_point start_;
  SyncResult report_;
  int64_t requests_at_start_ = 0;
  int64_t bytes_at_start_ = 0;

  std::optional<model::User> user_;  // /api/me, set before the workers start (read-only then)
  RideMetricsContext context_;       // the same, with the athlete settings, for the workers
  std::unordered_set<std::string> known_;
  std::optional<int64_t> watermark_;
  std::vector<std::string> pending_;
  std::vector<std::string> lacking_detail_;  // stored strength workouts, to fetch again
  std::vector<std::string> lacking_plan_;    // ride ids of stored strength workouts' classes

  BoundedQueue<Job> jobs_;
  BoundedQueue<Outcome> outcomes_;
  std::atomic<bool> stop_{false};     // a fatal error: everyone stops
  std::atomic<int> workers_left_{0};  // the last worker out closes outcomes_
  std::atomic<int64_t> listed_{0};
  std::atomic<int64_t> queued_{0};
  std::atomic<int64_t> skipped_{0};
  std::atomic<bool> listing_done_{false};

  // Written by the lister before it closes jobs_ (read after the join).
  Status listing_status_;
  bool listing_complete_ = false;  // reached the end or the watermark, unfiltered
  std::optional<int64_t> newest_listed_;
  std::unordered_set<std::string> queued_ids_;  // lister-only until the join

  std::mutex error_mu_;
  Status first_error_;  // the first per-workout failure

  std::mutex plans_mu_;
  std::unordered_set<std::string> plans_claimed_;  // stored, or being fetched by this run
};

SyncResult Runner::Run() {
  Status prepared = Prepare();
  if (!prepared.ok()) {
    report_.status = std::move(prepared);
    Finish();
    return report_;
  }
  if (options_.reconcile) {
    report_.status = Reconcile();
    if (report_.status.ok()) report_.status = Refresh();
    Finish();
    return report_;
  }

  workers_left_ = options_.jobs;
  std::vector<std::thread> workers;
  workers.reserve(static_cast<size_t>(options_.jobs));
  for (int i = 0; i < options_.jobs; ++i) workers.emplace_back([this] { Work(); });
  std::thread lister([this] { ListWorkouts(); });

  Status fatal = StoreOutcomes();
  if (!fatal.ok() || CancelRequested()) {
    stop_ = true;
    jobs_.CloseAndClear();
    outcomes_.CloseAndClear();
  }
  lister.join();
  for (std::thread& worker : workers) worker.join();

  report_.listed = listed_;
  report_.skipped += skipped_;
  if (!fatal.ok()) {
    report_.status = std::move(fatal);
  } else if (CancelRequested()) {
    report_.status = Status(ErrorCode::kCancelled, "sync interrupted");
  } else if (!listing_status_.ok()) {
    report_.status = listing_status_;
  } else if (!first_error_.ok()) {
    report_.status = first_error_;
  } else if (listing_complete_ && newest_listed_ &&
             (!watermark_ || *newest_listed_ > *watermark_)) {
    // Everything listed up to here is stored (or pending): later runs can stop here.
    report_.status =
        store_.SetState(WatermarkKey(report_.user_id), std::to_string(*newest_listed_));
  }
  if (report_.status.ok()) report_.status = Refresh();
  Finish();
  return report_;
}

Status Runner::Prepare() {
  PELO_RETURN_IF_ERROR(Validate(options_));
  // Nothing is stored yet: when the transport's few tries did not get /api/me, saying so at
  // once beats riding out an outage.
  auto me = client_.Me();
  if (!me.ok()) return me.status();
  report_.user_id = me->value.id;
  report_.username = me->value.username;
  if (report_.user_id.empty()) return Status(ErrorCode::kApi, "GET /api/me: no user id");
  PELO_RETURN_IF_ERROR(store_.SaveUser(me->value, {me->path, me->raw}));
  PELO_RETURN_IF_ERROR(RebuildIfOlder());
  user_ = me->value;  // the workers' FTP fallback and max HR for the per-ride metrics
  context_.user = user_;
  context_.athlete = options_.athlete;
  PELO_RETURN_IF_ERROR(BeginRideMetricsWrites(store_, user_, options_.athlete));
  PELO_ASSIGN_OR_RETURN(known_, store_.StoredWorkoutIds());
  PELO_ASSIGN_OR_RETURN(auto watermark, store_.GetState(WatermarkKey(report_.user_id)));
  if (watermark) {
    try {
      watermark_ = std::stoll(*watermark);
    } catch (const std::exception&) {
      watermark_.reset();  // unreadable: list everything once more, then it is rewritten
    }
  }
  const bool selective = !options_.workout_ids.empty() || options_.since || options_.last ||
                         !options_.discipline.empty() || options_.reconcile;
  PELO_ASSIGN_OR_RETURN(plans_claimed_, store_.ClassPlanRideIds());
  if (!selective) {
    PELO_ASSIGN_OR_RETURN(pending_, store_.PendingWorkoutIds());
    PELO_RETURN_IF_ERROR(FindWhatStoredWorkoutsLack());
  }
  return OkStatus();
}

Status Runner::RebuildIfOlder() {
  PELO_ASSIGN_OR_RETURN(std::optional<std::string> recorded,
                        store_.GetState(kArchiveRowsVersionKey));
  int version = 0;
  if (recorded) {
    std::from_chars(recorded->data(), recorded->data() + recorded->size(), version);
  }
  if (version >= kArchiveRowsVersion) return OkStatus();
  PELO_ASSIGN_OR_RETURN(int64_t workouts, store_.CountWorkouts());
  if (workouts == 0) {  // nothing derived yet: whatever is stored next is current
    return store_.SetState(kArchiveRowsVersionKey, std::to_string(kArchiveRowsVersion));
  }
  RebuildOptions options;
  options.athlete = options_.athlete;
  options.at_least_workouts = workouts;  // never lose a stored workout on its own
  StatusOr<RebuildResult> rebuilt = Rebuild(store_, options);  // records the version
  if (!rebuilt.ok()) return rebuilt.status().WithContext("rebuilding from the archive");
  report_.rebuilt = true;
  return OkStatus();
}

Status Runner::FindWhatStoredWorkoutsLack() {
  PELO_ASSIGN_OR_RETURN(std::vector<store::WorkoutSource> sources,
                        store_.WorkoutSources(internal::kStrength));
  std::unordered_set<std::string> rides;
  for (const store::WorkoutSource& source : sources) {
    const bool has_detail = std::any_of(
        source.archived_paths.begin(), source.archived_paths.end(), [](const std::string& path) {
          return ClassifyArchivePath(path).kind == ArchiveKind::kWorkoutDetail;
        });
    if (!has_detail) {
      lacking_detail_.push_back(source.workout_id);  // its plan comes with it (Work)
    } else if (internal::IsClassRideId(source.ride_id) && !plans_claimed_.count(source.ride_id) &&
               rides.insert(source.ride_id).second) {
      lacking_plan_.push_back(source.ride_id);
    }
  }
  return OkStatus();
}

Status Runner::Reconcile() {
  std::unordered_set<std::string> listed;
  bool cancelled = false;
  api::Paged<model::Workout> entries = mid_sync_.AllWorkouts(report_.user_id, options_.page_size);
  entries.BeforeEachPage([&](int pages_fetched) {
    if (pages_fetched > 0) EmitProgress();  // after each page listed
    cancelled = CancelRequested();
    return !cancelled;
  });
  for (const model::Workout& entry : entries) {
    ++report_.listed;
    listed.insert(entry.id);
    if (!known_.count(entry.id)) ++report_.skipped;  // on Peloton, not synced yet
  }
  if (cancelled) return Status(ErrorCode::kCancelled, "sync interrupted");
  if (!entries.status().ok()) return entries.status();
  EmitProgress();  // the last page
  PELO_ASSIGN_OR_RETURN(store::ReconcileResult result, store_.Reconcile(listed));
  report_.deleted = result.deleted_total;
  report_.restored = result.restored;
  return OkStatus();
}

Status Runner::Refresh() {
  RefreshOptions options;
  options.athlete = options_.athlete;
  PELO_ASSIGN_OR_RETURN(RefreshResult refreshed, RefreshRideMetrics(store_, options));
  report_.metrics_recomputed = refreshed.recomputed;
  report_.ftp_changed = refreshed.ftp_changed;
  report_.metrics_unavailable = refreshed.unavailable;
  return OkStatus();
}

bool Runner::ClaimClassPlan(const std::string& ride_id) {
  std::lock_guard<std::mutex> lock(plans_mu_);
  return plans_claimed_.insert(ride_id).second;
}

void Runner::QueueJob(Job job) {
  if (!queued_ids_.insert(job.workout_id).second) return;
  ++queued_;
  jobs_.Push(std::move(job));
}

void Runner::ListWorkouts() {
  // Workouts named on the command line, and those seen in progress by earlier runs, first.
  for (const std::string& id : options_.workout_ids) {
    QueueJob(Job{Job::kWorkout, "", id, std::nullopt, "", true, known_.count(id) != 0});
  }
  for (const std::string& id : pending_) {
    QueueJob(Job{Job::kWorkout, "", id, std::nullopt, "", true, known_.count(id) != 0});
  }
  if (options_.workout_ids.empty()) {
    internal::ListingRules rules(
        {&known_, watermark_, options_.full, options_.since, options_.last, options_.discipline});
    api::Paged<api::WorkoutEntry> entries =
        mid_sync_.AllWorkoutEntries(report_.user_id, options_.page_size);
    // No next page once a page reached the watermark (an earlier complete run listed the rest),
    // nor after a fatal error elsewhere. Ctrl-C ends the range by itself (kCancelled).
    entries.BeforeEachPage([&](int) { return !stop_ && !rules.ReachedWatermark(); });
    bool cut_short = false;  // --since / --last reached, or an in-progress entry not marked
    for (const api::WorkoutEntry& listed : entries) {
      const model::Workout& entry = listed.workout;
      if (!rules.Wants(entry)) {
        cut_short = true;  // past --since / --last: the rest is older
        break;
      }
      ++listed_;
      switch (rules.Decide(entry)) {
        case EntryAction::kFetch: {
          Job job;
          job.workout_id = entry.id;
          job.need_detail = internal::NeedsDetail(entry);
          job.known = known_.count(entry.id) != 0;
          job.entry_json = listed.json;
          job.entry = entry;
          QueueJob(std::move(job));
          break;
        }
        case EntryAction::kInProgress:
          if (!queued_ids_.count(entry.id)) {
            // Remembered now (the store is thread-safe), fetched by a later sync.
            if (Status marked = store_.MarkPending(entry.id, entry.status); !marked.ok()) {
              listing_status_ = marked;
              cut_short = true;
            }
          }
          ++skipped_;
          break;
        case EntryAction::kKnown:
        case EntryAction::kFiltered:
          ++skipped_;
          break;
      }
      if (cut_short) break;
    }
    if (!entries.status().ok()) {
      listing_status_ = entries.status().WithContext("listing workouts");
      if (internal::StopsTheSync(entries.status())) stop_ = true;
    } else if (!cut_short && (entries.ended() || rules.ReachedWatermark())) {
      listing_complete_ = rules.Unfiltered();
    }
    newest_listed_ = rules.newest();
  }
  // Then what stored workouts lack (none in a selective run): after what is new.
  for (const std::string& id : lacking_detail_) {
    if (stop_) break;
    QueueJob(Job{Job::kWorkout, "", id, std::nullopt, "", true, true});
  }
  for (const std::string& ride_id : lacking_plan_) {
    if (stop_) break;
    Job job;
    job.kind = Job::kClassPlan;
    job.ride_id = ride_id;
    jobs_.Push(std::move(job));  // not a workout: neither deduplicated nor counted as one
  }
  listing_done_ = true;
  if (stop_) {
    jobs_.CloseAndClear();  // what is queued would fail the same way
  } else {
    jobs_.Close();
  }
}

void Runner::Work() {
  while (std::optional<Job> job = jobs_.Pop()) {
    if (stop_ || CancelRequested()) break;
    Outcome outcome;
    if (job->kind == Job::kClassPlan) {
      if (!ClaimClassPlan(job->ride_id)) continue;  // a workout of the class fetched it
      outcome.kind = Outcome::kClassPlan;
      outcome.plan = internal::FetchClassPlan(mid_sync_, job->ride_id);
    } else {
      outcome = internal::FetchWorkout(mid_sync_, report_.user_id, *job, options_.every_n);
    }
    if (outcome.kind == Outcome::kBundle) {
      // Here, in parallel, rather than on the storing thread: the metrics are the CPU work.
      AttachRideRows(outcome.bundle, context_);
      const std::string ride_id = internal::ClassPlanRideId(outcome.bundle.workout);
      if (!ride_id.empty() && ClaimClassPlan(ride_id)) {
        outcome.plan = internal::FetchClassPlan(mid_sync_, ride_id);
        if (!outcome.plan->error.ok()) {
          outcome.plan->error =
              std::move(outcome.plan->error).WithContext("workout " + outcome.workout_id);
        }
      }
    }
    const bool plan_stops =
        outcome.plan && !outcome.plan->error.ok() && internal::StopsTheSync(outcome.plan->error);
    if ((outcome.kind == Outcome::kFailed && internal::StopsTheSync(outcome.error)) || plan_stops) {
      // Nothing else will get through either: stop listing and fetching.
      stop_ = true;
      jobs_.CloseAndClear();
    }
    if (!outcomes_.Push(std::move(outcome))) break;
  }
  if (--workers_left_ == 0) outcomes_.Close();
}

Status Runner::StoreOutcomes() {
  auto last_progress = std::chrono::steady_clock::now();
  while (true) {
    bool timed_out = false;
    std::optional<Outcome> outcome = outcomes_.PopFor(std::chrono::milliseconds(100), &timed_out);
    if (CancelRequested()) {
      // Keep what was fetched completely; stop waiting for the rest.
      if (outcome && outcome->kind == Outcome::kBundle) PELO_RETURN_IF_ERROR(StoreOne(*outcome));
      return OkStatus();
    }
    if (!outcome && !timed_out) return OkStatus();  // workers done
    if (outcome) PELO_RETURN_IF_ERROR(StoreOne(*outcome));
    const auto now = std::chrono::steady_clock::now();
    if (outcome || now - last_progress >= std::chrono::milliseconds(250)) {
      last_progress = now;
      EmitProgress();
    }
  }
}

Status Runner::StoreOne(Outcome& outcome) {
  switch (outcome.kind) {
    case Outcome::kBundle:
      PELO_RETURN_IF_ERROR(store_.SaveWorkout(outcome.bundle));
      ++(outcome.known ? report_.updated : report_.added);
      return StoreClassPlan(outcome);
    case Outcome::kClassPlan:
      return StoreClassPlan(outcome);
    case Outcome::kInProgress:
      ++report_.skipped;
      return store_.MarkPending(outcome.workout_id, outcome.status);
    case Outcome::kGone:
      if (std::find(options_.workout_ids.begin(), options_.workout_ids.end(), outcome.workout_id) !=
          options_.workout_ids.end()) {
        // Named on the command line: the user asked for a workout Peloton does not have.
        ++report_.failed;
        NoteFailure(Status(ErrorCode::kApi,
                           "workout " + outcome.workout_id + ": Peloton has no such workout", 404));
      } else {
        ++report_.skipped;
      }
      return store_.ClearPending(outcome.workout_id);
    case Outcome::kFailed:
      if (outcome.error.code() == ErrorCode::kUnauthenticated) return outcome.error;
      if (outcome.error.code() == ErrorCode::kCancelled) return OkStatus();
      ++report_.failed;
      NoteFailure(outcome.error);
      return OkStatus();
  }
  return OkStatus();
}

Status Runner::StoreClassPlan(Outcome& outcome) {
  if (!outcome.plan) return OkStatus();
  internal::ClassPlanFetch& plan = *outcome.plan;
  if (plan.error.ok()) {
    PELO_RETURN_IF_ERROR(store_.SaveClassPlan(plan.ride_id, plan.plan, plan.raw));
    ++report_.class_plans;
    return OkStatus();
  }
  // The workout (if any) is stored: the plan alone failed, and the next sync tries it again.
  if (plan.error.code() == ErrorCode::kUnauthenticated) return plan.error;
  if (plan.error.code() == ErrorCode::kCancelled) return OkStatus();
  ++report_.failed;
  NoteFailure(plan.error);
  return OkStatus();
}

void Runner::NoteFailure(const Status& status) {
  std::lock_guard<std::mutex> lock(error_mu_);
  if (first_error_.ok()) first_error_ = status;
}

void Runner::EmitProgress() {
  if (!options_.on_progress) return;
  Progress p;
  p.listed = options_.reconcile ? report_.listed : listed_.load();
  p.to_fetch = queued_;
  p.stored = report_.added + report_.updated;
  p.failed = report_.failed;
  p.listing_done = listing_done_;
  if (options_.counters) p.requests = options_.counters->requests.load() - requests_at_start_;
  p.seconds = Elapsed();
  options_.on_progress(p);
}

void Runner::Finish() {
  report_.pending = 0;
  if (auto pending = store_.PendingWorkoutIds(); pending.ok()) {
    report_.pending = static_cast<int64_t>(pending->size());
  }
  if (auto total = store_.CountWorkouts(); total.ok()) report_.stored_total = *total;
  if (options_.counters) {
    report_.requests = options_.counters->requests.load() - requests_at_start_;
    report_.bytes = options_.counters->bytes.load() - bytes_at_start_;
  }
  report_.seconds = Elapsed();
}

}  // namespace

SyncResult Run(api::Client& client, store::Store& store, const Options& options) {
  Runner runner(client, store, options);
  return runner.Run();
}

}  // namespace pelo::sync
