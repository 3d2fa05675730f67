// Write-to-temp-then-rename, so readers never see a half-written file. Everything goes through
// the mkstemp descriptor: its mode is set before the data, and its write errors are the real
// ones (EFBIG, ENOSPC), not a stream's failbit.
#include "pelo/common/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <streambuf>

namespace pelo {
namespace {

namespace fs = std::filesystem;

Status Failure(const std::string& path, const std::string& what) {
  return Status(ErrorCode::kStorage, "writing " + path + ": " + what);
}

Status ErrnoFailure(const std::string& path, const std::string& what, int error) {
  return Failure(path, what + ": " + std::strerror(error));
}

// Writes all of `data` to `fd`, through interrupted and short writes. 0, or the errno.
int WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return ENOSPC;  // no progress and no error: do not spin
    data.remove_prefix(static_cast<size_t>(n));
  }
  return 0;
}

// An ostream's buffer that empties into a descriptor with WriteAll; keeps the first error.
class DescriptorBuf : public std::streambuf {
 public:
  explicit DescriptorBuf(int fd) : fd_(fd), buffer_(64 * 1024, '\0') {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (Drain() != 0) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
  }
  int sync() override { return Drain(); }

 private:
  int Drain() {
    if (error_ == 0) error_ = WriteAll(fd_, std::string_view(pbase(), pptr() - pbase()));
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0 ? 0 : -1;
  }

  int fd_;
  int error_ = 0;
  std::string buffer_;
};

// Flushes the directory `dir` to disk, so that a rename in it is durable.
void SyncDirectory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // best effort: the file itself is complete either way
  ::fsync(fd);
  ::close(fd);
}

fs::path DirectoryOf(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

// A temporary beside `path` with `mode`, filled by `fill` through its descriptor and synced when
// `sync`; its name, or the failure (and no temporary left).
StatusOr<std::string> WriteTemporary(const std::string& path, mode_t mode, bool sync,
                                     const std::function<Status(int fd)>& fill) {
  const fs::path target(path);
  const fs::path dir = DirectoryOf(path);
  std::error_code ec;
  if (target.filename().empty() || fs::is_directory(target, ec)) {
    return Failure(path, "that is a directory; name a file");
  }
  if (!fs::is_directory(dir, ec)) return Failure(path, "no such directory " + dir.string());
  std::string temp = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);  // created 0600, owner only
  if (fd < 0) return ErrnoFailure(path, "cannot create a temporary file", errno);

  Status status =
      ::fchmod(fd, mode) == 0 ? OkStatus() : ErrnoFailure(path, "cannot set its mode", errno);
  if (status.ok()) status = fill(fd);
  if (status.ok() && sync && ::fsync(fd) != 0) status = ErrnoFailure(path, "fsync", errno);
  if (::close(fd) != 0 && status.ok()) status = ErrnoFailure(path, "close", errno);
  if (!status.ok()) {
    ::unlink(temp.c_str());
    return status;
  }
  return temp;
}

// The one core: a temporary beside `path` with `mode`, filled by `fill` through its descriptor,
// synced, renamed over `path`; removed on any failure.
Status WriteThroughTemporary(const std::string& path, mode_t mode,
                             const std::function<Status(int fd)>& fill) {
  PELO_ASSIGN_OR_RETURN(std::string temp, WriteTemporary(path, mode, /*sync=*/true, fill));
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    Status status = ErrnoFailure(path, "rename", errno);
    ::unlink(temp.c_str());
    return status;
  }
  SyncDirectory(DirectoryOf(path));
  return OkStatus();
}

Status WriteAllStatus(const std::string& path, int fd, std::string_view data) {
  const int error = WriteAll(fd, data);
  return error == 0 ? OkStatus() : ErrnoFailure(path, "write", error);
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view data, mode_t mode) {
  return WriteThroughTemporary(path, mode, [&](int fd) { return WriteAllStatus(path, fd, data); });
}

Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(std::ostream&)>& write, mode_t mode) {
  return WriteThroughTemporary(path, mode, [&](int fd) {
    DescriptorBuf buffer(fd);
    std::ostream out(&buffer);
    // The writer's own failure keeps its code (e.g. a storage or cancel error), plus the path.
    Status written = write(out).WithContext("writing " + path);
    if (written.ok()) out.flush();
    if (buffer.error() != 0) return ErrnoFailure(path, "write", buffer.error());
    if (written.ok() && !out) return Failure(path, "write failed");
    return written;
  });
}

AtomicFileBatch::~AtomicFileBatch() {
  for (const auto& [temp, path] : pending_) ::unlink(temp.c_str());
}

Status AtomicFileBatch::Add(const std::string& path, std::string_view data, mode_t mode) {
  PELO_ASSIGN_OR_RETURN(std::string temp, WriteTemporary(path, mode, /*sync=*/false, [&](int fd) {
                          return WriteAllStatus(path, fd, data);
                        }));
  pending_.emplace_back(std::move(temp), path);
  pending_bytes_ += data.size();
  return OkStatus();
}

Status AtomicFileBatch::Commit() {
  if (pending_.empty()) return OkStatus();
  std::vector<std::pair<std::string, std::string>> files = std::move(pending_);
  pending_.clear();
  pending_bytes_ = 0;
  auto remove_from = [&files](size_t i) {
    for (; i < files.size(); ++i) ::unlink(files[i].first.c_str());
  };
  // One sync of the file system holding them (they are in the directory of the first, by the
  // callers' use), else one per file.
  const int dir_fd =
      ::open(DirectoryOf(files.front().second).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  const bool synced = dir_fd >= 0 && ::syncfs(dir_fd) == 0;
  if (dir_fd >= 0) ::close(dir_fd);
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& [temp, path] = files[i];
    if (!synced || DirectoryOf(path) != DirectoryOf(files.front().second)) {
      const int fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
      const bool ok = fd >= 0 && ::fsync(fd) == 0;
      const int error = errno;
      if (fd >= 0) ::close(fd);
      if (!ok) {
        remove_from(i);
        return ErrnoFailure(path, "fsync", error);
      }
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
      Status status = ErrnoFailure(path, "rename", errno);
      remove_from(i);
      return status;
    }
  }
  std::vector<fs::path> dirs;
  for (const auto& file : files) {
    const fs::path dir = DirectoryOf(file.second);
    if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) dirs.push_back(dir);
  }
  for (const fs::path& dir : dirs) SyncDirectory(dir);
  return OkStatus();
}

}  // namespace pelo
