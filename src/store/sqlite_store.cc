// SqliteStore: the embedded Store. One connection, serialised by a mutex (a transaction spans
// several calls on the connection, so concurrent callers must not interleave).
#include <filesystem>
#include <mutex>

#include "pelo/common/directories.h"
#include "pelo/common/time.h"
#include "pelo/store/store.h"
#include "store/archive_stream.h"
#include "store/raw_archive.h"
#include "store/rebuild_writer.h"
#include "store/ride_curves_table.h"
#include "store/ride_metrics_table.h"
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/workout_detail_reader.h"
#include "store/workout_reader.h"
#include "store/workout_writer.h"

namespace pelo::store {
namespace {

using sqlite::Database;
using sqlite::Statement;
using sqlite::Transaction;

// Runs `fn` inside BEGIN IMMEDIATE ... COMMIT; any failure rolls everything back.
template <typename Fn>
Status InTransaction(Database& db, Fn&& fn) {
  PELO_ASSIGN_OR_RETURN(auto transaction, Transaction::Begin(db));
  PELO_RETURN_IF_ERROR(fn());
  return transaction->Commit();
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}

  int SchemaVersion() override {
    std::lock_guard lock(mutex_);
    StatusOr<int> version = ReadSchemaVersion(*db_);
    return version.ok() ? *version : -1;
  }

  Status SaveUser(const model::User& user, const RawResponse& raw) override {
    if (user.id.empty())
      return Status(ErrorCode::kInvalidArgument, "cannot store a user without id");
    std::lock_guard lock(mutex_);
    return InTransaction(*db_, [&] {
      PELO_RETURN_IF_ERROR(WriteUser(*db_, user));
      return ArchiveRaw(*db_, raw);
    });
  }

  StatusOr<std::optional<model::User>> LoadUser() override {
    std::lock_guard lock(mutex_);
    // The most recently saved user (REPLACE gives the row a new, higher rowid).
    PELO_ASSIGN_OR_RETURN(Statement q, db_->Prepare(R"sql(
      SELECT id, username, email, total_workouts, cycling_ftp, cycling_ftp_source,
        cycling_workout_ftp, cycling_ftp_workout_id, estimated_cycling_ftp,
        default_max_heart_rate, customized_max_heart_rate, weight, created_at
      FROM users ORDER BY rowid DESC LIMIT 1)sql"));
    PELO_ASSIGN_OR_RETURN(bool found, q.Step());
    if (!found) return std::optional<model::User>();
    model::User u;
    u.id = q.Text(0);
    u.username = q.Text(1);
    u.email = q.Text(2);
    u.total_workouts = q.OptInt(3);
    u.cycling_ftp = q.OptDouble(4);
    u.cycling_ftp_source = q.Text(5);
    u.cycling_workout_ftp = q.OptDouble(6);
    u.cycling_ftp_workout_id = q.Text(7);
    u.estimated_cycling_ftp = q.OptDouble(8);
    u.default_max_heart_rate = q.OptDouble(9);
    u.customized_max_heart_rate = q.OptDouble(10);
    u.weight = q.OptDouble(11);
    u.created_at = q.OptInt(12);
    return std::optional<model::User>(std::move(u));
  }

  Status SaveInstructors(const std::vector<model::Instructor>& instructors,
                         const RawResponse& raw) override {
    std::lock_guard lock(mutex_);
    return InTransaction(*db_, [&] {
      PELO_RETURN_IF_ERROR(WriteInstructors(*db_, instructors));
      return ArchiveRaw(*db_, raw);
    });
  }

  StatusOr<std::unordered_set<std::string>> StoredWorkoutIds() override {
    std::lock_guard lock(mutex_);
    PELO_ASSIGN_OR_RETURN(Statement q, db_->Prepare("SELECT id FROM workouts"));
    std::unordered_set<std::string> ids;
    while (true) {
      PELO_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) return ids;
      ids.insert(q.Text(0));
    }
  }

