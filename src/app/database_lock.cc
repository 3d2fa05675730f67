#include "pelo/app/database_lock.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <utility>

#include "pelo/common/cancel.h"
#include "pelo/common/time.h"

namespace pelo::app {
namespace {

// How often a waiting process tries the lock again: flock(2) has no timeout of its own, and a
// blocking one could not be interrupted by Ctrl-C at a safe point.
constexpr std::chrono::milliseconds kRetryEvery(100);

Status Errno(const std::string& what, const std::string& path) {
  return Status(ErrorCode::kStorage, "cannot " + what + " " + path + ": " + std::strerror(errno));
}

// The file's first line: "PID COMMAND SINCE". Whatever does not parse is unknown, and so is a
// process that is gone (a holder killed before it could empty the file; its lock is gone too).
LockHolder ReadHolder(int fd) {
  char buffer[256];
  const ssize_t n = pread(fd, buffer, sizeof buffer - 1, 0);
  LockHolder holder;
  if (n <= 0) return holder;
  std::istringstream line(std::string(buffer, static_cast<size_t>(n)));
  LockHolder read;
  if (!(line >> read.pid >> read.command >> read.since_epoch_s) || read.pid <= 0) return holder;
  if (kill(static_cast<pid_t>(read.pid), 0) != 0 && errno == ESRCH) return holder;
  return read;
}

// Best effort: a lock file this process may only read is still a lock (flock needs no write
// access), it just cannot say who holds it.
void WriteHolder(int fd, const std::string& command) {
  const std::string line = std::to_string(getpid()) + " " + (command.empty() ? "pelo" : command) +
                           " " + std::to_string(NowEpochSeconds()) + "\n";
  if (ftruncate(fd, 0) != 0) return;
  if (pwrite(fd, line.data(), line.size(), 0) < 0) return;
}

// Whether `fd` is still the file at `path`: one removed or replaced while this process waited
// for it would be a lock nobody else takes.
bool StillThere(int fd, const std::string& path) {
  struct stat open_file {};
  struct stat named {};
  return fstat(fd, &open_file) == 0 && stat(path.c_str(), &named) == 0 &&
         open_file.st_dev == named.st_dev && open_file.st_ino == named.st_ino;
}

// A descriptor closed on scope exit unless taken.
struct FileDescriptor {
  explicit FileDescriptor(int f) : fd(f) {}
  ~FileDescriptor() {
    if (fd >= 0) close(fd);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int fd;
};

int OpenLockFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd >= 0 || errno != EACCES) return fd;
  return open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);  // another user's file
}

}  // namespace

std::string DescribeHolder(const LockHolder& holder) {
  if (holder.pid <= 0) return "another pelo";
  std::string text = "pelo " + holder.command + " (pid " + std::to_string(holder.pid);
  if (holder.since_epoch_s > 0) text += ", since " + FormatIso8601Utc(holder.since_epoch_s);
  return text + ")";
}

DatabaseLock::DatabaseLock(DatabaseLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)), waited_(other.waited_) {}

DatabaseLock& DatabaseLock::operator=(DatabaseLock&& other) noexcept {
  if (this != &other) {
    Release();
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
    waited_ = other.waited_;
  }
  return *this;
}

DatabaseLock::~DatabaseLock() { Release(); }

void DatabaseLock::Release() {
  if (fd_ < 0) return;
  // Emptied first, so that it names no one once released; then closing releases the flock.
  if (ftruncate(fd_, 0) != 0) {
    // A lock file this process may only read: it wrote nothing either.
  }
  close(fd_);
  fd_ = -1;
}

std::string LockFilePath(const std::string& db_path) {
  std::error_code ec;
  std::filesystem::path resolved = std::filesystem::weakly_canonical(db_path, ec);
  if (ec) resolved = db_path;
  return resolved.string() + ".lock";
}

StatusOr<DatabaseLock> LockDatabase(const std::string& db_path, const LockOptions& options) {
  DatabaseLock lock;
  if (db_path.empty()) return lock;
  lock.path_ = LockFilePath(db_path);
  const auto deadline = std::chrono::steady_clock::now() + options.wait;
  bool told = false;
  for (;;) {
    // Closed on every return until it holds the lock; only then is it the lock's (whose release
    // empties the file: not another holder's file).
    FileDescriptor file(OpenLockFile(lock.path_));
    if (file.fd < 0) return Errno("create the lock file", lock.path_);
    for (;;) {
      if (flock(file.fd, LOCK_EX | LOCK_NB) == 0) break;
      if (errno == EINTR) continue;
      if (errno != EWOULDBLOCK) return Errno("lock", lock.path_);
      const LockHolder holder = ReadHolder(file.fd);
      lock.waited_ = true;
      if (!told && options.wait.count() > 0 && options.on_wait) options.on_wait(holder);
      told = true;
      const auto left =
          std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        std::string message = db_path + ": " + DescribeHolder(holder) + " is writing it";
        if (options.wait.count() > 0) message += "; waited " + FormatDuration(options.wait);
        return Status(ErrorCode::kBusy, message);
      }
      if (WaitForCancel(std::min(left, kRetryEvery))) {
        return Status(ErrorCode::kCancelled, "interrupted while waiting for " +
                                                 DescribeHolder(holder) + " to finish with " +
                                                 db_path);
      }
    }
    // Someone removed the file while this process waited: the lock to take is the new file's.
    if (!StillThere(file.fd, lock.path_)) continue;
    lock.fd_ = std::exchange(file.fd, -1);
    break;
  }
  WriteHolder(lock.fd_, options.command);
  return lock;
}

}  // namespace pelo::app
