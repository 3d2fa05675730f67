// Minimal RAII over the SQLite C API: a connection, prepared statements and a transaction.
// Every failure becomes a kStorage Status naming the database path and the operation.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pelo/common/status.h"

namespace pelo::store::sqlite {

class Database;

// A prepared statement. Binds are 1-based and chainable; a failed bind is reported by the next
// Step/Run, so call sites stay linear.
class Statement {
 public:
  Statement(sqlite3_stmt* stmt, const Database* db) : stmt_(stmt), db_(db) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& Bind(int index, const std::optional<double>& value);
  Statement& Bind(int index, const std::optional<int64_t>& value);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);
  // Binds "" as NULL: the model uses "" for absent strings.
  Statement& BindTextOrNull(int index, std::string_view text);

  // Advances: true when a row is available, false when done.
  StatusOr<bool> Step();
  // Steps to completion (for writes), then resets for reuse.
  Status Run();
  // Run() keeping the bindings, for hot loops that bind every parameter before each run: saves
  // clearing them per row.
  Status RunAllBound();
  // Ready for new bindings (keeps the compiled statement).
  void Reset();

  std::string Text(int column) const;
  std::string Blob(int column) const;
  // The blob without a copy: valid until the next Step, Reset or column call on this column.
  std::string_view BlobView(int column) const;
  int64_t Int(int column) const;
  std::optional<int64_t> OptInt(int column) const;
  std::optional<double> OptDouble(int column) const;

 private:
  void NoteBind(int rc);

  sqlite3_stmt* stmt_;
  const Database* db_;
  int bind_error_ = SQLITE_OK;
};

class Database {
 public:
  // Opens (creating) the file at `path` with WAL, foreign keys and a busy timeout. The
  // connection takes no SQLite mutex per call: its owner serialises access (SqliteStore's
  // lock), as SQLite's multi-thread mode requires.
  static StatusOr<std::unique_ptr<Database>> Open(const std::string& path);
  // Opens an existing file read-only (a second connection beside a writer, e.g. to stream the
  // archive while another connection writes); kStorage when it does not exist. No SQLite mutex
  // per call either: each such connection is used by one thread at a time (SqliteStore's lock,
  // or the one function that opened it), and the mutex cost the dashboard's reads of samples a
  // sixth of their time.
  static StatusOr<std::unique_ptr<Database>> OpenForReading(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Status Exec(const std::string& sql, std::string_view operation);
  StatusOr<Statement> Prepare(std::string_view sql) const;
  // kStorage "<path>: <operation>: <sqlite message>".
  Status Error(std::string_view operation) const;
  const std::string& path() const { return path_; }
  // Whether a transaction is open on this connection (not in autocommit mode).
  bool InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }
  // The rowid of the last row this connection inserted (INTEGER PRIMARY KEY columns alias it).
  int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  sqlite3* db_;
  std::string path_;
};

// BEGIN IMMEDIATE on construction (taking the write lock up front, so a busy database fails
// here rather than mid-write); rolls back on destruction unless Commit() succeeded.
class Transaction {
 public:
  static StatusOr<std::unique_ptr<Transaction>> Begin(Database& db);
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Database& db) : db_(db) {}
  Database& db_;
  bool done_ = false;
};

// A read transaction (BEGIN DEFERRED): the reads until its end see one snapshot of the database,
// so a writer that commits meanwhile is seen wholly or not at all (WAL: it does not block the
// writer). Works on a read-only connection. Inside an open transaction it does nothing: the
// reads see that transaction already. Ended (COMMIT: nothing was written) on destruction.
class ReadTransaction {
 public:
  static StatusOr<std::unique_ptr<ReadTransaction>> Begin(Database& db);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  ReadTransaction(Database& db, bool owns) : db_(db), owns_(owns) {}
  Database& db_;
  bool owns_;
};

}  // namespace pelo::store::sqlite
