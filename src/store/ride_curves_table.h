// The ride_curves table (schema v5): each ride's power-duration curve as a blob of
// little-endian binary64 (see the migration's comment), its insert and its listing.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/model/ride_metrics_row.h"
#include "store/sqlite_db.h"

namespace pelo::store {

// `watts` as the column holds it: 8 bytes per point, little-endian IEEE-754 binary64.
std::string EncodeCurve(const std::vector<double>& watts);
// The inverse; kStorage when `blob` is not a whole number of points.
StatusOr<std::vector<double>> DecodeCurve(std::string_view blob);

// INSERT of one ride_curves row (?1 workout_id, ?2 metrics_version, ?3 watts).
inline constexpr const char* kRideCurveInsertSql =
    "INSERT INTO ride_curves (workout_id, metrics_version, watts) VALUES (?1, ?2, ?3)";

// Binds and runs a statement prepared from kRideCurveInsertSql.
Status RunRideCurveInsert(sqlite::Statement& stmt, const std::string& workout_id,
                          int metrics_version, const std::vector<double>& watts);

// `workout_id`'s stored curve; nullopt when it has no ride_curves row.
StatusOr<std::optional<std::vector<double>>> ReadRideCurve(const sqlite::Database& db,
                                                           const std::string& workout_id);

// Store::ForEachRideCurve on `db`.
Status ReadRideCurves(const sqlite::Database& db,
                      const std::function<Status(const model::RideCurveListing&)>& fn);

}  // namespace pelo::store
