#include "pelo/common/time_zone.h"

// date-tz is built with USE_OS_TZDB=1 (the define comes with the date::date-tz target): it reads
// the TZif files of /usr/share/zoneinfo, lists the zones once and loads each on first use.
#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "common/posix_tz.h"

namespace pelo {
namespace {

constexpr int64_t kDay = 86400;
// The directory date-tz reads on Debian (it has no TZDIR); only the zone's own file is opened.
constexpr const char* kZoneDir = "/usr/share/zoneinfo/";
// A TZif footer is a line of a few dozen bytes at the very end of the file.
constexpr std::streamoff kMaxFooterBytes = 256;
// Instants are taken in years 1 to 9999 (UTC), where every sum below stays in range.
constexpr int64_t kFirstInstant = -62135596800;
constexpr int64_t kLastInstant = 253402300799;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The POSIX rule ending the zone file `name` (RFC 8536 §3.3); nullopt for a version 1 file, no
// footer, or a rule ParsePosixTz does not take.
std::optional<tz::PosixTz> ReadFooter(const std::string& name) {
  std::ifstream in(kZoneDir + name, std::ios::binary);
  char head[5] = {};
  if (!in.read(head, sizeof head) || std::string_view(head, 4) != "TZif" || head[4] < '2') {
    return std::nullopt;
  }
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 2) return std::nullopt;
  const std::streamoff tail = std::min(size, kMaxFooterBytes);
  std::string bytes(static_cast<size_t>(tail), '\0');
  if (!in.seekg(-tail, std::ios::end) || !in.read(bytes.data(), tail)) return std::nullopt;
  if (bytes.back() != '\n') return std::nullopt;
  const size_t start = bytes.rfind('\n', bytes.size() - 2);
  if (start == std::string::npos) return std::nullopt;
  return tz::ParsePosixTz(std::string_view(bytes).substr(start + 1, bytes.size() - start - 2));
}

// The footer rule of `zone`, read once per zone (the key set is the tz database's zones).
const std::optional<tz::PosixTz>& CachedFooter(const date::time_zone& zone) {
  static std::mutex mutex;
  // Never destroyed: worker threads may still ask while the process exits.
  static auto* footers = new std::map<const date::time_zone*, std::optional<tz::PosixTz>>;
  std::lock_guard lock(mutex);
  auto it = footers->find(&zone);
  if (it == footers->end()) it = footers->emplace(&zone, ReadFooter(zone.name())).first;
  return it->second;
}

// Where date-tz's last period ends: it has no later transition.
constexpr date::sys_seconds kNoLaterTransition{
    date::sys_days{date::year::max() / date::December / 31}};

// Lists the tz database's zones, once per process; a failure (no tzdata) is remembered and
// told apart from an unknown zone. date-tz builds its list in a function-local static inside
// libdate-tz, which is not built for ThreadSanitizer: a thread that finds the list built reads
// it behind an uninstrumented guard check, so TSan cannot see the hand-over and reports the
// zone names as a race. Going through this static first makes the hand-over one TSan sees.
const Status& TzdbListed() {
  static const Status listed = []() -> Status {
    try {
      date::get_tzdb();
      return OkStatus();
    } catch (const std::exception& e) {
      return Status(ErrorCode::kStorage,
                    std::string("the tz database (tzdata) cannot be read: ") + e.what());
    }
  }();
  return listed;
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

StatusOr<LocalTime> LocalTimeIn(std::string_view iana_zone, int64_t epoch_s) {
  // Debian's zoneinfo/localtime links to /etc/localtime: the machine's zone, not an IANA one.
  if (!IsValidZoneName(iana_zone) || iana_zone == "localtime") {
    return Status(ErrorCode::kInvalidArgument, "not an IANA time zone name (" +
                                                   std::to_string(iana_zone.size()) +
                                                   " bytes; letters, digits and _+-/ expected)");
  }
  if (epoch_s < kFirstInstant || epoch_s > kLastInstant) {
    return Status(ErrorCode::kInvalidArgument,
                  "instant " + std::to_string(epoch_s) + " is outside the years 1 to 9999");
  }
  PELO_RETURN_IF_ERROR(TzdbListed());
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(iana_zone);
  } catch (const std::exception&) {
    return Status(ErrorCode::kInvalidArgument,
                  "unknown time zone \"" + std::string(iana_zone) + "\"");
  }
  date::sys_info info;
  try {
    info = zone->get_info(date::sys_seconds{std::chrono::seconds{epoch_s}});
  } catch (const std::exception& e) {
    return Status(ErrorCode::kStorage, "time zone \"" + std::string(iana_zone) + "\": " + e.what());
  }
  LocalTime out{0, static_cast<int32_t>(info.offset.count()), info.abbrev};
  if (info.end >= kNoLaterTransition) {
    if (const std::optional<tz::PosixTz>& rule = CachedFooter(*zone)) {
      const bool daylight = tz::PosixTzIsDaylight(*rule, epoch_s);
      out.offset = daylight ? rule->dst->offset_s : rule->std_offset_s;
      out.abbreviation = daylight ? rule->dst->name : rule->std_name;
    }
  }
  out.local = epoch_s + out.offset;
  return out;
}

std::optional<int32_t> UtcOffsetSeconds(std::string_view iana_zone, int64_t epoch_s) {
  StatusOr<LocalTime> local = LocalTimeIn(iana_zone, epoch_s);
  if (!local.ok()) return std::nullopt;
  return local->offset;
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
