// The per-ride metrics (analytics.md §2) of a workout as sync stores it: the bridge from a
// WorkoutBundle and the user's /api/me to analytics::ComputeRideMetrics and back to a row.
// Sync calls it on its worker threads, rebuild on its reading thread, so both store the same.
#pragma once

#include <optional>

#include "pelo/analytics/ride_input.h"
#include "pelo/model/ride_metrics_row.h"
#include "pelo/model/user.h"
#include "pelo/store/store.h"

namespace pelo::sync {

// The computation a stored row comes from; bump it when the metrics change, so rows written
// by an older pelo can be told apart (and `pelo rebuild` recomputes them).
inline constexpr int kRideMetricsVersion = 1;

// ride_metrics.ftp_source values.
inline constexpr const char* kFtpFromWorkout = "workout_ftp_info";
inline constexpr const char* kFtpFromProfile = "user_profile";

// True for workouts with an FTP: cycling, or anything with pedaling metrics.
bool HasCyclingFtp(const model::Workout& workout);

// The athlete settings from /api/me: max HR is customized_max_heart_rate if > 0, else
// default_max_heart_rate if > 0, else the analytics default (§2.11).
analytics::RideSettings RideSettingsFor(const std::optional<model::User>& user);

// The graph of `bundle` as analytics input: its channels, every_n, the workout's own HR zone
// bounds, and FTP in effect (HasCyclingFtp only: ftp_info, else the profile's FTP).
analytics::RideInput RideInputFor(const store::WorkoutBundle& bundle,
                                  const std::optional<model::User>& user);

// The stored metrics of `bundle` (metrics_version kRideMetricsVersion). Pure: thread-safe.
model::RideMetricsRow BuildRideMetrics(const store::WorkoutBundle& bundle,
                                       const std::optional<model::User>& user);

}  // namespace pelo::sync
