// Keeping the stored per-ride metrics and curves current: what depends on a changed FTP
// history, metric version or athlete settings is computed again from the archive (no network).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "pelo/analytics/ride_input.h"
#include "pelo/common/status.h"
#include "pelo/model/user.h"
#include "pelo/store/store.h"

namespace pelo::sync {

struct RefreshOptions {
  analytics::AthleteSettings athlete;  // as sync::Options::athlete
};

struct RefreshResult {
  // Workouts whose metrics and curve rows were computed again and stored (for any reason
  // below).
  int64_t recomputed = 0;
  // Of those, rides whose FTP in effect (value or source) changed: §3.1's chain found a
  // different one.
  int64_t ftp_changed = 0;
  // Workouts that needed it but whose archived responses are missing or do not parse: left as
  // they were. Missing or older rows stay stale (the next refresh tries again); rows kept
  // through a settings or FTP change keep the values they had.
  int64_t unavailable = 0;
};

// The sync_state key that records the settings the stored rows were computed with.
inline constexpr const char* kRideMetricsSettingsKey = "ride_metrics_settings";

// The settings the rows depend on besides the ride (max HR, resting HR, LTHR, sex: `athlete`
// over /api/me over the defaults), as one canonical string; equal settings give equal strings.
std::string RideMetricsSettingsRecord(const std::optional<model::User>& user,
                                      const analytics::AthleteSettings& athlete);

// To call before storing rows computed with these settings (sync::Run does): when they differ
// from the recorded ones, the record is cleared, so that whatever happens next (even a kill),
// the next refresh computes every row again. On an empty store they are recorded at once.
Status BeginRideMetricsWrites(store::Store& store, const std::optional<model::User>& user,
                              const analytics::AthleteSettings& athlete);

// Brings every stored workout's ride_metrics and ride_curves rows up to date, from the archived
// responses and the stored profile (Store::LoadUser):
//  1. computes again the rows that are missing (a workout stored without them, a ride without
//     its curve), written by an older computation (metrics_version < kRideMetricsVersion), or
//     all of them when the settings (RideMetricsSettingsRecord) differ from the recorded ones
//     (or none are recorded);
//  2. then resolves analytics.md §3.1 for the cycling rides whose ftp_info gives no FTP (the
//     latest FTP test on or before the ride's day, else /api/me, else eFTP42 on that day; the
//     day is analytics::RideDay) and computes again the rides whose stored FTP differs;
//  3. records the settings.
// sync::Run calls it at the end of every successful run and sync::Rebuild after rebuilding;
// with nothing to do it costs three small queries. Interrupted (pelo::RequestCancel): kCancelled,
// the rows stored so far kept.
StatusOr<RefreshResult> RefreshRideMetrics(store::Store& store, const RefreshOptions& options = {});

}  // namespace pelo::sync
