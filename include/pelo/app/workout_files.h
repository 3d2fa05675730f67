// One file per stored workout in a directory (`pelo export samples --dir` now; FIT, TCX and GPX
// files and uploads next): the loop that groups the samples by workout, names each file, keeps
// the names unique and writes each file whole or not at all, over a writer per format.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/model/tables.h"
#include "pelo/store/store.h"

namespace pelo::app {

// A file format for one workout.
class WorkoutFileWriter {
 public:
  virtual ~WorkoutFileWriter() = default;
  // The file name's extension, without the dot ("csv").
  virtual std::string Extension() const = 0;
  // Writes `workout` and its samples (in time order, at least one) to `out`.
  virtual Status Write(const model::WorkoutRow& workout,
                       const std::vector<model::SampleRow>& samples, std::ostream& out) = 0;
};

// The samples CSV of export/csv.h (a header, one row per second).
class SamplesCsvWriter : public WorkoutFileWriter {
 public:
  std::string Extension() const override { return "csv"; }
  Status Write(const model::WorkoutRow& workout, const std::vector<model::SampleRow>& samples,
               std::ostream& out) override;
};

// Creates `dir` and its missing parents: kStorage "DIR: cannot create the directory: why" (a
// file of that name in the way, no permission...).
Status MakeOutputDirectory(const std::string& dir);

// Writes each stored workout that has samples to its own file in `dir` (created if need be),
// named by exporter::WorkoutFileName; names that clash (same day, title and id prefix) get
// "-2", "-3"... in the order the workouts come (newest first). Each file appears whole or not
// at all, and an existing file of the same name is replaced. Stops with kCancelled between two
// files once cancellation is requested (common/cancel.h). The number of files written;
// MakeOutputDirectory's error when `dir` cannot be made.
StatusOr<int> WriteWorkoutFiles(store::Store& store, const std::string& dir,
                                WorkoutFileWriter& writer);

}  // namespace pelo::app
