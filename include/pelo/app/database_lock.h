// One writer per database (ADR 0028): `pelo sync`, `pelo rebuild` and whatever else writes a
// whole database hold its lock from before they open it until they are done, so that a timer's
// sync and a manual one never run at once. The lock is flock(2) on a file next to the database
// ("pelo.db.lock"), never on the database itself (SQLite's own POSIX locks on it would be
// dropped when any descriptor of the file closes); the kernel releases it when its holder ends,
// however it ends. Readers (stats, export, the dashboard) never take it: SQLite's WAL lets them
// read while a sync writes.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "pelo/common/status.h"

namespace pelo::app {

// Who holds a database's lock, as the holder wrote it in the lock file; pid 0 when the file
// does not say (a holder that has only just taken it).
struct LockHolder {
  int64_t pid = 0;
  std::string command;        // what it is doing: "sync", "rebuild"
  int64_t since_epoch_s = 0;  // when it took the lock
};

// "pelo sync (pid 1234, since 2026-12-08T10:00:00Z)", or "another pelo" when unknown.
std::string DescribeHolder(const LockHolder& holder);

struct LockOptions {
  std::string command;  // what this process will do while it holds the lock: "sync"
  // How long to wait for another holder to finish; 0 fails at once when the lock is held.
  std::chrono::milliseconds wait{0};
  // Called once, before waiting, when another process holds the lock and `wait` is not 0.
  std::function<void(const LockHolder&)> on_wait;
};

// A database's lock, held until destroyed (or moved from). Default-constructed: holds nothing.
class DatabaseLock {
 public:
  DatabaseLock() = default;
  DatabaseLock(DatabaseLock&& other) noexcept;
  DatabaseLock& operator=(DatabaseLock&& other) noexcept;
  ~DatabaseLock();
  DatabaseLock(const DatabaseLock&) = delete;
  DatabaseLock& operator=(const DatabaseLock&) = delete;

  bool held() const { return fd_ >= 0; }
  const std::string& path() const { return path_; }  // the lock file
  bool waited() const { return waited_; }            // another process held it first

 private:
  friend StatusOr<DatabaseLock> LockDatabase(const std::string& db_path,
                                             const LockOptions& options);
  void Release();

  int fd_ = -1;
  std::string path_;
  bool waited_ = false;
};

// The lock file of the database at `db_path`: the database's path, links resolved, + ".lock",
// so that two names of one database share a lock.
std::string LockFilePath(const std::string& db_path);

// Takes the lock of the database at `db_path`, whose directory must exist; the lock file is
// created when missing (and never removed: removing it could let two processes hold locks on
// two files of one name). When another process holds it: kBusy at once if options.wait is 0,
// else waits for it up to options.wait (calling options.on_wait once first), then kBusy naming
// the database and the holder. kCancelled when pelo::RequestCancel() ends the wait; kStorage
// when the file cannot be made or locked. An empty `db_path` (SQLite's private temporary
// database, which nothing shares) gets a lock that holds nothing.
StatusOr<DatabaseLock> LockDatabase(const std::string& db_path, const LockOptions& options);

}  // namespace pelo::app
