// Local storage of everything synced: a versioned SQLite schema behind the Store interface.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/model/instructor.h"
#include "pelo/model/performance_graph.h"
#include "pelo/model/ride_metrics_row.h"
#include "pelo/model/tables.h"
#include "pelo/model/user.h"
#include "pelo/model/workout.h"

namespace pelo::store {

// A raw API response to archive (compressed; secret-looking fields blanked first).
struct RawResponse {
  std::string path;  // "/api/workout/abc?joins=ride"
  std::string body;
};

// Everything stored of one workout, in one transaction: what the API returned and the values
// derived from it. The store derives nothing itself: the writer computes the derived values.
struct WorkoutBundle {
  model::Workout workout;         // detail (GET /api/workout/{id}); its ride and instructor too
  model::PerformanceGraph graph;  // GET /api/workout/{id}/performance_graph
  int every_n = 1;
  std::vector<RawResponse> raw;  // the responses these came from
  // The FTP (W) the workout's own ftp_info stands for (analytics.md §3.1: a manual FTP is 95 %
  // of the value entered), stored as workouts.resolved_ftp and listed as WorkoutRow::ftp.
  // nullopt: none (no ftp_info, or no positive FTP in it).
  std::optional<double> resolved_ftp;
  // The per-ride metrics of `graph`; its workout_id is not read (the workout's is used).
  // Without: no ride_metrics row.
  std::optional<model::RideMetricsRow> metrics;
  // The ride's power-duration curve: MMP (W) at the curve grid's durations (analytics.md §2.4),
  // one per duration up to the ride's length, stored exactly. Without: no ride_curves row (a
  // workout without power). Stored with its metrics' metrics_version (0 without metrics).
  std::optional<std::vector<double>> curve_w;
};

// A bundle with its sample rows computed, ready for RebuildWriter::WriteWorkout.
struct PreparedWorkout {
  WorkoutBundle bundle;                   // bundle.raw is ignored: rebuild never re-archives
  std::vector<model::SampleRow> samples;  // one per second of bundle.graph, metric units
                                          // (their workout_id is not read: may be cleared)
};

// Computes `bundle`'s sample rows exactly as SaveWorkout does. Pure and thread-safe, so the
// work can happen off the thread that writes.
PreparedWorkout PrepareWorkout(WorkoutBundle bundle);

// Writes derived rows inside Store::Rebuild: the same rows and values as SaveUser,
// SaveInstructors and SaveWorkout, without touching the archive they come from.
class RebuildWriter {
 public:
  virtual ~RebuildWriter() = default;
  virtual Status WriteUser(const model::User& user) = 0;
  virtual Status WriteInstructors(const std::vector<model::Instructor>& instructors) = 0;
  // Each workout id at most once per rebuild (a second one fails: kStorage, nothing kept).
  virtual Status WriteWorkout(const PreparedWorkout& workout) = 0;
  // The plan of class `ride_id`, as SaveClassPlan stores it; a second one for the same ride
  // replaces the first.
  virtual Status WriteClassPlan(const std::string& ride_id,
                                const std::vector<model::ClassPlanStep>& plan) = 0;
};

// What Store::Reconcile changed.
struct ReconcileResult {
  int64_t newly_deleted = 0;  // stored workouts flagged by this call
  int64_t restored = 0;       // flagged workouts listed again (flag cleared)
  int64_t deleted_total = 0;  // flagged workouts after the call
};

// One stored workout and the state of its derived rows (RideMetricsStates): what a caller needs
// to tell which rows are missing or were written by an older computation, and to compute them
// again (ReplaceRideMetrics).
struct RideMetricsState {
  std::string workout_id;
  std::optional<int64_t> start_time;  // epoch s
  std::string timezone;
  std::string discipline;
  bool has_pedaling_metrics = false;
  std::optional<model::FtpInfo> ftp_info;  // the workout's own, as stored
  std::optional<int> metrics_version;      // of its ride_metrics row; nullopt: no row
  std::optional<int> curve_version;        // of its ride_curves row; nullopt: no row
  bool has_power = false;                  // its metrics have power (so it should have a curve)
  std::optional<double> ftp;               // the row's FTP in effect and where it came from
  std::string ftp_source;
  bool is_ftp_test = false;
  std::optional<double> ftp_test_w;
  std::optional<double> mmp_1200s;
};

// A stored workout with the paths of its archived responses (Store::WorkoutSources): what it
// was stored from, told without reading a body.
struct WorkoutSource {
  std::string workout_id;
  std::string ride_id;                      // its class; "" without one
  std::vector<std::string> archived_paths;  // by path; empty when nothing is archived
};

// Everything stored of one workout that a page of it draws and a workout file needs
// (Store::LoadWorkoutDetail).
struct WorkoutDetail {
  model::WorkoutRow workout;  // as WorkoutRows() lists it
  bool is_outdoor = false;
  // Its ride_metrics row as RideMetricsRows() lists it; nullopt without one.
  std::optional<model::RideMetricsListing> metrics;
  // Its stored power-duration curve: MMP (W) at the curve grid's durations (analytics.md §2.4),
  // as SaveWorkout was given it (WorkoutBundle::curve_w); nullopt without a ride_curves row.
  std::optional<std::vector<double>> curve_w;
  // One per stored second, by t_s. Their workout_id is empty (`workout` names it): a 32-character
  // id per sample would be an allocation per row.
  std::vector<model::SampleRow> samples;
  std::vector<model::Segment> segments;  // in the graph's order
  // In the order the graph listed them (zone1..zone5 as Peloton sends them); duration in s.
  std::vector<model::HeartRateZone> heart_rate_zones;
  // In the graph's order; distance in km (distance_unit "km", "" when unknown).
  std::vector<model::GpsPoint> gps;
  // The graph's `elevation` summary (climbed: a tread's incline, an outdoor route's ascent, as
  // Peloton summarised it) in metres; nullopt without one or in a unit pelo does not know.
  std::optional<double> elevation_gain_m;
  // The graph's target-metrics blocks, in its order (values in Peloton's units). Their offsets
  // count from the start of the class's video, pedaling_start_offset_s before the samples' t = 0.
  std::vector<model::TargetBlock> target_blocks;
  // The class's pedaling_start_offset (s of intro before the time axis's zero); nullopt without
  // a stored class.
  std::optional<int64_t> pedaling_start_offset_s;
  // What Peloton Guide tracked (the detail's movement_tracker_data), in Peloton's order;
  // empty for a workout not tracked or stored without its detail.
  std::vector<model::TrackedMovement> tracked_movements;
  // The plan of the workout's class (Store::SaveClassPlan, through workouts.ride_id), in the
  // class's order; empty when none is stored or the class has no steps.
  std::vector<model::ClassPlanStep> class_plan;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual int SchemaVersion() = 0;
  // Inserts or replaces the user (one row per user id).
  virtual Status SaveUser(const model::User& user, const RawResponse& raw) = 0;
  virtual StatusOr<std::optional<model::User>> LoadUser() = 0;
  virtual Status SaveInstructors(const std::vector<model::Instructor>& instructors,
                                 const RawResponse& raw) = 0;
  // Ids of the workouts stored completely (detail + graph).
  virtual StatusOr<std::unordered_set<std::string>> StoredWorkoutIds() = 0;
  // Stores `bundle` atomically; storing the same workout again replaces it (never duplicates).
  virtual Status SaveWorkout(const WorkoutBundle& bundle) = 0;
  // Stores the plan of class `ride_id` (GET /api/ride/{id}/details subsegments_v2), replacing
  // any stored before, and archives `raw` (a response of no workout: storing a workout never
  // drops it), in one transaction. An empty plan is stored too: the class has none.
  // kInvalidArgument without a ride id.
  virtual Status SaveClassPlan(const std::string& ride_id,
                               const std::vector<model::ClassPlanStep>& plan,
                               const RawResponse& raw) = 0;
  // Ride ids whose class plan is stored (SaveClassPlan), with or without steps.
  virtual StatusOr<std::unordered_set<std::string>> ClassPlanRideIds() = 0;
  // Every stored workout of fitness_discipline `discipline` not flagged deleted on Peloton
  // (Reconcile), by id, with its ride id and the paths of its archived responses (no body is
  // read: an index range per workout).
  virtual StatusOr<std::vector<WorkoutSource>> WorkoutSources(const std::string& discipline) = 0;
  // Workouts listed while not yet COMPLETE, to fetch again on a later sync. Storing a workout
  // (SaveWorkout) removes it from here in the same transaction.
  virtual StatusOr<std::vector<std::string>> PendingWorkoutIds() = 0;
  virtual Status MarkPending(const std::string& workout_id, const std::string& status) = 0;
  virtual Status ClearPending(const std::string& workout_id) = 0;
  // Flags every stored workout missing from `listed_ids` (the whole list, as Peloton has it
  // now) as deleted on Peloton, keeping its data, and clears the flag of any listed again.
  virtual StatusOr<ReconcileResult> Reconcile(
      const std::unordered_set<std::string>& listed_ids) = 0;
  virtual StatusOr<std::unordered_set<std::string>> DeletedWorkoutIds() = 0;
  // Small key/value sync bookkeeping (e.g. "backfill_complete").
  virtual StatusOr<std::optional<std::string>> GetState(const std::string& key) = 0;
  virtual Status SetState(const std::string& key, const std::string& value) = 0;

