// The bound `pelo rebuild` is measured against: the rate at which the same SQLite schema takes
// the same rows from a plain prepared-statement loop. Reads every derived row of --db into
// memory, then times inserting them into a fresh database (created by the store, so the schema
// and journal mode are pelo's) in one transaction: bind, step, reset, nothing else.
//   pelo_rebuild_bound --db SYNCED.db --out SCRATCH.db
// Prints one JSON object: rows, samples, seconds, rows_per_s, samples_per_s.
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "pelo/store/store.h"

namespace {

// Parents before children, as rebuild writes them.
constexpr const char* kTables[] = {
    "users",           "instructors",      "rides",    "workouts", "workout_summaries",
    "workout_metrics", "heart_rate_zones", "segments", "samples",  "gps_points"};

struct Cell {
  int type = SQLITE_NULL;
  int64_t i = 0;  // SQLITE_INTEGER value, or index into Table::texts for TEXT and BLOB
  double d = 0;
};

struct Table {
  std::string name;
  int columns = 0;
  std::vector<Cell> cells;  // row-major
  std::vector<std::string> texts;
  int64_t rows() const { return columns ? static_cast<int64_t>(cells.size()) / columns : 0; }
};

[[noreturn]] void Die(sqlite3* db, const std::string& what) {
  std::fprintf(stderr, "pelo_rebuild_bound: %s: %s\n", what.c_str(),
               db ? sqlite3_errmsg(db) : "error");
  std::exit(1);
}

void Exec(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) Die(db, sql);
}

Table Load(sqlite3* db, const char* name) {
  Table table;
  table.name = name;
  sqlite3_stmt* stmt = nullptr;
  const std::string sql = std::string("SELECT * FROM ") + name;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) Die(db, sql);
  table.columns = sqlite3_column_count(stmt);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    for (int c = 0; c < table.columns; ++c) {
      Cell cell;
      cell.type = sqlite3_column_type(stmt, c);
      if (cell.type == SQLITE_INTEGER) cell.i = sqlite3_column_int64(stmt, c);
      if (cell.type == SQLITE_FLOAT) cell.d = sqlite3_column_double(stmt, c);
      if (cell.type == SQLITE_TEXT || cell.type == SQLITE_BLOB) {
        const void* data = cell.type == SQLITE_TEXT
                               ? static_cast<const void*>(sqlite3_column_text(stmt, c))
                               : sqlite3_column_blob(stmt, c);
        cell.i = static_cast<int64_t>(table.texts.size());
        table.texts.emplace_back(static_cast<const char*>(data),
                                 static_cast<size_t>(sqlite3_column_bytes(stmt, c)));
      }
      table.cells.push_back(cell);
    }
  }
  sqlite3_finalize(stmt);
  return table;
}

void Insert(sqlite3* db, const Table& table) {
  std::string sql = "INSERT INTO " + table.name + " VALUES (";
  for (int c = 0; c < table.columns; ++c) sql += c ? ", ?" : "?";
  sql += ")";
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) Die(db, sql);
  for (size_t row = 0; row < table.cells.size(); row += static_cast<size_t>(table.columns)) {
    for (int c = 0; c < table.columns; ++c) {
      const Cell& cell = table.cells[row + static_cast<size_t>(c)];
      if (cell.type == SQLITE_INTEGER) sqlite3_bind_int64(stmt, c + 1, cell.i);
      if (cell.type == SQLITE_FLOAT) sqlite3_bind_double(stmt, c + 1, cell.d);
      if (cell.type == SQLITE_NULL) sqlite3_bind_null(stmt, c + 1);
      if (cell.type == SQLITE_TEXT || cell.type == SQLITE_BLOB) {
        const std::string& bytes = table.texts[static_cast<size_t>(cell.i)];
        if (cell.type == SQLITE_TEXT) {
          sqlite3_bind_text(stmt, c + 1, bytes.data(), static_cast<int>(bytes.size()),
                            SQLITE_STATIC);
        } else {
          sqlite3_bind_blob(stmt, c + 1, bytes.data(), static_cast<int>(bytes.size()),
                            SQLITE_STATIC);
        }
      }
    }
    if (sqlite3_step(stmt) != SQLITE_DONE) Die(db, "insert into " + table.name);
    sqlite3_reset(stmt);
  }
  sqlite3_finalize(stmt);
}

}  // namespace

int main(int argc, char** argv) {
  std::string source;
  std::string out;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--db") == 0) source = argv[i + 1];
    if (std::strcmp(argv[i], "--out") == 0) out = argv[i + 1];
  }
  if (source.empty() || out.empty()) {
    std::fprintf(stderr, "usage: pelo_rebuild_bound --db SYNCED.db --out SCRATCH.db\n");
    return 2;
  }
  sqlite3* src = nullptr;
  if (sqlite3_open_v2(source.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    Die(src, source);
  }
  std::vector<Table> tables;
  for (const char* name : kTables) tables.push_back(Load(src, name));
  sqlite3_close(src);

  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(out + suffix);
  {
    auto store = pelo::store::OpenSqliteStore(out);  // pelo's schema, WAL
    if (!store.ok()) Die(nullptr, store.status().ToString());
  }
  sqlite3* db = nullptr;
  // Single-threaded use: no SQLite mutex per call, like the store's connection.
  if (sqlite3_open_v2(out.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    Die(db, out);
  }
  // The store's durability setting; foreign keys stay at SQLite's default (off), as during a
  // rebuild's transaction.
  Exec(db, "PRAGMA synchronous=NORMAL");
  const auto start = std::chrono::steady_clock::now();
  Exec(db, "BEGIN IMMEDIATE");
  int64_t rows = 0;
  int64_t samples = 0;
  for (const Table& table : tables) {
    Insert(db, table);
    rows += table.rows();
    if (table.name == "samples") samples = table.rows();
  }
  Exec(db, "COMMIT");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sqlite3_close(db);
  std::printf(
      "{\"rows\": %lld, \"samples\": %lld, \"seconds\": %.3f, \"rows_per_s\": %.0f, "
      "\"samples_per_s\": %.0f}\n",
      static_cast<long long>(rows), static_cast<long long>(samples), seconds,
      static_cast<double>(rows) / seconds, static_cast<double>(samples) / seconds);
  return 0;
}
