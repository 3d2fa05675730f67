// The ride_metrics table (schema v4, v5): its insert and its listing, both generated from the
// registry of ride metrics (model::kRideMetricFields); what refresh reads of it and how it
// replaces one workout's row.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pelo/model/ride_metrics_row.h"
#include "pelo/store/store.h"
#include "store/sqlite_db.h"

namespace pelo::store {

// INSERT of one ride_metrics row; bind it with RunRideMetricsInsert.
std::string RideMetricsInsertSql();

// Binds `row` as `workout_id`'s metrics to a statement prepared from RideMetricsInsertSql, and
// runs it.
Status RunRideMetricsInsert(sqlite::Statement& stmt, const std::string& workout_id,
                            const model::RideMetricsRow& row);

// Every stored metrics row with its workout's start time, discipline and title, newest (by
// start time) first.
StatusOr<std::vector<model::RideMetricsListing>> ReadRideMetricsRows(const sqlite::Database& db);

// `workout_id`'s metrics row as ReadRideMetricsRows lists it; nullopt when it has none.
StatusOr<std::optional<model::RideMetricsListing>> ReadRideMetricsListing(
    const sqlite::Database& db, const std::string& workout_id);

// Store::RideMetricsStates on `db`.
StatusOr<std::vector<RideMetricsState>> ReadRideMetricsStates(const sqlite::Database& db);

// Store::ReplaceRideMetrics on `db`; the caller owns the transaction.
Status ReplaceRideRows(sqlite::Database& db, const std::string& workout_id,
                       const std::optional<model::RideMetricsRow>& metrics,
                       const std::optional<std::vector<double>>& curve_w);

}  // namespace pelo::store
