#include "pelo/app/workout_files.h"

#include <filesystem>
#include <unordered_map>

#include "pelo/common/atomic_file.h"
#include "pelo/common/cancel.h"
#include "pelo/export/csv.h"
#include "pelo/export/file_names.h"

namespace pelo::app {

Status SamplesCsvWriter::Write(const model::WorkoutRow&,
                               const std::vector<model::SampleRow>& samples, std::ostream& out) {
  exporter::WriteSampleCsvHeader(out);
  for (const model::SampleRow& row : samples) exporter::WriteSampleCsvRow(row, out);
  return out ? OkStatus() : Status(ErrorCode::kStorage, "write failed");
}

Status MakeOutputDirectory(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    return Status(ErrorCode::kStorage,
                  dir + ": cannot create the directory" +
                      (ec ? ": " + ec.message() : std::string(": a file of that name is there")));
  }
  return OkStatus();
}

StatusOr<int> WriteWorkoutFiles(store::Store& store, const std::string& dir,
                                WorkoutFileWriter& writer) {
  PELO_RETURN_IF_ERROR(MakeOutputDirectory(dir));
  PELO_ASSIGN_OR_RETURN(std::vector<model::WorkoutRow> rows, store.WorkoutRows());
  std::unordered_map<std::string, const model::WorkoutRow*> by_id;
  for (const model::WorkoutRow& row : rows) by_id[row.workout_id] = &row;
  const std::string extension = writer.Extension();
  exporter::WorkoutFileNamer namer(extension);
  std::vector<model::SampleRow> samples;  // one workout's, in time order
  int files = 0;
  auto write_file = [&]() -> Status {
    if (samples.empty()) return OkStatus();
    model::WorkoutRow untitled;  // samples of a workout without a row: named by id alone
    untitled.workout_id = samples.front().workout_id;
    const auto found = by_id.find(untitled.workout_id);
    const model::WorkoutRow& workout = found != by_id.end() ? *found->second : untitled;
    const std::string unique = namer.Next(workout);
    PELO_RETURN_IF_ERROR(WriteFileAtomically(
        (std::filesystem::path(dir) / unique).string(),
        [&](std::ostream& out) { return writer.Write(workout, samples, out); }));
    ++files;
    samples.clear();
    return OkStatus();
  };
  Status failed;
  PELO_RETURN_IF_ERROR(store.ForEachSample([&](const model::SampleRow& row) {
    if (!samples.empty() && row.workout_id != samples.front().workout_id) {
      if (CancelRequested()) failed = Status(ErrorCode::kCancelled, "interrupted");
      if (failed.ok()) failed = write_file();
      if (!failed.ok()) return false;
    }
    samples.push_back(row);
    return true;
  }));
  PELO_RETURN_IF_ERROR(failed);
  PELO_RETURN_IF_ERROR(write_file());
  return files;
}

}  // namespace pelo::app
