// TokenStore: one JSON object per service in a 0600 file in a 0700 directory, replaced
// atomically.
#include "pelo/oauth2/token_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

#include "pelo/common/atomic_file.h"
#include "pelo/common/directories.h"

namespace pelo::oauth2 {
namespace {

constexpr std::array<const char*, 5> kTokenMembers = {"access_token", "refresh_token", "id_token",
                                                      "scope", "expires_at"};

bool IsTokenMember(const std::string& key) {
  for (const char* member : kTokenMembers) {
    if (key == member) return true;
  }
  return false;
}

nlohmann::json ToJson(const StoredTokens& stored) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [key, value] : stored.fields) {
    if (!IsTokenMember(key)) j[key] = value;
  }
  const Tokens& t = stored.tokens;
  j["access_token"] = t.access_token;
  j["refresh_token"] = t.refresh_token;
  j["id_token"] = t.id_token;
  j["expires_at"] = t.expires_at;
  if (!t.scope.empty()) j["scope"] = t.scope;
  return j;
}

// Never echoes the content: the file holds secrets.
StatusOr<StoredTokens> FromJson(const nlohmann::json& j, const std::string& path) {
  if (!j.is_object()) return Status(ErrorCode::kStorage, path + ": corrupt credentials file");
  StoredTokens stored;
  for (const auto& [key, value] : j.items()) {
    if (!value.is_string()) continue;
    std::string text = value.get<std::string>();
    if (key == "access_token") {
      stored.tokens.access_token = std::move(text);
    } else if (key == "refresh_token") {
      stored.tokens.refresh_token = std::move(text);
    } else if (key == "id_token") {
      stored.tokens.id_token = std::move(text);
    } else if (key == "scope") {
      stored.tokens.scope = std::move(text);
    } else if (key != "expires_at") {
      stored.fields.emplace(key, std::move(text));
    }
  }
  if (auto it = j.find("expires_at"); it != j.end() && it->is_number_integer()) {
    stored.tokens.expires_at = it->get<int64_t>();
  }
  return stored;
}

Status Errno(const std::string& what) {
  return Status(ErrorCode::kStorage, what + ": " + std::strerror(errno));
}

}  // namespace

TokenStore::TokenStore(std::string dir, std::string service, std::string relogin_hint)
    : dir_(std::move(dir)), service_(std::move(service)), relogin_hint_(std::move(relogin_hint)) {}

std::string TokenStore::path() const { return dir_ + "/" + service_ + ".json"; }

StatusOr<StoredTokens> TokenStore::Load() const { return Read(/*refuse_exposed=*/true); }

StatusOr<StoredTokens> TokenStore::LoadToRevoke() const { return Read(/*refuse_exposed=*/false); }

StatusOr<StoredTokens> TokenStore::Read(bool refuse_exposed) const {
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
                                                   "): run `chmod 600 " + file + "`, or " +
                                                   relogin_hint_);
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

Status TokenStore::Save(const StoredTokens& stored) const {
  PELO_RETURN_IF_ERROR(EnsureDir(dir_, 0700));
  // 0600 is set on the temporary file before the secrets are written to it: they are never
  // readable by others, not even briefly.
  return WriteFileAtomically(path(), ToJson(stored).dump(2) + "\n", 0600);
}

Status TokenStore::Remove() const {
  const std::string file = path();
  if (unlink(file.c_str()) != 0 && errno != ENOENT) return Errno("cannot remove " + file);
  return OkStatus();
}

}  // namespace pelo::oauth2
