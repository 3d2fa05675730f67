#include "pelo/sync/archive_key.h"

#include <charconv>

namespace pelo::sync {
namespace {

constexpr std::string_view kWorkoutPrefix = "/api/workout/";
constexpr std::string_view kUserPrefix = "/api/user/";
constexpr std::string_view kGraphSuffix = "/performance_graph";
constexpr std::string_view kListMarker = "/workouts#";
constexpr std::string_view kRidePrefix = "/api/ride/";
constexpr std::string_view kDetailsSuffix = "/details";

// The value of `name` in a query string ("a=1&every_n=5"), or "".
std::string_view QueryValue(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    const size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    if (pair.substr(0, name.size()) == name && pair.size() > name.size() &&
        pair[name.size()] == '=') {
      return pair.substr(name.size() + 1);
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return {};
}

bool IsId(std::string_view id) {
  return !id.empty() && id.find_first_of("/?#&") == std::string_view::npos;
}

}  // namespace

std::string ListEntryPath(std::string_view user_id, std::string_view workout_id) {
  std::string path(kUserPrefix);
  path.append(user_id).append(kListMarker).append(workout_id);
  return path;
}

ArchiveKey ClassifyArchivePath(std::string_view path) {
  ArchiveKey key;
  const size_t question = path.find('?');
  const std::string_view route = path.substr(0, question);
  const std::string_view query =
      question == std::string_view::npos ? std::string_view() : path.substr(question + 1);
  if (route == "/api/me") {
    key.kind = ArchiveKind::kUser;
  } else if (route == "/api/instructor") {
    key.kind = ArchiveKind::kInstructors;
  } else if (route.substr(0, kWorkoutPrefix.size()) == kWorkoutPrefix) {
    std::string_view rest = route.substr(kWorkoutPrefix.size());
    if (rest.size() > kGraphSuffix.size() &&
        rest.substr(rest.size() - kGraphSuffix.size()) == kGraphSuffix) {
      rest.remove_suffix(kGraphSuffix.size());
      if (!IsId(rest)) return key;
      key.kind = ArchiveKind::kPerformanceGraph;
      key.every_n = 1;
      const std::string_view every_n = QueryValue(query, "every_n");
      int value = 0;
      auto [end, error] = std::from_chars(every_n.data(), every_n.data() + every_n.size(), value);
      if (error == std::errc() && end == every_n.data() + every_n.size() && value > 0) {
        key.every_n = value;
      }
    } else if (IsId(rest)) {
      key.kind = ArchiveKind::kWorkoutDetail;
    } else {
      return key;
    }
    key.workout_id = std::string(rest);
  } else if (route.substr(0, kUserPrefix.size()) == kUserPrefix) {
    const size_t marker = route.find(kListMarker);
    if (marker == std::string_view::npos) return key;
    const std::string_view id = route.substr(marker + kListMarker.size());
    if (!IsId(id) || !IsId(route.substr(kUserPrefix.size(), marker - kUserPrefix.size()))) {
      return key;
    }
    key.kind = ArchiveKind::kWorkoutListEntry;
    key.workout_id = std::string(id);
  } else if (route.substr(0, kRidePrefix.size()) == kRidePrefix &&
             route.size() > kRidePrefix.size() + kDetailsSuffix.size() &&
             route.substr(route.size() - kDetailsSuffix.size()) == kDetailsSuffix) {
    const std::string_view id =
        route.substr(kRidePrefix.size(), route.size() - kRidePrefix.size() - kDetailsSuffix.size());
    if (!IsId(id)) return key;
    key.kind = ArchiveKind::kRideDetails;
    key.ride_id = std::string(id);
  }
  return key;
}

}  // namespace pelo::sync
