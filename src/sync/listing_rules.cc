#include "sync/listing_rules.h"

#include <algorithm>

namespace pelo::sync::internal {

std::optional<int64_t> CreatedAt(const model::Workout& entry) {
  return entry.created_at ? entry.created_at : entry.start_time;
}

bool NeedsDetail(const model::Workout& entry) {
  if (entry.fitness_discipline == kStrength) return true;
  if (entry.ftp_info) return false;
  return entry.has_pedaling_metrics || entry.fitness_discipline == "cycling";
}

bool IsClassRideId(std::string_view ride_id) {
  return ride_id.find_first_not_of('0') != std::string_view::npos;
}

std::string ClassPlanRideId(const model::Workout& workout) {
  if (workout.fitness_discipline != kStrength || !workout.ride) return {};
  return IsClassRideId(workout.ride->id) ? workout.ride->id : std::string();
}

bool ListingRules::Wants(const model::Workout& entry) {
  const std::optional<int64_t> created = CreatedAt(entry);
  if (in_.last && seen_ >= *in_.last) return false;
  if (in_.since && created && *created < *in_.since) return false;
  ++seen_;
  if (created) {
    newest_ = newest_ ? std::max(*newest_, *created) : *created;
    if (!in_.full && in_.watermark && *created <= *in_.watermark) reached_watermark_ = true;
  }
  return true;
}

EntryAction ListingRules::Decide(const model::Workout& entry) const {
  if (!in_.discipline.empty() && entry.fitness_discipline != in_.discipline) {
    return EntryAction::kFiltered;
  }
  // A missing status (the API changes without notice) counts as complete.
  if (!entry.status.empty() && entry.status != "COMPLETE") return EntryAction::kInProgress;
  if (!in_.full && in_.known != nullptr && in_.known->count(entry.id) != 0) {
    return EntryAction::kKnown;
  }
  return EntryAction::kFetch;
}

}  // namespace pelo::sync::internal
