#include "pelo/common/directories.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace pelo {
namespace {

Status NotADirectory(const std::string& dir) {
  return Status(ErrorCode::kStorage, dir + ": not a directory");
}

}  // namespace

Status EnsureDir(const std::string& dir, mode_t mode) {
  const size_t end = dir.find_last_not_of('/');
  if (end == std::string::npos) return OkStatus();  // "" (here) or "/"
  const std::string path = dir.substr(0, end + 1);
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return S_ISDIR(st.st_mode) ? OkStatus() : NotADirectory(path);
  const size_t slash = path.find_last_of('/');
  if (slash != std::string::npos) PELO_RETURN_IF_ERROR(EnsureDir(path.substr(0, slash), mode));
  if (::mkdir(path.c_str(), mode) == 0) return OkStatus();
  const int error = errno;
  // Made meanwhile by another process: fine if it is a directory.
  if (error == EEXIST) {
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode) ? OkStatus() : NotADirectory(path);
  }
  return Status(ErrorCode::kStorage,
                "cannot create directory " + path + ": " + std::strerror(error));
}

}  // namespace pelo
