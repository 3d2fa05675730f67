// ExportActivities: select, stack, build, encode and write the workout files of `pelo export
// fit|tcx|gpx`.
#include "pelo/app/activity_export.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <utility>

#include "pelo/app/history.h"
#include "pelo/app/workout_files.h"
#include "pelo/common/atomic_file.h"
#include "pelo/common/cancel.h"
#include "pelo/export/file_names.h"
#include "pelo/export/fit.h"
#include "pelo/export/gpx.h"
#include "pelo/export/tcx.h"
#include "pelo/model/discipline.h"

namespace pelo::app {
namespace {

// When a workout ended (epoch s): its end time, else its start plus its graph's duration.
std::optional<int64_t> EndOf(const model::WorkoutRow& w) {
  if (w.end_time) return w.end_time;
  if (w.start_time && w.duration) return *w.start_time + static_cast<int64_t>(*w.duration);
  return std::nullopt;
}

StatusOr<std::string> Encode(ActivityFormat format, const exporter::Activity& activity) {
  switch (format) {
    case ActivityFormat::kFit:
      return exporter::FitFile(activity);
    case ActivityFormat::kTcx:
      return exporter::TcxFile(activity);
    case ActivityFormat::kGpx:
      return exporter::GpxFile(activity);
  }
  return Status(ErrorCode::kInvalidArgument, "unknown format");
}

// Whether `name` is a temporary file WriteFileAtomically leaves behind when the process is killed
// mid-write: ".NAME.EXT.tmp.XXXXXX".
bool IsLeftTemporary(const std::string& name, std::string_view extension) {
  const std::string middle = "." + std::string(extension) + ".tmp.";
  if (name.size() < 1 + middle.size() + 6 || name.front() != '.') return false;
  const size_t at = name.size() - 6 - middle.size();
  return name.compare(at, middle.size(), middle) == 0;
}

// Removes what a killed export of `extension` files left in `dir`: only whole files stay.
void RemoveLeftTemporaries(const std::string& dir, std::string_view extension) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && IsLeftTemporary(name, extension)) {
      std::filesystem::remove(entry.path(), ec);
    }
  }
}

// An activity built and waiting to be encoded and written.
struct PendingActivity {
  model::WorkoutRow first;  // names the file
  std::vector<std::string> workout_ids;
  std::string title;
  exporter::Activity activity;
};

// A bounded queue from the reading thread to the writing one. Push blocks while full and fails
// once closed; Pop blocks while empty and returns nullopt once closed and drained.
class ActivityQueue {
 public:
  explicit ActivityQueue(size_t capacity) : capacity_(capacity) {}

  bool Push(PendingActivity item) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    changed_.notify_all();
    return true;
  }
  std::optional<PendingActivity> Pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    std::optional<PendingActivity> item(std::move(items_.front()));
    items_.pop_front();
    changed_.notify_all();
    return item;
  }
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<PendingActivity> items_;
  bool closed_ = false;
};

}  // namespace

std::optional<ActivityFormat> ParseActivityFormat(std::string_view text) {
  if (text == "fit") return ActivityFormat::kFit;
  if (text == "tcx") return ActivityFormat::kTcx;
  if (text == "gpx") return ActivityFormat::kGpx;
  return std::nullopt;
}

std::string_view ActivityFormatExtension(ActivityFormat format) {
  switch (format) {
    case ActivityFormat::kFit:
      return "fit";
    case ActivityFormat::kTcx:
      return "tcx";
    case ActivityFormat::kGpx:
      return "gpx";
  }
  return "";
}

StatusOr<std::vector<model::WorkoutRow>> SelectWorkouts(store::Store& store,
                                                        const WorkoutSelection& selection) {
  PELO_ASSIGN_OR_RETURN(std::vector<model::WorkoutRow> rows, ListWorkouts(store, selection.range));
  if (!selection.workout_ids.empty()) {
    PELO_ASSIGN_OR_RETURN(std::unordered_set<std::string> all, store.StoredWorkoutIds());
    for (const std::string& id : selection.workout_ids) {
      if (!all.contains(id)) {
        return Status(ErrorCode::kNotFound, "workout " + id + " is not stored (pelo workouts)");
      }
    }
    const std::unordered_set<std::string> wanted(selection.workout_ids.begin(),
                                                 selection.workout_ids.end());
    std::erase_if(rows, [&](const model::WorkoutRow& r) { return !wanted.contains(r.workout_id); });
  }
  if (!selection.discipline.empty()) {
    const std::string d(model::ApiDiscipline(selection.discipline));
    std::erase_if(rows, [&d](const model::WorkoutRow& r) { return r.discipline != d; });
  }
  if (selection.last > 0 && rows.size() > selection.last) rows.resize(selection.last);
  return rows;
}

