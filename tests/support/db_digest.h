// Exact, deterministic fingerprints of a pelo database's tables, for tests that compare two
// databases (sync vs rebuild, killed-and-resumed sync vs uninterrupted sync).
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>

namespace pelo::testing {

struct TableDigest {
  int64_t rows = 0;
  std::string checksum;  // 16 hex digits: FNV-1a 64 over the canonical text of every row

  bool operator==(const TableDigest&) const = default;
};

std::ostream& operator<<(std::ostream& out, const TableDigest& digest);

struct DigestOptions {
  // Also digest the sync bookkeeping: raw_responses, sync_state, pending_workouts,
  // workout_deletions (rebuild keeps them; sync writes them).
  bool include_bookkeeping = false;
};

// table name -> digest, for every table of the database at `db_path` (opened read-only)
// except the bookkeeping ones unless asked. Rows are read in a canonical order (ORDER BY every
// column). Volatile columns are left out: saved_at, fetched_at, seen_at, detected_at, and
// workouts.key; samples.workout_key is replaced by its workout's id, since keys follow the
// order workouts were inserted in. Fails the calling test (ADD_FAILURE) on a database error
// and returns what it read.
std::map<std::string, TableDigest> DigestTables(const std::string& db_path,
                                                const DigestOptions& options = {});

}  // namespace pelo::testing
