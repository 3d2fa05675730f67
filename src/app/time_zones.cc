#include "pelo/app/time_zones.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace pelo::app {

bool IsIanaName(const std::string& tz) {
  if (tz.empty() || tz.front() == '/' || tz.find("..") != std::string::npos) return false;
  for (char c : tz) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '/' && c != '_' && c != '-' &&
        c != '+') {
      return false;
    }
  }
  return tz.find('/') != std::string::npos || tz == "UTC" || tz == "GMT";
}

std::string DefaultTimezone() {
  auto from_path = [](std::string path) -> std::string {
    const auto at = path.find("zoneinfo/");
    return at == std::string::npos ? "" : path.substr(at + 9);
  };
  if (const char* env = std::getenv("TZ"); env != nullptr && *env != '\0') {
    std::string tz = env;
    if (tz.front() == ':') tz.erase(0, 1);
    if (IsIanaName(tz)) return tz;
    if (std::string named = from_path(tz); IsIanaName(named)) return named;
  }
  std::error_code ec;
  const auto target = std::filesystem::read_symlink("/etc/localtime", ec);
  if (!ec) {
    if (std::string named = from_path(target.string()); IsIanaName(named)) return named;
  }
  return "UTC";
}

}  // namespace pelo::app
