// Test helpers: workout bundles parsed from the captured fixtures, temp database paths, and
// direct SQLite access for checking what is on disk.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "pelo/store/store.h"

namespace pelo::store::testing {

// Peloton sends miles; the store keeps kilometres.
inline constexpr double kKmPerMile = 1.609344;

// A bundle from a P2G envelope under fixtures/peloton/peloton-to-garmin/src/UnitTests/Data,
// parsed with the api parse functions, with both raw bodies attached and its ftp_info resolved
// (analytics::ResolveWorkoutFtp) as sync resolves it.
WorkoutBundle BundleFromEnvelope(const std::string& relative_path);

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  std::filesystem::path path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The first column of the first row of `sql` on the database file at `db_path` as int64/double.
int64_t QueryInt(const std::string& db_path, const std::string& sql);
double QueryDouble(const std::string& db_path, const std::string& sql);
std::string QueryText(const std::string& db_path, const std::string& sql);  // "" for NULL
// Runs `sql` on the file directly (e.g. to plant a fault); fails the test on error.
void ExecSql(const std::string& db_path, const std::string& sql);

// SQL that removes schema v6 (the workout files' tables), for the tests that fake a database of
// an older pelo.
inline constexpr const char* kDropSchemaV6 =
    "DROP TABLE tracked_movement_weights; DROP TABLE tracked_movements; "
    "DROP TABLE target_block_metrics; DROP TABLE target_blocks; "
    "DROP TABLE class_plan_movements; DROP TABLE class_plan_steps; DROP TABLE class_plans; ";

}  // namespace pelo::store::testing
