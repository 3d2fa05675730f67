#include "store/sqlite_db.h"

namespace pelo::store::sqlite {
namespace {

// How long a writer waits for another connection's lock before giving up.
constexpr int kBusyTimeoutMs = 10000;

}  // namespace

Statement::Statement(Statement&& other) noexcept
    : stmt_(other.stmt_), db_(other.db_), bind_error_(other.bind_error_) {
  other.stmt_ = nullptr;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::NoteBind(int rc) {
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
}

Statement& Statement::Bind(int index, std::string_view text) {
  NoteBind(
      sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  NoteBind(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  NoteBind(sqlite3_bind_double(stmt_, index, value));
  return *this;
}

Statement& Statement::Bind(int index, const std::optional<double>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Statement& Statement::Bind(int index, const std::optional<int64_t>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  NoteBind(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::BindNull(int index) {
  NoteBind(sqlite3_bind_null(stmt_, index));
  return *this;
}

Statement& Statement::BindTextOrNull(int index, std::string_view text) {
  return text.empty() ? BindNull(index) : Bind(index, text);
}

namespace {

// The start of `sql` on one line (errors are one line): white space runs become one space.
std::string SqlSnippet(const char* sql) {
  std::string out;
  for (const char* c = sql ? sql : ""; *c != '\0' && out.size() < 60; ++c) {
    const bool space = *c == ' ' || *c == '\n' || *c == '\r' || *c == '\t';
    if (!space) {
      out += *c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  return out;
}

}  // namespace

StatusOr<bool> Statement::Step() {
  if (bind_error_ != SQLITE_OK) {
    return Status(ErrorCode::kStorage, db_->path() + ": bind: " + sqlite3_errstr(bind_error_));
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error("executing \"" + SqlSnippet(sqlite3_sql(stmt_)) + "\"");
}

Status Statement::Run() {
  StatusOr<bool> row = Step();
  Reset();
  return row.ok() ? OkStatus() : row.status();
}

Status Statement::RunAllBound() {
  StatusOr<bool> row = Step();
  sqlite3_reset(stmt_);
  return row.ok() ? OkStatus() : row.status();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = SQLITE_OK;
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string_view Statement::BlobView(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  if (data == nullptr) return {};
  return std::string_view(static_cast<const char*>(data),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Statement::Blob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  if (data == nullptr) return {};
  return std::string(static_cast<const char*>(data),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<int64_t> Statement::OptInt(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(stmt_, column);
}

std::optional<double> Statement::OptDouble(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_double(stmt_, column);
}

StatusOr<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  sqlite3* handle = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &handle,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<Database> db(new Database(handle, path));
  if (rc != SQLITE_OK) return db->Error("open");
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, kBusyTimeoutMs);
  // WAL: readers (export, report) never block the sync writer. NORMAL is durable enough in WAL
  // (a power cut may lose the last commit, never corrupt). A file this process may not write
  // (mode 0444, a read-only mount) opens read-only: WAL is a setting of the file, kept from when
  // it was writable; what only reads works, and the first write fails as SQLITE_READONLY.
  if (sqlite3_db_readonly(handle, "main") != 1) {
    PELO_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode=WAL", "enable WAL"));
  }
  PELO_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous=NORMAL", "set synchronous"));
  PELO_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys=ON", "enable foreign keys"));
  return db;
}

StatusOr<std::unique_ptr<Database>> Database::OpenForReading(const std::string& path) {
  sqlite3* handle = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<Database> db(new Database(handle, path));
  if (rc != SQLITE_OK) return db->Error("open for reading");
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, kBusyTimeoutMs);
  return db;
}

Database::~Database() { sqlite3_close_v2(db_); }

namespace {

// What a person can act on: SQLite says "disk I/O error" for a write that failed because the
// disk (or the process's file-size limit) is full, and "database or disk is full" for ENOSPC.
std::string WithHint(std::string text, int extended_code) {
  if (extended_code == SQLITE_FULL || extended_code == SQLITE_IOERR_WRITE ||
      extended_code == SQLITE_IOERR_FSYNC || extended_code == SQLITE_IOERR_TRUNCATE) {
    text += " (is the disk full? nothing of the failed step was kept)";
  } else if (extended_code == SQLITE_READONLY || (extended_code & 0xff) == SQLITE_READONLY) {
    text += " (the database file, its -wal or -shm file, or its directory is read-only)";
  }
  return text;
}

}  // namespace

Status Database::Exec(const std::string& sql, std::string_view operation) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return OkStatus();
  std::string text = message ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return Status(ErrorCode::kStorage, path_ + ": " + std::string(operation) + ": " +
                                         WithHint(text, sqlite3_extended_errcode(db_)));
}

StatusOr<Statement> Database::Prepare(std::string_view sql) const {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error("prepare \"" + std::string(sql.substr(0, 60)) + "\"");
  return Statement(stmt, this);
}

Status Database::Error(std::string_view operation) const {
  if (!db_)
    return Status(ErrorCode::kStorage, path_ + ": " + std::string(operation) + ": out of memory");
  return Status(ErrorCode::kStorage,
                path_ + ": " + std::string(operation) + ": " +
                    WithHint(sqlite3_errmsg(db_), sqlite3_extended_errcode(db_)));
}

StatusOr<std::unique_ptr<Transaction>> Transaction::Begin(Database& db) {
  PELO_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE", "begin transaction"));
  return std::unique_ptr<Transaction>(new Transaction(db));
}

Transaction::~Transaction() {
  // A failed rollback leaves nothing more to do: SQLite rolls back on close anyway.
  if (!done_) static_cast<void>(db_.Exec("ROLLBACK", "rollback"));
}

Status Transaction::Commit() {
  PELO_RETURN_IF_ERROR(db_.Exec("COMMIT", "commit"));
  done_ = true;
  return OkStatus();
}

StatusOr<std::unique_ptr<ReadTransaction>> ReadTransaction::Begin(Database& db) {
  if (db.InTransaction()) return std::unique_ptr<ReadTransaction>(new ReadTransaction(db, false));
  PELO_RETURN_IF_ERROR(db.Exec("BEGIN DEFERRED", "begin read transaction"));
  return std::unique_ptr<ReadTransaction>(new ReadTransaction(db, true));
}

ReadTransaction::~ReadTransaction() {
  // Nothing was written, so a failed end loses nothing; SQLite ends it on close anyway.
  if (owns_) static_cast<void>(db_.Exec("COMMIT", "end read transaction"));
}

}  // namespace pelo::store::sqlite
