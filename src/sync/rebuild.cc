#include "pelo/sync/rebuild.h"

#include <chrono>
#include <string>
#include <thread>

#include "pelo/common/cancel.h"
#include "pelo/sync/refresh.h"
#include "sync/archive_grouper.h"
#include "sync/bounded_queue.h"

namespace pelo::sync {
namespace {

using internal::BoundedQueue;

// Workouts parsed ahead of the writer: enough to ride out a slow one, few enough that memory
// stays small (a full-resolution hour is a few MB) whatever the history's size.
constexpr size_t kQueueDepth = 8;

Status Interrupted() {
  return Status(ErrorCode::kCancelled, "rebuild interrupted: the database is unchanged");
}

// Writes what the reader queues until it closes the queue; the calling thread's half.
Status WriteAll(BoundedQueue<RebuildItem>& queue, store::RebuildWriter& writer,
                const RebuildOptions& options, RebuildResult& report) {
  while (std::optional<RebuildItem> item = queue.Pop()) {
    if (CancelRequested()) return Interrupted();
    switch (item->kind) {
      case RebuildItem::Kind::kUser:
        PELO_RETURN_IF_ERROR(writer.WriteUser(item->user));
        break;
      case RebuildItem::Kind::kInstructors:
        PELO_RETURN_IF_ERROR(writer.WriteInstructors(item->instructors));
        break;
      case RebuildItem::Kind::kClassPlan:
        PELO_RETURN_IF_ERROR(writer.WriteClassPlan(item->ride_id, item->class_plan));
        ++report.class_plans;
        break;
      case RebuildItem::Kind::kWorkout:
        PELO_RETURN_IF_ERROR(writer.WriteWorkout(item->workout));
        ++report.workouts;
        report.samples += static_cast<int64_t>(item->workout.samples.size());
        if (options.on_progress) options.on_progress(report.workouts);
        break;
    }
  }
  return OkStatus();
}

// The reader thread's half: archive -> grouped, parsed, prepared items on the queue.
Status ReadAll(store::Store& store, ArchiveGrouper& grouper) {
  PELO_RETURN_IF_ERROR(
      store.ForEachArchived([&](const std::string& path, std::string_view body) -> Status {
        if (CancelRequested()) return Interrupted();
        return grouper.Add(path, body);
      }));
  return grouper.Finish();
}

}  // namespace

StatusOr<RebuildResult> Rebuild(store::Store& store, const RebuildOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  RebuildResult report;
  Status status = store.Rebuild([&](store::RebuildWriter& writer) -> Status {
    report = RebuildResult();
    BoundedQueue<RebuildItem> queue(kQueueDepth);
    ArchiveGrouper grouper(
        [&queue](RebuildItem item) -> Status {
          if (queue.Push(std::move(item))) return OkStatus();
          return Status(ErrorCode::kCancelled, "rebuild stopped");  // the writer gave up
        },
        options.athlete);
    Status read_status;
    std::thread reader([&] {
      read_status = ReadAll(store, grouper);
      queue.Close();
    });
    Status write_status = WriteAll(queue, writer, options, report);
    queue.Close();  // a writer error: the reader stops at its next item
    reader.join();
    PELO_RETURN_IF_ERROR(write_status);
    PELO_RETURN_IF_ERROR(read_status);
    report.json_bytes = grouper.json_bytes();
    report.skipped = grouper.skipped();
    if (options.at_least_workouts && report.workouts < *options.at_least_workouts) {
      return Status(ErrorCode::kStorage,
                    "the archive gives " + std::to_string(report.workouts) + " of the " +
                        std::to_string(*options.at_least_workouts) +
                        " stored workouts: nothing rebuilt (`pelo rebuild` would drop the others)");
    }
    return OkStatus();
  });
  if (!status.ok()) return status;
  // Every row now stored was computed with these settings (the archived /api/me is the stored
  // user); a kill before this line only makes the next refresh compute them all again.
  PELO_ASSIGN_OR_RETURN(std::optional<model::User> user, store.LoadUser());
  PELO_RETURN_IF_ERROR(
      store.SetState(kRideMetricsSettingsKey, RideMetricsSettingsRecord(user, options.athlete)));
  PELO_RETURN_IF_ERROR(store.SetState(kArchiveRowsVersionKey, std::to_string(kArchiveRowsVersion)));
  PELO_ASSIGN_OR_RETURN(RefreshResult refreshed, RefreshRideMetrics(store, {options.athlete}));
  report.metrics_recomputed = refreshed.recomputed;
  report.ftp_changed = refreshed.ftp_changed;
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace pelo::sync