  Status SaveWorkout(const WorkoutBundle& bundle) override {
    std::lock_guard lock(mutex_);
    return InTransaction(*db_, [&] { return WriteWorkoutBundle(*db_, bundle); })
        .WithContext("saving workout " + bundle.workout.id);
  }

  Status SaveClassPlan(const std::string& ride_id, const std::vector<model::ClassPlanStep>& plan,
                       const RawResponse& raw) override {
    std::lock_guard lock(mutex_);
    return InTransaction(*db_, [&] { return WriteClassPlan(*db_, ride_id, plan, raw); })
        .WithContext("saving the class plan of ride " + ride_id);
  }

  StatusOr<std::unordered_set<std::string>> ClassPlanRideIds() override {
    std::lock_guard lock(mutex_);
    PELO_ASSIGN_OR_RETURN(Statement q, db_->Prepare("SELECT ride_id FROM class_plans"));
    std::unordered_set<std::string> ids;
    while (true) {
      PELO_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) return ids;
      ids.insert(q.Text(0));
    }
  }

  StatusOr<std::vector<WorkoutSource>> WorkoutSources(const std::string& discipline) override {
    std::lock_guard lock(mutex_);
    // raw_responses_by_workout covers (workout_id, path): no body is read.
    PELO_ASSIGN_OR_RETURN(Statement q, db_->Prepare(R"sql(
      SELECT w.id, w.ride_id, r.path FROM workouts w
      LEFT JOIN raw_responses r ON r.workout_id = w.id
      WHERE w.fitness_discipline = ?1
        AND NOT EXISTS (SELECT 1 FROM workout_deletions d WHERE d.workout_id = w.id)
      ORDER BY w.id, r.path)sql"));
    q.Bind(1, discipline);
    std::vector<WorkoutSource> sources;
    while (true) {
      PELO_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) return sources;
      std::string id = q.Text(0);
      if (sources.empty() || sources.back().workout_id != id) {
        sources.push_back({std::move(id), q.Text(1), {}});
      }
      std::string path = q.Text(2);
      if (!path.empty()) sources.back().archived_paths.push_back(std::move(path));
    }
  }

