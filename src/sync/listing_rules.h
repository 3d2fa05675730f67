// Which listed workouts a sync fetches and when it stops listing: pure rules, unit-tested.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "pelo/model/workout.h"

namespace pelo::sync::internal {

// What to do with one entry of the workout list.
enum class EntryAction {
  kFetch,       // fetch (and store) it
  kKnown,       // already stored: nothing to do
  kFiltered,    // outside --discipline
  kInProgress,  // not COMPLETE yet: remember it, fetch it on a later sync
};

struct ListingInputs {
  const std::unordered_set<std::string>* known = nullptr;  // stored workout ids
  // Created-at of the newest workout listed by the last complete run: everything at or before
  // it is stored. Unset until a run has listed the whole history.
  std::optional<int64_t> watermark;
  bool full = false;
  std::optional<int64_t> since;
  std::optional<int64_t> last;
  std::string discipline;
};

// The list's sort key: created_at, else start_time; nullopt when the entry has neither.
std::optional<int64_t> CreatedAt(const model::Workout& entry);

// The discipline whose workouts sync keeps the detail (tracked movements) and class plan of.
inline constexpr const char* kStrength = "strength";

// True when pelo needs the workout's detail: a strength workout (its tracked movements are in
// the detail only), or a list entry without `ftp_info` of a workout whose power analytics need
// the FTP in effect (a ride with pedaling metrics).
bool NeedsDetail(const model::Workout& entry);

// True when `ride_id` names a class: not empty, and not the all-zero id of a workout taken
// without one ("Just Ride", "Just Lift").
bool IsClassRideId(std::string_view ride_id);

// The class whose plan (GET /api/ride/{id}/details) sync keeps for `workout`: its ride id when
// it is a strength workout of a class, else "".
std::string ClassPlanRideId(const model::Workout& workout);

// Walks the list entries (newest first) and decides, entry by entry, what to fetch and when to
// stop listing.
class ListingRules {
 public:
  explicit ListingRules(ListingInputs inputs) : in_(std::move(inputs)) {}

  // False when this entry is past what the run asked for (--since, --last): stop listing now,
  // without acting on it or anything after it.
  bool Wants(const model::Workout& entry);
  // What to do with an entry that Wants() accepted.
  EntryAction Decide(const model::Workout& entry) const;
  // True once the page just walked reached the watermark: the pages after it hold nothing new.
  bool ReachedWatermark() const { return reached_watermark_; }
  // True when a run that lists until this point has seen everything new, so a fully successful
  // run may move the watermark: no filter cut the list short.
  bool Unfiltered() const { return !in_.since && !in_.last && in_.discipline.empty(); }
  // The newest created-at seen (the next watermark), if any.
  std::optional<int64_t> newest() const { return newest_; }

 private:
  ListingInputs in_;
  int64_t seen_ = 0;
  bool reached_watermark_ = false;
  std::optional<int64_t> newest_;
};

}  // namespace pelo::sync::internal
