// Write-to-temp-then-rename, so readers never see a half-written file. Everything goes through
// the mkstemp descriptor: its mode is set before the data, and its write errors are the real
// ones (EFBIG, ENOSPC), not a stream's failbit.
#include "pelo/common/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

// The one core: a temporary beside `path` with `mode`, filled by `fill` through its descriptor,
// synced, renamed over `path`; removed on any failure.
Status WriteThroughTemporary(const std::string& path, mode_t mode,
                             const std::function<Status(int fd)>& fill) {
  const fs::path target(path);
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
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
  if (status.ok() && ::fsync(fd) != 0) status = ErrnoFailure(path, "fsync", errno);
  if (::close(fd) != 0 && status.ok()) status = ErrnoFailure(path, "close", errno);
  if (status.ok() && ::rename(temp.c_str(), path.c_str()) != 0) {
    status = ErrnoFailure(path, "rename", errno);
  }
  if (!status.ok()) {
    ::unlink(temp.c_str());
    return status;
  }
  SyncDirectory(dir);
  return OkStatus();
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view data, mode_t mode) {
  return WriteThroughTemporary(path, mode, [&](int fd) {
    const int error = WriteAll(fd, data);
    return error == 0 ? OkStatus() : ErrnoFailure(path, "write", error);
  });
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

}  // namespace pelo
