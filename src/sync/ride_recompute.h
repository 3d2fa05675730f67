// Stored rides' metrics and curves computed again from the archive alone (no network): a
// reading thread streams the workouts' archived responses (Store::ForEachArchivedOf), parses
// them and computes the rows; the calling thread replaces each workout's rows.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/store/store.h"
#include "sync/ride_metrics_builder.h"

namespace pelo::sync {

// Computes the rows of each of `workout_ids` from its archived responses, as rebuild would,
// with `base` (its `ftp` taken from `ftp_of` for the workouts there, unset for the others),
// and stores them with Store::ReplaceRideMetrics. `on_stored` runs on this thread after each.
// A workout whose archived responses are missing or do not parse is left as it is. Returns
// how many were stored; kCancelled when pelo::RequestCancel() stopped it (the rows stored by
// then stay: each is complete).
StatusOr<int64_t> RecomputeRides(store::Store& store, const std::vector<std::string>& workout_ids,
                                 const RideMetricsContext& base,
                                 const std::unordered_map<std::string, FtpInEffect>& ftp_of,
                                 const std::function<void(const RideRows&)>& on_stored);

}  // namespace pelo::sync
