#include "dashboard/answer_cache.h"

#include <sys/stat.h>

#include <algorithm>

namespace pelo::dashboard {
namespace {

int64_t Nanoseconds(const struct timespec& t) {
  return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

}  // namespace

bool DbFingerprint::Settled(int64_t now_ns, int64_t settle_ns) const {
  return now_ns - std::max(db_mtime_ns, wal_mtime_ns) >= settle_ns;
}

std::optional<DbFingerprint> FingerprintOf(const std::string& db_path) {
  struct stat db {};
  if (::stat(db_path.c_str(), &db) != 0) return std::nullopt;
  DbFingerprint f;
  f.inode = db.st_ino;
  f.db_size = db.st_size;
  f.db_mtime_ns = Nanoseconds(db.st_mtim);
  struct stat wal {};
  if (::stat((db_path + "-wal").c_str(), &wal) == 0) {
    f.wal_size = wal.st_size;
    f.wal_mtime_ns = Nanoseconds(wal.st_mtim);
  }
  return f;
}

std::shared_ptr<const Response> AnswerCache::Find(const std::string& key,
                                                  const AnswerBasis& basis) {
  std::lock_guard lock(mutex_);
  if (basis_ != basis) {
    DropAllLocked();
    basis_ = basis;
    return nullptr;
  }
  auto it = answers_.find(key);
  return it == answers_.end() ? nullptr : it->second;
}

void AnswerCache::Keep(const std::string& key, const AnswerBasis& basis,
                       std::shared_ptr<const Response> answer) {
  const size_t size = answer->body.size() + key.size();
  if (size > max_bytes_) return;
  std::lock_guard lock(mutex_);
  if (basis_ != basis) return;      // the database changed meanwhile
  if (answers_.count(key)) return;  // another request kept it first
  while (bytes_ + size > max_bytes_ && !order_.empty()) {
    auto oldest = answers_.find(order_.front());
    bytes_ -= oldest->second->body.size() + oldest->first.size();
    answers_.erase(oldest);
    order_.pop_front();
  }
  answers_.emplace(key, std::move(answer));
  order_.push_back(key);
  bytes_ += size;
}

size_t AnswerCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

void AnswerCache::DropAllLocked() {
  answers_.clear();
  order_.clear();
  bytes_ = 0;
}

}  // namespace pelo::dashboard