std::vector<std::vector<model::WorkoutRow>> StackWorkouts(std::vector<model::WorkoutRow> workouts,
                                                          int64_t gap_s) {
  std::vector<std::vector<model::WorkoutRow>> stacks;
  // Oldest first to grow each stack forward in time; the stacks are reversed at the end.
  std::reverse(workouts.begin(), workouts.end());
  for (model::WorkoutRow& w : workouts) {
    if (!stacks.empty()) {
      const model::WorkoutRow& prev = stacks.back().back();
      const std::optional<int64_t> prev_end = EndOf(prev);
      if (prev.discipline == w.discipline && prev_end && w.start_time &&
          *w.start_time >= *prev.start_time && *w.start_time - *prev_end <= gap_s) {
        stacks.back().push_back(std::move(w));
        continue;
      }
    }
    stacks.push_back({std::move(w)});
  }
  std::reverse(stacks.begin(), stacks.end());
  return stacks;
}

StatusOr<ActivityExportResult> ExportActivities(store::Store& store,
                                                const ActivityExportRequest& request) {
  PELO_ASSIGN_OR_RETURN(std::vector<model::WorkoutRow> rows,
                        SelectWorkouts(store, request.selection));
  std::vector<std::vector<model::WorkoutRow>> groups;
  if (request.stack) {
    groups = StackWorkouts(std::move(rows), request.stack_gap_s);
  } else {
    groups.reserve(rows.size());
    for (model::WorkoutRow& row : rows) groups.push_back({std::move(row)});
  }
  if (!request.file.empty() && groups.size() != 1) {
    return Status(ErrorCode::kInvalidArgument,
                  "-o takes exactly one workout; " + std::to_string(groups.size()) +
                      (groups.size() == 1 ? " is" : " are") +
                      " selected (choose with --workout or --last 1, or write them with --dir)");
  }
  const std::string_view extension = ActivityFormatExtension(request.format);
  if (request.file.empty()) {
    PELO_RETURN_IF_ERROR(MakeOutputDirectory(request.dir));
    RemoveLeftTemporaries(request.dir, extension);
  }

  // Two stages, so that reading the store overlaps encoding and writing (each about half of the
  // time): this thread reads each workout and builds its activity, a writer thread encodes and
  // writes them in the same order, so names and results come out as if done one by one.
  ActivityExportResult result;
  exporter::WorkoutFileNamer namer(extension);
  ActivityQueue queue(4);
  // Files in the directory become durable a batch at a time (AtomicFileBatch): one file-system
  // sync per batch instead of two per file, which halved the time of a 2,000-file export.
  constexpr size_t kBatchFiles = 64;
  constexpr size_t kBatchBytes = 32 << 20;
  AtomicFileBatch batch;
  Status write_status;
  std::thread writer([&] {
    while (std::optional<PendingActivity> next = queue.Pop()) {
      StatusOr<std::string> bytes = Encode(request.format, next->activity);
      if (!bytes.ok()) {
        if (bytes.status().code() != ErrorCode::kInvalidArgument) {
          write_status = bytes.status();
          queue.Close();
          return;
        }
        result.skipped.push_back(
            {std::move(next->workout_ids), std::move(next->title), bytes.status().message()});
        continue;
      }
      Status written;
      std::string path;
      if (request.file.empty()) {
        path = (std::filesystem::path(request.dir) / namer.Next(next->first)).string();
        written = batch.Add(path, *bytes, 0644);
        if (written.ok() &&
            (batch.pending_files() >= kBatchFiles || batch.pending_bytes() >= kBatchBytes)) {
          written = batch.Commit();
        }
      } else {
        path = request.file;
        written = WriteFileAtomically(path, *bytes, 0644);
      }
      if (!written.ok()) {
        write_status = std::move(written);
        queue.Close();
        return;
      }
      result.written.push_back(
          {std::move(next->workout_ids), std::move(next->title), path, bytes->size()});
    }
    write_status = batch.Commit();
  });
  Status read_status;
  for (const std::vector<model::WorkoutRow>& group : groups) {
    if (CancelRequested()) {
      read_status = Status(ErrorCode::kCancelled, "interrupted");
      break;
    }
    PendingActivity pending;
    pending.first = group.front();
    pending.title = group.front().title;
    std::vector<exporter::Activity> parts;
    parts.reserve(group.size());
    for (const model::WorkoutRow& row : group) {
      pending.workout_ids.push_back(row.workout_id);
      StatusOr<std::optional<RideDetail>> ride = LoadRide(store, row.workout_id);
      if (!ride.ok()) {
        read_status = ride.status();
        break;
      }
      if (*ride) parts.push_back(BuildActivity(**ride, request.activity));  // else deleted since
    }
    if (!read_status.ok()) break;
    if (parts.empty()) continue;
    pending.activity =
        parts.size() == 1 ? std::move(parts.front()) : StackActivities(std::move(parts));
    if (!queue.Push(std::move(pending))) break;  // the writer stopped on an error
  }
  queue.Close();
  writer.join();
  PELO_RETURN_IF_ERROR(write_status);
  PELO_RETURN_IF_ERROR(read_status);
  if (!request.file.empty() && result.written.empty() && !result.skipped.empty()) {
    const SkippedWorkout& s = result.skipped.front();
    return Status(ErrorCode::kInvalidArgument, "workout " + s.workout_ids.front() +
                                                   " cannot be written as " +
                                                   std::string(extension) + ": " + s.reason);
  }
  return result;
}

}  // namespace pelo::app
