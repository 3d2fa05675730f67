#include "store/ride_curves_table.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <utility>

namespace pelo::store {
namespace {

constexpr size_t kPointBytes = sizeof(double);
static_assert(sizeof(double) == 8 && sizeof(uint64_t) == 8);

}  // namespace

std::string EncodeCurve(const std::vector<double>& watts) {
  std::string blob(watts.size() * kPointBytes, '\0');
  if constexpr (std::endian::native == std::endian::little) {
    if (!watts.empty()) std::memcpy(blob.data(), watts.data(), blob.size());
  } else {
    for (size_t i = 0; i < watts.size(); ++i) {
      const auto bits = std::bit_cast<uint64_t>(watts[i]);
      for (size_t b = 0; b < kPointBytes; ++b) {
        blob[i * kPointBytes + b] = static_cast<char>((bits >> (8 * b)) & 0xff);
      }
    }
  }
  return blob;
}

StatusOr<std::vector<double>> DecodeCurve(std::string_view blob) {
  if (blob.size() % kPointBytes != 0) {
    return Status(ErrorCode::kStorage, "a ride curve of " + std::to_string(blob.size()) +
                                           " bytes: not a whole number of 8-byte points");
  }
  std::vector<double> watts(blob.size() / kPointBytes);
  if constexpr (std::endian::native == std::endian::little) {
    if (!watts.empty()) std::memcpy(watts.data(), blob.data(), blob.size());
  } else {
    for (size_t i = 0; i < watts.size(); ++i) {
      uint64_t bits = 0;
      for (size_t b = 0; b < kPointBytes; ++b) {
        bits |= uint64_t{static_cast<unsigned char>(blob[i * kPointBytes + b])} << (8 * b);
      }
      watts[i] = std::bit_cast<double>(bits);
    }
  }
  return watts;
}

Status RunRideCurveInsert(sqlite::Statement& stmt, const std::string& workout_id,
                          int metrics_version, const std::vector<double>& watts) {
  stmt.Bind(1, workout_id).Bind(2, int64_t{metrics_version}).BindBlob(3, EncodeCurve(watts));
  return stmt.Run();
}

StatusOr<std::optional<std::vector<double>>> ReadRideCurve(const sqlite::Database& db,
                                                           const std::string& workout_id) {
  PELO_ASSIGN_OR_RETURN(sqlite::Statement q,
                        db.Prepare("SELECT watts FROM ride_curves WHERE workout_id = ?1"));
  PELO_ASSIGN_OR_RETURN(bool found, q.Bind(1, workout_id).Step());
  if (!found) return std::optional<std::vector<double>>();
  StatusOr<std::vector<double>> watts = DecodeCurve(q.BlobView(0));
  if (!watts.ok()) return watts.status().WithContext(db.path() + ": " + workout_id);
  return std::optional<std::vector<double>>(std::move(watts).value());
}

Status ReadRideCurves(const sqlite::Database& db,
                      const std::function<Status(const model::RideCurveListing&)>& fn) {
  // The order first (a sort of small rows), then the blobs in the table's own key order, each
  // put in its place: sorting the rows with their 3 KB blobs, or looking each blob up by key,
  // took 5 to 7 times as long. every_n from the workout: the graph the curve was computed from.
  PELO_ASSIGN_OR_RETURN(sqlite::Statement order, db.Prepare(R"sql(
    SELECT c.workout_id, w.start_time, w.timezone, w.every_n
    FROM ride_curves c JOIN workouts w ON w.id = c.workout_id
    ORDER BY w.start_time IS NULL, w.start_time, c.workout_id)sql"));
  std::vector<model::RideCurveListing> rides;
  std::unordered_map<std::string, size_t> position;
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool row, order.Step());
    if (!row) break;
    model::RideCurveListing& ride = rides.emplace_back();
    ride.workout_id = order.Text(0);
    ride.start_time = order.OptInt(1);
    ride.timezone = order.Text(2);
    ride.every_n = static_cast<int>(order.Int(3));
    position.emplace(ride.workout_id, rides.size() - 1);
  }
  PELO_ASSIGN_OR_RETURN(sqlite::Statement curves,
                        db.Prepare("SELECT workout_id, watts FROM ride_curves"));
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool row, curves.Step());
    if (!row) break;
    const auto at = position.find(curves.Text(0));
    if (at == position.end()) continue;  // no workout row: not listed
    StatusOr<std::vector<double>> watts = DecodeCurve(curves.BlobView(1));
    if (!watts.ok()) return watts.status().WithContext(db.path() + ": " + at->first);
    rides[at->second].watts = std::move(watts).value();
  }
  for (model::RideCurveListing& ride : rides) {
    PELO_RETURN_IF_ERROR(fn(ride));
    ride.watts = {};
  }
  return OkStatus();
}

}  // namespace pelo::store
