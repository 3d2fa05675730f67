#include "store/ride_curves_table.h"

#include <bit>
#include <cstdint>
#include <cstring>

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

Status ReadRideCurves(const sqlite::Database& db,
                      const std::function<Status(const model::RideCurveListing&)>& fn) {
  // every_n from the workout: the graph the curve was computed from.
  PELO_ASSIGN_OR_RETURN(sqlite::Statement q, db.Prepare(R"sql(
    SELECT c.workout_id, w.start_time, w.timezone, w.every_n, c.watts
    FROM ride_curves c JOIN workouts w ON w.id = c.workout_id
    ORDER BY w.start_time IS NULL, w.start_time, c.workout_id)sql"));
  model::RideCurveListing listing;
  while (true) {
    PELO_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return OkStatus();
    listing.workout_id = q.Text(0);
    listing.start_time = q.OptInt(1);
    listing.timezone = q.Text(2);
    listing.every_n = static_cast<int>(q.Int(3));
    StatusOr<std::vector<double>> watts = DecodeCurve(q.BlobView(4));
    if (!watts.ok()) return watts.status().WithContext(db.path() + ": " + listing.workout_id);
    listing.watts = std::move(watts).value();
    PELO_RETURN_IF_ERROR(fn(listing));
  }
}

}  // namespace pelo::store
