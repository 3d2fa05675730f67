// One JSON encoding per result, shared by every front-end (`--json` now, the report and the
// dashboard later). Each returns the JSON text without a final newline: pretty (2-space
// indents) when `pretty`, else on one line. Computed values are rounded to 4 decimals (enough
// for every tolerance of analytics.md); NaN, infinity and unknown values are null.
#pragma once

#include <string>
#include <vector>

#include "pelo/analytics/drivers.h"
#include "pelo/analytics/pmc.h"
#include "pelo/analytics/weekly_features.h"
#include "pelo/app/activity_export.h"
#include "pelo/app/history.h"
#include "pelo/app/ride.h"
#include "pelo/app/sync_schedule.h"
#include "pelo/insights/drivers.h"
#include "pelo/insights/fitness.h"
#include "pelo/model/ride_metrics_row.h"
#include "pelo/model/tables.h"
#include "pelo/sync/rebuild.h"
#include "pelo/sync/sync.h"

namespace pelo::app {

// An array of objects keyed by the workouts CSV's column names, and `day`: the workout's local
// day (day_range.h), which the CSV does not have.
std::string WorkoutsJson(const std::vector<model::WorkoutRow>& rows, bool pretty);

// An array of objects keyed by RideStatsColumns() (columns.h), in that order.
std::string RideStatsJson(const std::vector<model::RideMetricsListing>& rows, bool pretty);

// One workout in full (the dashboard's /api/workouts/<id>), members in this order:
//   workout_id, date (UTC start, as RideStatsJson writes it), day (the rider's local day,
//   YYYY-MM-DD), discipline, title, instructor, is_outdoor, duration_s, ftp (in effect);
//   ride: RideStatsJson's object of this workout, null without metrics;
//   power_zones: [{zone, low_w, high_w (null for Z7), seconds}], [] without an FTP;
//   heart_rate_zones: [{zone, low_bpm, high_bpm, seconds}], [] when nothing of them is known;
//   segments: [{name, icon, start_s, length_s}];
//   samples: {t_s: [...], then an array per SampleRow channel that has a value in this ride,
//     named as the member (output_w, cadence_rpm, ...), as long as t_s, null where absent};
//   curve: [{duration_s, watts}], [] without a stored curve;
//   gps: {t_s, latitude, longitude} (arrays), null without GPS points.
// Numbers are rounded to 4 decimals and whole numbers written without a fraction, except those
// of `ride` (as RideStatsJson writes them) and latitude and longitude (every digit: 4 decimals
// are 11 m). The sample, curve and GPS arrays are written directly, not through a JSON tree (a
// 3-hour ride has some 60,000 numbers); pretty puts each of those arrays, and each curve point,
// on one line.
std::string RideJson(const RideDetail& ride, bool pretty);

// An array of {duration_s, watts, workout_id, date, resolution_limited}.
std::string CurveJson(const std::vector<CurvePoint>& points, bool pretty);

// An array of {date, load, ctl, atl, tsb, ramp}.
std::string FitnessJson(const std::vector<analytics::PmcDay>& days, bool pretty);

// {changes, current, eftp42, eftp42_trend_w_per_week, trend_weeks}; rides named by `history`.
std::string FtpJson(const insights::FtpSummary& ftp, const insights::RideHistory& history,
                    bool pretty);

// An array of {week|month, workouts, hours, tss, pz1_s..pz7_s, hrz1_s..hrz5_s}.
std::string ZonesJson(const std::vector<insights::ZoneTotals>& periods, insights::ZonePeriod period,
                      bool pretty);

// Every number of the drivers analysis: factors, partial effects, trend, impulse response,
// pitfalls.
std::string DriversJson(const insights::DriversAnalysis& analysis,
                        const analytics::DriversOptions& options, bool pretty);

// An array of one object per ISO week: the §5.2 features and the weekly outcomes.
std::string WeeklyFeaturesJson(const std::vector<analytics::WeekFeatures>& weeks, bool pretty);

// {requests, bytes, new, updated, ..., ftp_changed, class_plans, rebuilt}; deleted and restored
// when `reconcile`; error {code, message} when the sync failed.
std::string SyncResultJson(const sync::SyncResult& result, bool reconcile, bool pretty = false);

// One line of `pelo sync --interval --json`: {at, outcome, failures_in_a_row, next_at,
// next_in_s} (the last two only when another run follows), with SyncResultJson's keys when the
// sync ran, and `error` when the run did not succeed.
std::string ScheduledSyncJson(const sync::SyncResult& result, const ScheduledRun& run);

// {json_bytes, ftp_changed, recomputed, samples, seconds, skipped, workouts}.
std::string RebuildResultJson(const sync::RebuildResult& result, bool pretty = false);

// {format, written, skipped, files: [{workout_ids, title, path, bytes}],
//  skipped_workouts: [{workout_ids, title, reason}]}: one object for `pelo export fit|tcx|gpx`.
std::string ActivityExportJson(const ActivityExportResult& result, ActivityFormat format,
                               bool pretty = false);

}  // namespace pelo::app
