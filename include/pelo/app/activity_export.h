// `pelo export fit|tcx|gpx`: the stored workouts a rider picks, each (or each stack of
// back-to-back workouts) as a FIT, TCX or GPX file, written whole or not at all; a workout the
// format cannot express (GPX without a GPS track, no samples at all) is skipped with its reason.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/app/activity.h"
#include "pelo/app/day_range.h"
#include "pelo/common/status.h"
#include "pelo/store/store.h"

namespace pelo::app {

enum class ActivityFormat { kFit, kTcx, kGpx };

// "fit", "tcx", "gpx"; nullopt for anything else.
std::optional<ActivityFormat> ParseActivityFormat(std::string_view text);
// The file name extension, without the dot.
std::string_view ActivityFormatExtension(ActivityFormat format);

// Which stored workouts: all that pass every filter given, newest first.
struct WorkoutSelection {
  std::vector<std::string> workout_ids;  // only these (each must be stored)
  DayRange range;                        // their local day, the rule of day_range.h
  std::string discipline;                // Peloton's fitness_discipline ("rowing" = "caesar")
  size_t last = 0;                       // only the newest N (0: no limit)
};

struct ActivityExportRequest {
  ActivityFormat format = ActivityFormat::kFit;
  WorkoutSelection selection;
  std::string dir;   // one file per workout (or stack) here, created if need be; or
  std::string file;  // exactly one workout (or stack) to this file
  ActivityOptions activity;
  // Back-to-back workouts of the same discipline, each starting at most stack_gap_s after the
  // previous one ended, as one activity with a lap per class.
  bool stack = false;
  int64_t stack_gap_s = 300;
};

// A file written: the workouts in it (one, or a stack's in start order) and where.
struct ExportedFile {
  std::vector<std::string> workout_ids;
  std::string title;  // the first workout's
  std::string path;
  size_t bytes = 0;
};

// A workout (or stack, by its first workout) not written, and why ("no GPS track").
struct SkippedWorkout {
  std::vector<std::string> workout_ids;
  std::string title;
  std::string reason;
};

struct ActivityExportResult {
  std::vector<ExportedFile> written;  // in the order written (newest first)
  std::vector<SkippedWorkout> skipped;
};

// The stored workouts `selection` picks, newest first (each id of workout_ids must be stored:
// kNotFound naming the first that is not).
StatusOr<std::vector<model::WorkoutRow>> SelectWorkouts(store::Store& store,
                                                        const WorkoutSelection& selection);

// Groups `workouts` (newest first, as SelectWorkouts gives them) into stacks: runs of the same
// discipline each starting at most `gap_s` after the previous one ended; each stack in start
// order, the stacks newest first.
std::vector<std::vector<model::WorkoutRow>> StackWorkouts(std::vector<model::WorkoutRow> workouts,
                                                          int64_t gap_s);

// Writes the files `request` asks for. Files in a directory are named as the samples export
// names them (exporter::WorkoutFileName: DATE_TITLE_ID.ext, a stack by its first workout;
// clashing names get -2, -3...); each appears whole or not at all, replacing a file of the same
// name. kInvalidArgument when `file` is asked for and the selection is not exactly one workout
// (or stack), or when nothing at all is selected for it; kStorage when a file cannot be written;
// kCancelled between two files once cancellation is requested (the files before it stay).
StatusOr<ActivityExportResult> ExportActivities(store::Store& store,
                                                const ActivityExportRequest& request);

}  // namespace pelo::app