  StatusOr<std::vector<std::string>> PendingWorkoutIds() override {
    std::lock_guard lock(mutex_);
    PELO_ASSIGN_OR_RETURN(Statement q,
                          db_->Prepare("SELECT workout_id FROM pending_workouts ORDER BY seen_at"));
    std::vector<std::string> ids;
    while (true) {
      PELO_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) return ids;
      ids.push_back(q.Text(0));
    }
  }

  Status MarkPending(const std::string& workout_id, const std::string& status) override {
    std::lock_guard lock(mutex_);
    PELO_ASSIGN_OR_RETURN(Statement q, db_->Prepare(R"sql(
      INSERT INTO pending_workouts (workout_id, status, seen_at) VALUES (?1, ?2, ?3)
      ON CONFLICT (workout_id) DO UPDATE SET status = ?2)sql"));
    return q.Bind(1, workout_id).Bind(2, status).Bind(3, NowEpochSeconds()).Run();
  }

  Status ClearPending(const std::string& workout_id) override {
    std::lock_guard lock(mutex_);
    return ClearPendingWorkout(*db_, workout_id);
  }

  StatusOr<ReconcileResult> Reconcile(const std::unordered_set<std::string>& listed_ids) override {
    std::lock_guard lock(mutex_);
    ReconcileResult result;
    Status done = InTransaction(*db_, [&]() -> Status {
      PELO_ASSIGN_OR_RETURN(Statement stored, db_->Prepare(R"sql(
        SELECT w.id, d.workout_id IS NOT NULL FROM workouts w
        LEFT JOIN workout_deletions d ON d.workout_id = w.id)sql"));
      PELO_ASSIGN_OR_RETURN(
          Statement flag,
          db_->Prepare("INSERT INTO workout_deletions (workout_id, detected_at) VALUES (?1, ?2)"));
      PELO_ASSIGN_OR_RETURN(Statement unflag,
                            db_->Prepare("DELETE FROM workout_deletions WHERE workout_id = ?1"));
      const int64_t now = NowEpochSeconds();
      while (true) {
        PELO_ASSIGN_OR_RETURN(bool row, stored.Step());
        if (!row) break;
        const std::string id = stored.Text(0);
        const bool flagged = stored.Int(1) != 0;
        const bool listed = listed_ids.count(id) != 0;
        if (!listed && !flagged) {
          PELO_RETURN_IF_ERROR(flag.Bind(1, id).Bind(2, now).Run());
          ++result.newly_deleted;
        } else if (listed && flagged) {
          PELO_RETURN_IF_ERROR(unflag.Bind(1, id).Run());
          ++result.restored;
        }
      }
      PELO_ASSIGN_OR_RETURN(Statement count,
                            db_->Prepare("SELECT COUNT(*) FROM workout_deletions"));
      PELO_ASSIGN_OR_RETURN(bool row, count.Step());
      if (row) result.deleted_total = count.Int(0);
      return OkStatus();
    });
    if (!done.ok()) return done;
    return result;
  }

  StatusOr<std::unordered_set<std::string>> DeletedWorkoutIds() override {
    std::lock_guard lock(mutex_);
    PELO_ASSIGN_OR_RETURN(Statement q, db_->Prepare("SELECT workout_id FROM workout_deletions"));
    std::unordered_set<std::string> ids;
    while (true) {
      PELO_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) return ids;
      ids.insert(q.Text(0));
    }
  }

  StatusOr<std::optional<std::string>> GetState(const std::string& key) override {
    std::lock_guard lock(mutex_);
    PELO_ASSIGN_OR_RETURN(Statement q, db_->Prepare("SELECT value FROM sync_state WHERE key = ?1"));
    PELO_ASSIGN_OR_RETURN(bool found, q.Bind(1, key).Step());
    if (!found) return std::optional<std::string>();
    return std::optional<std::string>(q.Text(0));
  }

  Status SetState(const std::string& key, const std::string& value) override {
    std::lock_guard lock(mutex_);
    PELO_ASSIGN_OR_RETURN(
        Statement q,
        db_->Prepare("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?1, ?2)"));
    return q.Bind(1, key).Bind(2, value).Run();
  }

  StatusOr<std::vector<model::WorkoutRow>> WorkoutRows() override {
    std::lock_guard lock(mutex_);
    return ReadWorkoutRows(*db_);
  }

  StatusOr<std::vector<model::RideMetricsListing>> RideMetricsRows() override {
    std::lock_guard lock(mutex_);
    return ReadRideMetricsRows(*db_);
  }

  StatusOr<std::optional<WorkoutDetail>> LoadWorkoutDetail(const std::string& workout_id) override {
    std::lock_guard lock(mutex_);
    return ReadWorkoutDetail(*db_, workout_id);
  }

  StatusOr<std::vector<RideMetricsState>> RideMetricsStates() override {
    std::lock_guard lock(mutex_);
    return ReadRideMetricsStates(*db_);
  }

  Status ReplaceRideMetrics(const std::string& workout_id,
                            const std::optional<model::RideMetricsRow>& metrics,
                            const std::optional<std::vector<double>>& curve_w) override {
    std::lock_guard lock(mutex_);
    return InTransaction(*db_, [&] { return ReplaceRideRows(*db_, workout_id, metrics, curve_w); })
        .WithContext("replacing the metrics of workout " + workout_id);
  }

  Status ForEachRideCurve(
      const std::function<Status(const model::RideCurveListing&)>& fn) override {
    std::lock_guard lock(mutex_);
    return ReadRideCurves(*db_, fn);
  }

  Status ForEachSample(const std::function<bool(const model::SampleRow&)>& fn) override {
    std::lock_guard lock(mutex_);
    return ReadSamples(*db_, fn);
  }

  StatusOr<std::vector<std::optional<double>>> OutputSeries(
      const std::string& workout_id) override {
    std::lock_guard lock(mutex_);
    return ReadOutputSeries(*db_, workout_id);
  }

  StatusOr<int64_t> CountWorkouts() override {
    std::lock_guard lock(mutex_);
    PELO_ASSIGN_OR_RETURN(Statement q, db_->Prepare("SELECT COUNT(*) FROM workouts"));
    PELO_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return db_->Error("count workouts");
    return q.Int(0);
  }

  StatusOr<std::optional<std::string>> ArchivedResponse(const std::string& path) override {
    std::lock_guard lock(mutex_);
    PELO_ASSIGN_OR_RETURN(
        Statement q, db_->Prepare("SELECT body_zstd, raw_size FROM raw_responses WHERE path = ?1"));
    PELO_ASSIGN_OR_RETURN(bool found, q.Bind(1, path).Step());
    if (!found) return std::optional<std::string>();
    StatusOr<std::string> body = Decompress(q.Blob(0), static_cast<size_t>(q.Int(1)));
    if (!body.ok()) return body.status().WithContext(db_->path() + ": " + path);
    return std::optional<std::string>(std::move(body).value());
  }

  Status ForEachArchived(
      const std::function<Status(const std::string&, std::string_view)>& fn) override {
    return StreamArchive(db_->path(), fn);  // its own connection: no lock needed
  }

  Status ForEachArchivedOf(
      const std::vector<std::string>& workout_ids,
      const std::function<Status(const std::string&, std::string_view)>& fn) override {
    return StreamArchiveOf(db_->path(), workout_ids, fn);  // its own connection: no lock needed
  }

  Status Rebuild(const std::function<Status(RebuildWriter&)>& fill) override {
    std::lock_guard lock(mutex_);
    // Off for the transaction (it cannot change inside one): the rows are consistent by
    // construction, and without foreign keys SQLite empties each table at once instead of row
    // by row and inserts without a parent lookup per sample.
    PELO_RETURN_IF_ERROR(db_->Exec("PRAGMA foreign_keys=OFF", "rebuild"));
    Status status = InTransaction(*db_, [&]() -> Status {
      PELO_RETURN_IF_ERROR(DeleteDerivedRows(*db_));
      PELO_ASSIGN_OR_RETURN(auto writer, MakeRebuildWriter(*db_));
      return fill(*writer);
    });
    Status restored = db_->Exec("PRAGMA foreign_keys=ON", "rebuild");
    return status.ok() ? restored : status;
  }

 private:
  // Recursive: a ForEachSample callback may call back into the store on the same thread.
  std::recursive_mutex mutex_;
  std::unique_ptr<Database> db_;
};

}  // namespace

StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  // 0777 before the umask, as for any data directory the user did not make private.
  PELO_RETURN_IF_ERROR(
      EnsureDir(std::filesystem::path(path).parent_path().string(), 0777).WithContext(path));
  PELO_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path));
  PELO_RETURN_IF_ERROR(Migrate(*db));
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(db)));
}

StatusOr<std::unique_ptr<Store>> OpenSqliteStoreReadOnly(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) {
    return Status(ErrorCode::kStorage, path + ": no database there");
  }
  PELO_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::OpenForReading(path));
  PELO_ASSIGN_OR_RETURN(int version, ReadSchemaVersion(*db));
  const int current = CurrentSchemaVersion();
  if (version < current) {
    return Status(ErrorCode::kStorage, path + ": schema version " + std::to_string(version) +
                                           ", this pelo reads " + std::to_string(current) +
                                           ": run `pelo sync` once to upgrade it");
  }
  if (version > current) {
    return Status(ErrorCode::kStorage, path + ": written by a newer pelo (schema version " +
                                           std::to_string(version) + ")");
  }
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(db)));
}

}  // namespace pelo::store
