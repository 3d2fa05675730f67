#include "peloton/sim/world/live_schedule.h"

#include <algorithm>

#include "peloton/sim/json/json_read.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

constexpr uint64_t kLiveStream = 0x11FE;
constexpr int kDaysEachSide = 7;
// Studio start times, seconds after 00:00 UTC (06:00, 10:00, 17:00 and 18:30 in New York).
constexpr int kSlots[] = {11 * 3600, 15 * 3600, 22 * 3600, 23 * 3600 + 1800};

const char* LiveStatus(const LiveSession& s, int64_t now) {
  if (now < s.scheduled_start_time) return "PRE_START";
  if (now < s.scheduled_start_time + s.length) return "IN_PROGRESS";
  return "COMPLETE";
}

}  // namespace

LiveSchedule::LiveSchedule(const Library& library, int64_t now) {
  const auto& rides = library.rides();
  if (rides.empty()) return;
  const int64_t today = now - now % 86400;
  for (int day = -kDaysEachSide; day <= kDaysEachSide; ++day) {
    for (size_t slot = 0; slot < std::size(kSlots); ++slot) {
      const uint64_t key = Mix(Mix(kLiveStream, static_cast<uint64_t>(day + 100)), slot);
      const nlohmann::json& ride = *rides[key % rides.size()];
      LiveSession s;
      s.id = HexId(kLiveStream, key);
      s.ride_id = Read(ride, "id", "");
      s.scheduled_start_time = today + day * 86400LL + kSlots[slot];
      s.created_at = s.scheduled_start_time - 14 * 86400;
      s.pedaling_offset = Read(ride, "pedaling_start_offset", 60);
      s.duration = Read(ride, "duration", 1800);
      s.length = Read(ride, "length", s.duration + 2 * s.pedaling_offset);
      s.total_workouts = static_cast<int>((key >> 8) % 4000);
      s.home_reservations = static_cast<int>((key >> 24) % 900);
      s.is_encore = key % 3 == 0;
      sessions_.push_back(std::move(s));
    }
  }
  for (size_t i = 0; i < sessions_.size(); ++i) index_[sessions_[i].id] = i;
}

const LiveSession* LiveSchedule::Find(const std::string& peloton_id) const {
  const auto it = index_.find(peloton_id);
  return it == index_.end() ? nullptr : &sessions_[it->second];
}

std::vector<const LiveSession*> LiveSchedule::Between(int64_t start, int64_t end) const {
  std::vector<const LiveSession*> out;
  for (const LiveSession& s : sessions_) {
    if (s.scheduled_start_time >= start && s.scheduled_start_time <= end) out.push_back(&s);
  }
  return out;
}

nlohmann::json LiveSessionJson(const LiveSession& s, int64_t now, int reservations) {
  const std::string status = LiveStatus(s, now);
  const int64_t start = s.scheduled_start_time;
  const bool started = status != "PRE_START";
  return {{"id", s.id},
          {"ride_id", s.ride_id},
          {"server_time", now},
          {"scheduled_start_time", start},
          {"start_time", start},
          {"end_time", start + s.length},
          {"pedaling_start_time", start + s.pedaling_offset},
          {"pedaling_end_time", start + s.pedaling_offset + s.duration},
          {"status", status},
          {"countdown", started ? nlohmann::json(nullptr) : nlohmann::json(start - now)},
          {"is_live", true},
          {"is_studio", false},
          {"is_encore", s.is_encore},
          {"is_session", false},
          {"seconds_since_start",
           status == "IN_PROGRESS" ? nlohmann::json(now - start) : nlohmann::json(nullptr)},
          {"created_at", s.created_at},
          {"total_workouts", started ? s.total_workouts : 0},
          {"is_complete", status == "COMPLETE"},
          {"total_home_reservations", s.home_reservations + reservations},
          {"join_token", s.id + "-live"}};
}

}  // namespace pelo::sim
