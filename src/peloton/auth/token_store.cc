// TokenStore: credentials as JSON in a 0600 file in a 0700 directory, replaced atomically.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

#include "pelo/common/atomic_file.h"
#include "pelo/common/directories.h"
#include "pelo/peloton/auth/credentials.h"

namespace pelo::auth {
namespace {

constexpr const char* kFileName = "credentials.json";

nlohmann::json ToJson(const Credentials& c) {
  return {{"method", MethodName(c.method)},
          {"access_token", c.access_token},
          {"refresh_token", c.refresh_token},
          {"id_token", c.id_token},
          {"expires_at", c.expires_at},
          {"session_id", c.session_id},
          {"user_id", c.user_id},
          {"client_id", c.client_id}};
}

// Never echoes the content: the file holds secrets.
StatusOr<Credentials> FromJson(const nlohmann::json& j, const std::string& path) {
  const Status corrupt(ErrorCode::kStorage, path + ": corrupt credentials file");
  if (!j.is_object()) return corrupt;
  auto text = [&](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto method = ParseMethod(text("method"));
  if (!method.ok()) return corrupt;
  Credentials c;
  c.method = *method;
  c.access_token = text("access_token");
  c.refresh_token = text("refresh_token");
  c.id_token = text("id_token");
  c.session_id = text("session_id");
  c.user_id = text("user_id");
  c.client_id = text("client_id");
  if (auto it = j.find("expires_at"); it != j.end() && it->is_number_integer()) {
    c.expires_at = it->get<int64_t>();
  }
  if (c.empty()) return corrupt;
  return c;
}

Status Errno(const std::string& what) {
  return Status(ErrorCode::kStorage, what + ": " + std::strerror(errno));
}

}  // namespace

TokenStore::TokenStore(std::string dir) : dir_(std::move(dir)) {}

std::string TokenStore::path() const { return dir_ + "/" + kFileName; }

StatusOr<Credentials> TokenStore::Load() const { return Read(/*refuse_exposed=*/true); }

StatusOr<Credentials> TokenStore::LoadToRevoke() const { return Read(/*refuse_exposed=*/false); }

StatusOr<Credentials> TokenStore::Read(bool refuse_exposed) const {
  const std::string file = path();
  const int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status(ErrorCode::kNotFound, "not logged in (no " + file + ")");
    return Errno("cannot read " + file);
  }
  // As ssh does with private keys: tokens others could have read are not used.
  struct stat st {};
  if (refuse_exposed && fstat(fd, &st) == 0 && (st.st_mode & 077) != 0) {
    close(fd);
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return Status(ErrorCode::kUnauthenticated, file + " is readable by others (mode " + mode +
                                                   "): run `chmod 600 " + file +
                                                   "`, or `pelo logout` and log in again");
  }
  std::string data;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = read(fd, buffer, sizeof(buffer))) > 0 || (n < 0 && errno == EINTR)) {
    if (n > 0) data.append(buffer, static_cast<size_t>(n));
  }
  const Status read_status = n < 0 ? Errno("cannot read " + file) : OkStatus();
  close(fd);
  PELO_RETURN_IF_ERROR(read_status);
  const auto json = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  return FromJson(json, file);
}

Status TokenStore::Save(const Credentials& c) const {
  PELO_RETURN_IF_ERROR(EnsureDir(dir_, 0700));
  // 0600 is set on the temporary file before the secrets are written to it: they are never
  // readable by others, not even briefly.
  return WriteFileAtomically(path(), ToJson(c).dump(2) + "\n", 0600);
}

Status TokenStore::Remove() const {
  const std::string file = path();
  if (unlink(file.c_str()) != 0 && errno != ENOENT) return Errno("cannot remove " + file);
  return OkStatus();
}

}  // namespace pelo::auth
