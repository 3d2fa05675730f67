// Write-to-temp-then-rename, so readers never see a half-written file.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "pelo/common/atomic_file.h"

namespace pelo {
namespace {

namespace fs = std::filesystem;

Status Failure(const std::string& path, const std::string& what) {
  return Status(ErrorCode::kStorage, "writing " + path + ": " + what);
}

// Flushes `path` (a file or a directory) to disk.
bool SyncPath(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

// Streams `write`'s output into the already created `temp`, then makes it durable.
Status FillTemp(const std::string& path, const std::string& temp,
                const std::function<Status(std::ostream&)>& write) {
  std::ofstream out(temp, std::ios::binary | std::ios::trunc);
  if (!out) return Failure(path, "cannot open temporary file " + temp);
  // The writer's own failure keeps its code (e.g. a storage or cancel error), plus the path.
  PELO_RETURN_IF_ERROR(write(out).WithContext("writing " + path));
  out.flush();
  if (!out) return Failure(path, "write failed (disk full?)");
  out.close();
  if (!SyncPath(temp, O_RDONLY)) return Failure(path, std::string("fsync: ") + strerror(errno));
  return OkStatus();
}

}  // namespace

Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(std::ostream&)>& write) {
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (target.filename().empty() || fs::is_directory(target, ec)) {
    return Failure(path, "that is a directory; name a file");
  }
  if (!fs::is_directory(dir, ec)) return Failure(path, "no such directory " + dir.string());
  std::string pattern = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0)
    return Failure(path, std::string("cannot create a temporary file: ") + strerror(errno));
  // mkstemp creates 0600; exports and settings are ordinary documents.
  ::fchmod(fd, 0644);
  ::close(fd);
  const std::string& temp = pattern;
  Status status = FillTemp(path, temp, write);
  if (status.ok() && ::rename(temp.c_str(), path.c_str()) != 0) {
    status = Failure(path, std::string("rename: ") + strerror(errno));
  }
  if (!status.ok()) {
    ::unlink(temp.c_str());
    return status;
  }
  SyncPath(dir.string(), O_RDONLY | O_DIRECTORY);  // best effort: make the rename durable
  return OkStatus();
}

}  // namespace pelo