  // One row per stored workout, newest (by start time) first.
  virtual StatusOr<std::vector<model::WorkoutRow>> WorkoutRows() = 0;
  // The stored per-ride metrics (one per workout stored with them) with each workout's start
  // time, discipline and title, newest (by start time) first.
  virtual StatusOr<std::vector<model::RideMetricsListing>> RideMetricsRows() = 0;
  // Everything stored of workout `workout_id`, read in one snapshot (a sync committing meanwhile
  // is seen wholly or not at all); nullopt when it is not stored. Reads by the workout's keys
  // only: a 3-hour ride at 1 Hz takes ~4 ms, ~8 ms with a GPS point a second (bench/README.md).
  virtual StatusOr<std::optional<WorkoutDetail>> LoadWorkoutDetail(
      const std::string& workout_id) = 0;
  // Every stored workout with the state of its ride_metrics and ride_curves rows, oldest (by
  // start time, then id) first.
  virtual StatusOr<std::vector<RideMetricsState>> RideMetricsStates() = 0;
  // Replaces `workout_id`'s ride_metrics and ride_curves rows, in one transaction, with
  // `metrics` and `curve_w` (nullopt: no row), as SaveWorkout would store them; nothing else of
  // the workout changes. kStorage when the workout is not stored.
  virtual Status ReplaceRideMetrics(const std::string& workout_id,
                                    const std::optional<model::RideMetricsRow>& metrics,
                                    const std::optional<std::vector<double>>& curve_w) = 0;
  // Calls `fn` with every stored ride curve, oldest first (by start time, then workout id; rides
  // without a start time last); stops at, and returns, the first error `fn` returns. Reads no
  // sample: 2,000 rides take ~15 ms (bench/README.md). The curves are read in the table's order
  // and held (~3 KB a ride) until handed out in this one.
  virtual Status ForEachRideCurve(
      const std::function<Status(const model::RideCurveListing&)>& fn) = 0;
  // Every sample, ordered by workout (newest first) then time; stops early if `fn` returns false.
  virtual Status ForEachSample(const std::function<bool(const model::SampleRow&)>& fn) = 0;
  // Per-second output (W) of one workout, nullopt where absent; for analytics and the demo.
  virtual StatusOr<std::vector<std::optional<double>>> OutputSeries(
      const std::string& workout_id) = 0;
  virtual StatusOr<int64_t> CountWorkouts() = 0;
  // The archived body of `path` (secrets blanked), or nullopt when none is archived.
  virtual StatusOr<std::optional<std::string>> ArchivedResponse(const std::string& path) = 0;
  // Calls `fn` with every archived response, decompressed: first those of no workout (user,
  // instructors) by path, then each workout's responses together, by workout id then path.
  // Stops at, and returns, the first error `fn` returns. Reads through a connection of its
  // own, so it may run on another thread while Rebuild's `fill` writes (it sees the archive as
  // last committed).
  virtual Status ForEachArchived(
      const std::function<Status(const std::string& path, std::string_view body)>& fn) = 0;
  // ForEachArchived for the given workouts only: for each id in the order given, its archived
  // responses by path (an index range each; nothing for an id with none). Same connection
  // rules as ForEachArchived.
  virtual Status ForEachArchivedOf(
      const std::vector<std::string>& workout_ids,
      const std::function<Status(const std::string& path, std::string_view body)>& fn) = 0;
  // In one transaction: deletes every row derived from the archive (users, instructors, rides,
  // workouts and their child rows, samples, GPS points, ride metrics and curves, class plans),
  // then runs `fill`, which writes them again through the writer (on this thread). Any error,
  // from `fill` or the database, rolls everything back. Keeps the archive byte for byte and the
  // sync bookkeeping (sync_state, pending_workouts, workout_deletions). Other calls on this store
  // wait until it is done, except ForEachArchived.
  virtual Status Rebuild(const std::function<Status(RebuildWriter&)>& fill) = 0;
};

// Opens (creating and migrating as needed) the SQLite database at `path`; parent directories
// are created. kStorage on failure, naming the path.
StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

// Opens the existing SQLite database at `path` read-only (the dashboard: a reader beside a sync
// that writes): nothing is created or migrated, and any write fails. kStorage naming the path
// when there is no database there, or when its schema is not the one this build reads (older:
// a `pelo sync` upgrades it; newer: written by a newer pelo).
StatusOr<std::unique_ptr<Store>> OpenSqliteStoreReadOnly(const std::string& path);

// The schema version this build writes.
int CurrentSchemaVersion();

}  // namespace pelo::store
