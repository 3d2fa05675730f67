#include "sync/ride_recompute.h"

#include <thread>

#include "pelo/common/cancel.h"
#include "pelo/sync/archive_key.h"
#include "sync/archived_workout.h"
#include "sync/bounded_queue.h"

namespace pelo::sync {
namespace {

using internal::BoundedQueue;

// Rides computed ahead of the writer; each holds only its rows (a few KB).
constexpr size_t kRecomputeQueueDepth = 16;

Status RecomputeInterrupted() {
  return Status(ErrorCode::kCancelled, "ride metrics refresh interrupted");
}

// The reading thread's half: archive -> parsed bundle -> rows on the queue.
Status ReadAndCompute(store::Store& store, const std::vector<std::string>& workout_ids,
                      const RideMetricsContext& base,
                      const std::unordered_map<std::string, FtpInEffect>& ftp_of,
                      BoundedQueue<RideRows>& queue) {
  RideMetricsContext context = base;
  ArchivedWorkout pending;
  int64_t json_bytes = 0;
  auto flush = [&]() -> Status {
    if (pending.workout_id().empty()) return OkStatus();
    std::optional<store::WorkoutBundle> bundle = pending.Parse(json_bytes);
    const std::string id = pending.workout_id();
    pending.Reset("");
    if (!bundle) return OkStatus();
    const auto ftp = ftp_of.find(id);
    context.ftp = ftp == ftp_of.end() ? std::nullopt : std::optional<FtpInEffect>(ftp->second);
    RideRows rows = ComputeRideRows(*bundle, context);
    rows.metrics.workout_id = id;  // the stored workout the archive is filed under
    if (!queue.Push(std::move(rows))) return RecomputeInterrupted();  // the writer gave up
    return OkStatus();
  };
  auto add = [&](const std::string& path, std::string_view body) -> Status {
    if (CancelRequested()) return RecomputeInterrupted();
    const ArchiveKey key = ClassifyArchivePath(path);
    if (key.workout_id.empty()) return OkStatus();
    if (key.workout_id != pending.workout_id()) {
      PELO_RETURN_IF_ERROR(flush());
      pending.Reset(key.workout_id);
    }
    pending.Add(key, body);
    return OkStatus();
  };
  PELO_RETURN_IF_ERROR(store.ForEachArchivedOf(workout_ids, add));
  return flush();
}

}  // namespace

StatusOr<int64_t> RecomputeRides(store::Store& store, const std::vector<std::string>& workout_ids,
                                 const RideMetricsContext& base,
                                 const std::unordered_map<std::string, FtpInEffect>& ftp_of,
                                 const std::function<void(const RideRows&)>& on_stored) {
  if (workout_ids.empty()) return int64_t{0};
  BoundedQueue<RideRows> queue(kRecomputeQueueDepth);
  Status read_status;
  std::thread reader([&] {
    read_status = ReadAndCompute(store, workout_ids, base, ftp_of, queue);
    queue.Close();
  });
  int64_t stored = 0;
  Status write_status;
  while (std::optional<RideRows> rows = queue.Pop()) {
    write_status = store.ReplaceRideMetrics(rows->metrics.workout_id, rows->metrics, rows->curve_w);
    if (!write_status.ok()) break;
    ++stored;
    if (on_stored) on_stored(*rows);
  }
  queue.Close();  // a write error: the reader stops at its next ride
  reader.join();
  PELO_RETURN_IF_ERROR(write_status);
  PELO_RETURN_IF_ERROR(read_status);
  return stored;
}

}  // namespace pelo::sync
