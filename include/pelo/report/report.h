// The HTML report (`pelo report`, `pelo demo`; ADR 0022): one self-contained page that opens
// offline from file://, with the chart library, its style and script and the data inside it.
// The data are the app layer's JSON encodings (app/json.h) of the same results `pelo stats ...
// --json` prints, so the page and the CLI show the same numbers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "pelo/app/day_range.h"
#include "pelo/common/status.h"
#include "pelo/store/store.h"

namespace pelo::report {

struct ReportOptions {
  // The chosen days: the rides table and the power curve's "range" series. The other views
  // show the whole history, as `pelo stats fitness|ftp|zones|drivers` do without flags.
  app::DayRange range;
  // Where each workout has a page (the dashboard's "/workouts/"): the charts' points and the
  // rides table link to base + id. Empty (the file report): they lead to the rides table.
  std::string workout_link;
};

// The data document every view reads, one JSON object (schema 1):
//   schema, today, range {since, until}, athlete {weight_kg}, links {workout: base or null},
//   rides    `pelo stats rides [--since --until] --json`
//   curve    {all_time, last_90_days, range}: `pelo stats curve --json` over all rides, the 90
//            days ending today, and the chosen range (null when none)
//   fitness  `pelo stats fitness --json`
//   ftp      `pelo stats ftp --json`
//   zones    {week, month}: `pelo stats zones --by week|month --json`
//   drivers  `pelo stats drivers --json`
StatusOr<std::string> ReportData(store::Store& store, const ReportOptions& options);

// The dashboard's workouts list: {schema, today, links {workout}, workouts: `pelo workouts
// --json` (every stored workout, newest first)}.
StatusOr<std::string> WorkoutsData(store::Store& store, const std::string& workout_link);

// The dashboard's page of workout `workout_id`: {schema, links {workout}, workout: `pelo
// stats ride ID --json`, curve_all_time: `pelo stats curve --json`}. kNotFound when the
// workout is not stored.
StatusOr<std::string> WorkoutData(store::Store& store, const std::string& workout_id,
                                  const std::string& workout_link);

// The pages: the report, and the dashboard's workouts list and workout page.
enum class Page { kReport, kWorkouts, kWorkout };

// Page `page` for `data` (its data document: ReportData, WorkoutsData, WorkoutData): its
// template of web/src/ with the chart library, the shared and the page's script and style, the
// data (every '<' escaped, so that no text in it can close its script element) and the licences
// filled in, under a Content-Security-Policy that lets only these scripts run and nothing be
// fetched.
StatusOr<std::string> RenderPage(Page page, std::string_view data);

// The page of `store` written to `path` atomically (mode 0644): readers see the old file or the
// whole new one. Its size in bytes.
StatusOr<size_t> WriteReport(store::Store& store, const ReportOptions& options,
                             const std::string& path);

}  // namespace pelo::report
