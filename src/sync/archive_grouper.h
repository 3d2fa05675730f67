// Turns the archive stream (Store::ForEachArchived order) into what rebuild writes: the user,
// instructor lists, class plans, and one prepared workout per workout id.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/analytics/ride_input.h"
#include "pelo/common/status.h"
#include "pelo/store/store.h"
#include "sync/archived_workout.h"

namespace pelo::sync {

// One thing to write; `kind` says which member holds it. (Not a std::variant: GCC 12 reports a
// bogus maybe-uninitialized in variant's move at -O2.)
struct RebuildItem {
  enum class Kind { kUser, kInstructors, kWorkout, kClassPlan };
  Kind kind = Kind::kWorkout;
  model::User user;
  std::vector<model::Instructor> instructors;
  store::PreparedWorkout workout;
  std::string ride_id;  // kClassPlan: of `class_plan`
  std::vector<model::ClassPlanStep> class_plan;
};

class ArchiveGrouper {
 public:
  // `emit` receives each item in archive order; its error stops the stream. Workouts' metrics
  // are computed with the archived /api/me and `athlete` (as sync::Options::athlete).
  explicit ArchiveGrouper(std::function<Status(RebuildItem)> emit,
                          analytics::AthleteSettings athlete = {})
      : emit_(std::move(emit)), athlete_(std::move(athlete)) {}

  // One archived response. A workout's responses must arrive together (they do in
  // ForEachArchived's order); responses rebuild does not use are ignored.
  Status Add(const std::string& path, std::string_view body);
  // Emits the last workout.
  Status Finish() { return Flush(); }

  int64_t json_bytes() const { return json_bytes_; }
  int64_t skipped() const { return skipped_; }

 private:
  Status Flush();

  std::function<Status(RebuildItem)> emit_;
  analytics::AthleteSettings athlete_;
  // The archived /api/me (it comes first: it belongs to no workout), for the per-ride metrics
  // as sync computed them.
  std::optional<model::User> user_;
  // The responses of the workout being read, kept as text until it is complete so only the
  // ones used are parsed.
  ArchivedWorkout pending_;
  int64_t json_bytes_ = 0;
  int64_t skipped_ = 0;
};

}  // namespace pelo::sync
