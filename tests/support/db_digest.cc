#include "support/db_digest.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cinttypes>
#include <cstdio>
#include <set>
#include <string_view>
#include <vector>

namespace pelo::testing {
namespace {

const std::set<std::string>& BookkeepingTables() {
  static const std::set<std::string> kTables = {"raw_responses", "sync_state", "pending_workouts",
                                                "workout_deletions"};
  return kTables;
}

// Timestamps of when pelo wrote a row, and the insertion-order workout key.
bool IsVolatile(const std::string& table, const std::string& column) {
  static const std::set<std::string> kTimestamps = {"saved_at", "fetched_at", "seen_at",
                                                    "detected_at"};
  return kTimestamps.count(column) || (table == "workouts" && column == "key");
}

class Fnv1a {
 public:
  void Add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      hash_ ^= c;
      hash_ *= 0x100000001b3ULL;
    }
  }
  std::string Hex() const {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016" PRIx64, hash_);
    return buffer;
  }

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// One value as unambiguous text: its type, then its exact contents.
void AddValue(sqlite3_stmt* stmt, int column, Fnv1a& hash) {
  char buffer[40];
  switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_NULL:
      hash.Add("N|");
      return;
    case SQLITE_INTEGER:
      std::snprintf(buffer, sizeof buffer, "i%lld|",
                    static_cast<long long>(sqlite3_column_int64(stmt, column)));
      hash.Add(buffer);
      return;
    case SQLITE_FLOAT:
      std::snprintf(buffer, sizeof buffer, "r%.17g|", sqlite3_column_double(stmt, column));
      hash.Add(buffer);
      return;
    default: {
      const bool text = sqlite3_column_type(stmt, column) == SQLITE_TEXT;
      const void* data = text ? static_cast<const void*>(sqlite3_column_text(stmt, column))
                              : sqlite3_column_blob(stmt, column);
      const int size = sqlite3_column_bytes(stmt, column);
      std::snprintf(buffer, sizeof buffer, "%c%d:", text ? 't' : 'b', size);
      hash.Add(buffer);
      hash.Add(std::string_view(static_cast<const char*>(data), static_cast<size_t>(size)));
      hash.Add("|");
    }
  }
}

std::vector<std::string> Columns(sqlite3* db, const std::string& table) {
  std::vector<std::string> columns;
  sqlite3_stmt* stmt = nullptr;
  const std::string sql = "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
    return columns;
  }
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    columns.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  }
  sqlite3_finalize(stmt);
  return columns;
}

// SELECT of `table`'s stable columns (workout_key shown as the workout's id), ordered by all.
std::string CanonicalSelect(const std::string& table, const std::vector<std::string>& columns) {
  std::string list;
  std::string order;
  int n = 0;
  for (const std::string& column : columns) {
    if (IsVolatile(table, column)) continue;
    const std::string separator = n++ > 0 ? ", " : "";
    list += separator;
    if (column == "workout_key") {
      list += "(SELECT w.id FROM workouts w WHERE w.key = t.workout_key)";
    } else {
      list += "t.\"" + column + "\"";
    }
    order += separator + std::to_string(n);
  }
  return "SELECT " + list + " FROM \"" + table + "\" t ORDER BY " + order;
}

TableDigest DigestTable(sqlite3* db, const std::string& table) {
  TableDigest digest;
  const std::string sql = CanonicalSelect(table, Columns(db, table));
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
    return digest;
  }
  Fnv1a hash;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    ++digest.rows;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) AddValue(stmt, i, hash);
    hash.Add("\n");
  }
  if (rc != SQLITE_DONE) ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
  sqlite3_finalize(stmt);
  digest.checksum = hash.Hex();
  return digest;
}

}  // namespace

std::ostream& operator<<(std::ostream& out, const TableDigest& digest) {
  return out << "{rows " << digest.rows << ", checksum " << digest.checksum << "}";
}

std::map<std::string, TableDigest> DigestTables(const std::string& db_path,
                                                const DigestOptions& options) {
  std::map<std::string, TableDigest> digests;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << db_path << ": " << sqlite3_errmsg(db);
    sqlite3_close(db);
    return digests;
  }
  std::vector<std::string> tables;
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                     "'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                     -1, &stmt, nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  }
  sqlite3_finalize(stmt);
  if (tables.empty()) ADD_FAILURE() << db_path << ": no tables";
  for (const std::string& table : tables) {
    if (!options.include_bookkeeping && BookkeepingTables().count(table)) continue;
    digests[table] = DigestTable(db, table);
  }
  sqlite3_close(db);
  return digests;
}

}  // namespace pelo::testing
