#include "pelo/common/time_zone.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "common/tzif.h"

namespace pelo {
namespace {

constexpr int64_t kDay = 86400;
// Real zone files are a few KB; anything much larger is not one.
constexpr std::streamsize kMaxZoneFileBytes = 1 << 20;
// Bounds the cache against a stream of made-up zone names.
constexpr size_t kMaxCachedZones = 1024;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::string ZoneDir() {
  const char* dir = std::getenv("TZDIR");
  return dir && *dir ? dir : "/usr/share/zoneinfo";
}

std::shared_ptr<const tz::TzifZone> ReadZoneFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::string bytes(static_cast<size_t>(kMaxZoneFileBytes) + 1, '\0');
  in.read(bytes.data(), kMaxZoneFileBytes + 1);
  const std::streamsize n = in.gcount();
  if (n > kMaxZoneFileBytes || in.bad()) return nullptr;
  bytes.resize(static_cast<size_t>(n));
  std::optional<tz::TzifZone> zone = tz::ParseTzif(bytes);
  return zone ? std::make_shared<const tz::TzifZone>(std::move(*zone)) : nullptr;
}

// The parsed zone file at `path` (nullptr when missing or malformed), read once per process.
std::shared_ptr<const tz::TzifZone> CachedZone(const std::string& path) {
  static std::mutex mutex;
  // Never destroyed: worker threads may still ask while the process exits.
  static auto* cache = new std::unordered_map<std::string, std::shared_ptr<const tz::TzifZone>>;
  std::lock_guard lock(mutex);
  if (auto it = cache->find(path); it != cache->end()) return it->second;
  std::shared_ptr<const tz::TzifZone> zone = ReadZoneFile(path);
  if (cache->size() < kMaxCachedZones) cache->emplace(path, zone);
  return zone;
}

}  // namespace

bool IsValidZoneName(std::string_view iana_zone) {
  if (iana_zone.empty() || iana_zone.size() > 255 || iana_zone.front() == '/') return false;
  if (iana_zone.find("..") != std::string_view::npos) return false;
  for (char c : iana_zone) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '+' || c == '-' || c == '/';
    if (!ok) return false;
  }
  return true;
}

std::optional<int32_t> UtcOffsetSeconds(std::string_view iana_zone, int64_t epoch_s) {
  if (!IsValidZoneName(iana_zone)) return std::nullopt;
  std::shared_ptr<const tz::TzifZone> zone = CachedZone(ZoneDir() + "/" + std::string(iana_zone));
  if (!zone) return std::nullopt;
  return zone->OffsetAt(epoch_s);
}

int64_t LocalDayNumber(int64_t epoch_s, std::string_view iana_zone) {
  const int32_t offset = iana_zone.empty() ? 0 : UtcOffsetSeconds(iana_zone, epoch_s).value_or(0);
  return FloorDiv(epoch_s + offset, kDay);
}

std::string FormatLocalDate(int64_t epoch_s, std::string_view zone) {
  const std::chrono::year_month_day ymd{
      std::chrono::sys_days{std::chrono::days{LocalDayNumber(epoch_s, zone)}}};
  char text[32];
  std::snprintf(text, sizeof(text), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

}  // namespace pelo
