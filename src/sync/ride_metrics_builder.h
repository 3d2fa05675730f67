// The per-ride metrics (analytics.md §2) and power-duration curve of a workout as sync stores
// them: the bridge from a WorkoutBundle and the user's /api/me to analytics::ComputeRideMetrics
// and analytics::RideCurve, and back to rows. Sync calls it on its worker threads, rebuild on
// its reading thread and refresh on its own, so all three store the same.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/analytics/ride_input.h"
#include "pelo/model/ride_metrics_row.h"
#include "pelo/model/user.h"
#include "pelo/store/store.h"

namespace pelo::sync {

// The computation a stored row comes from; bump it when the metrics change, so rows written
// by an older pelo can be told apart (sync::RefreshRideMetrics recomputes them).
//  1: analytics.md §2 metrics.
//  2: every_n, FTP test, intervals and t_hi columns; the ride curve (ride_curves).
inline constexpr int kRideMetricsVersion = 2;

// ride_metrics.ftp_source values: the §3.1 resolution step that gave the FTP.
inline constexpr const char* kFtpFromWorkout = "workout_ftp_info";
inline constexpr const char* kFtpFromTest = "ftp_test";
inline constexpr const char* kFtpFromProfile = "user_profile";
inline constexpr const char* kFtpFromEftp42 = "eftp42";

// An FTP in effect and the ftp_source it is stored with.
struct FtpInEffect {
  double watts = 0;
  std::string source;
};

// Everything a ride's rows depend on besides its bundle.
struct RideMetricsContext {
  std::optional<model::User> user;     // /api/me: FTP fallback and max HR
  analytics::AthleteSettings athlete;  // the athlete's own values, over /api/me's
  // The FTP from the ride's history (§3.1 steps 2-4, resolved by RefreshRideMetrics), used
  // when the workout's ftp_info has none. Unset: the profile's (§3.1 step 3).
  std::optional<FtpInEffect> ftp;
};

// A ride's stored rows.
struct RideRows {
  model::RideMetricsRow metrics;
  std::optional<std::vector<double>> curve_w;  // nullopt without power
};

// True for workouts with an FTP: cycling, or anything with pedaling metrics.
bool HasCyclingFtp(std::string_view discipline, bool has_pedaling_metrics);
bool HasCyclingFtp(const model::Workout& workout);

// The athlete settings: each of `athlete`'s values when set (> 0 for heart rates), else max HR
// from /api/me (customized_max_heart_rate if > 0, else default_max_heart_rate if > 0), else
// the analytics defaults (§2.11, §2.14).
analytics::RideSettings RideSettingsFor(const std::optional<model::User>& user,
                                        const analytics::AthleteSettings& athlete = {});

// The class title §3.2 looks at: the ride's title, else the workout's title, else its name.
std::string ClassTitle(const model::Workout& workout);

// The graph of `bundle` as analytics input: its channels, every_n, the workout's own HR zone
// bounds, and FTP in effect (HasCyclingFtp only: ftp_info, else `ftp`, else the profile's).
analytics::RideInput RideInputFor(const store::WorkoutBundle& bundle,
                                  const std::optional<model::User>& user,
                                  const std::optional<FtpInEffect>& ftp = std::nullopt);

// The stored rows of `bundle` (metrics_version kRideMetricsVersion). The curve is
// analytics::RideCurve of the 1 Hz power on analytics::CurveGrid(), up to the ride's length.
// An FTP test (§3.2) is told by its class title: ftp_info.ftp_workout_id names the test that
// set the FTP going *into* a ride, not the ride itself. Pure: thread-safe.
RideRows ComputeRideRows(const store::WorkoutBundle& bundle, const RideMetricsContext& context);

// ComputeRideRows(...).metrics with only the profile known.
model::RideMetricsRow BuildRideMetrics(const store::WorkoutBundle& bundle,
                                       const std::optional<model::User>& user);

// Sets what the store keeps derived from `bundle`: resolved_ftp (analytics::ResolveWorkoutFtp of
// its ftp_info), and metrics and curve_w (ComputeRideRows(bundle, context)).
void AttachRideRows(store::WorkoutBundle& bundle, const RideMetricsContext& context);

}  // namespace pelo::sync
