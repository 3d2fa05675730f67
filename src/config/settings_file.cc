// The settings file: "key = value" lines with # comments, read and written whole.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

#include "config/setting_values.h"
#include "pelo/common/atomic_file.h"
#include "pelo/common/directories.h"
#include "pelo/common/strings.h"
#include "pelo/config/settings.h"

namespace pelo::config {
namespace {

// Far more than four settings and their comments need; a bigger file is not a settings file.
constexpr size_t kMaxFileBytes = 64 * 1024;

Status StorageError(const std::string& what) {
  return Status(ErrorCode::kStorage, what + ": " + std::strerror(errno));
}

// The contents of `path`; nullopt when it does not exist.
StatusOr<std::optional<std::string>> ReadSmallFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::optional<std::string>();
    return StorageError("cannot read " + path);
  }
  std::string text;
  char buffer[4096];
  while (text.size() <= kMaxFileBytes) {
    const ssize_t n = ::read(fd, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status error = StorageError("cannot read " + path);
      ::close(fd);
      return error;
    }
    if (n == 0) break;
    text.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  if (text.size() > kMaxFileBytes) {
    return Status(ErrorCode::kInvalidArgument, path + ": too large for a settings file (over " +
                                                   std::to_string(kMaxFileBytes / 1024) + " KiB)");
  }
  return std::optional<std::string>(std::move(text));
}

}  // namespace

StatusOr<Settings> ParseSettings(std::string_view text, const std::string& origin) {
  Settings settings;
  std::map<std::string, int, std::less<>> first_line;  // key -> line it was set on
  int line_number = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    auto at_line = [&](const std::string& message) {
      return Status(ErrorCode::kInvalidArgument,
                    origin + ":" + std::to_string(line_number) + ": " + message);
    };
    line = Trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const size_t equals = line.find('=');
    if (equals == std::string_view::npos) {
      return at_line("expected KEY = VALUE, got " + Quoted(line));
    }
    const std::string_view key = Trim(line.substr(0, equals));
    const std::string_view value = Trim(line.substr(equals + 1));
    if (!IsSettingKey(key)) return at_line(UnknownKey(key).message());
    if (auto seen = first_line.find(key); seen != first_line.end()) {
      return at_line(std::string(key) + " is set twice (also on line " +
                     std::to_string(seen->second) + ")");
    }
    first_line.emplace(std::string(key), line_number);
    Status assigned = AssignSetting(settings, key, value);
    if (!assigned.ok()) return at_line(assigned.message());
  }
  Status valid = ValidateSettings(settings.athlete);
  if (!valid.ok()) return Status(ErrorCode::kInvalidArgument, origin + ": " + valid.message());
  return settings;
}

std::string FormatSettings(const Settings& settings) {
  std::string text =
      "# pelo settings, used for the heart-rate metrics of sync and rebuild and for FIT files.\n"
      "# `pelo config set KEY VALUE` rewrites this file (comments are not kept).\n"
      "# max_hr, resting_hr, lthr: whole bpm from 30 to 250, resting_hr < lthr < max_hr.\n"
      "# sex: male or female.\n"
      "# fit_device.DISCIPLINE: the device FIT files name, e.g. forerunner-945 or 1:3113:19.2.\n";
  for (const std::string& key : SettingKeys()) {
    StatusOr<std::optional<std::string>> value = GetSetting(settings, key);
    if (value.ok() && value->has_value()) text += key + " = " + **value + "\n";
  }
  return text;
}

StatusOr<Settings> LoadSettings(const std::string& path) {
  PELO_ASSIGN_OR_RETURN(std::optional<std::string> text, ReadSmallFile(path));
  if (!text) return Settings{};
  return ParseSettings(*text, path);
}

Status SaveSettings(const std::string& path, const Settings& settings) {
  PELO_RETURN_IF_ERROR(ValidateSettings(settings.athlete));
  const size_t slash = path.find_last_of('/');
  if (slash != std::string::npos && slash > 0) {
    PELO_RETURN_IF_ERROR(EnsureDir(path.substr(0, slash), 0700));
  }
  return WriteFileAtomically(path, FormatSettings(settings), 0644);
}

}  // namespace pelo::config
