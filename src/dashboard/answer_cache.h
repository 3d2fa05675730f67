// The dashboard's answers kept between syncs (ADR 0022): an answer depends on the database's
// content and on the day, so it is kept under the database files' fingerprint and the clock's
// period, and served again until a write changes the files or the period ends.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "pelo/dashboard/dashboard.h"

namespace pelo::dashboard {

// What changes whenever a writer commits to a SQLite database in WAL mode: the database file's
// identity, size and modification time, and the write-ahead log's size and modification time
// (a commit appends to the log; a checkpoint writes the database file).
struct DbFingerprint {
  uint64_t inode = 0;
  int64_t db_size = 0;
  int64_t db_mtime_ns = 0;
  int64_t wal_size = -1;  // -1: no log file
  int64_t wal_mtime_ns = 0;
  // Whether the newest change is older than `settle_ns` at `now_ns`: file times tick coarsely
  // (a few ms), so a commit in the same tick as the fingerprint could leave it unchanged; an
  // answer is kept only once the files have been still for a while.
  bool Settled(int64_t now_ns, int64_t settle_ns) const;
  bool operator==(const DbFingerprint&) const = default;
};

// nullopt when the database file cannot be read (the answer then reports the error itself).
std::optional<DbFingerprint> FingerprintOf(const std::string& db_path);

// What a kept answer depends on: the database's content, and the period of the clock it was
// made in, since the pages and the fitness and FTP views say what "today" is.
struct AnswerBasis {
  DbFingerprint db;
  int64_t period = 0;
  bool operator==(const AnswerBasis&) const = default;
};

class AnswerCache {
 public:
  explicit AnswerCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The answer kept for `key` under `basis`, or null. A new basis drops every answer kept
  // under another.
  std::shared_ptr<const Response> Find(const std::string& key, const AnswerBasis& basis);
  // Keeps `answer` for `key` under `basis` (taken before the answer read the database, so a
  // commit in between only makes the answer newer than its key). The oldest answers go first
  // when the bytes kept would exceed max_bytes.
  void Keep(const std::string& key, const AnswerBasis& basis,
            std::shared_ptr<const Response> answer);

  size_t bytes() const;

 private:
  void DropAllLocked();

  const size_t max_bytes_;
  mutable std::mutex mutex_;
  std::optional<AnswerBasis> basis_;
  std::map<std::string, std::shared_ptr<const Response>> answers_;
  std::deque<std::string> order_;  // keys, oldest first
  size_t bytes_ = 0;
};

}  // namespace pelo::dashboard
