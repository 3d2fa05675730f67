// Scheduled ("live") sessions of library classes for the fortnight around the simulator's
// "now" (the end of --end-date), so GET /api/v3/ride/live and /api/peloton/{id} answer the
// same for every run.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "peloton/sim/world/library.h"

namespace pelo::sim {

struct LiveSession {
  std::string id;  // the peloton id
  std::string ride_id;
  int64_t scheduled_start_time = 0;
  int64_t created_at = 0;
  int pedaling_offset = 60;  // seconds from start to pedaling start
  int duration = 0;          // pedaling seconds
  int length = 0;            // start to end, seconds
  int total_workouts = 0;
  int home_reservations = 0;  // by other members
  bool is_encore = false;
};

class LiveSchedule {
 public:
  LiveSchedule(const Library& library, int64_t now);

  const LiveSession* Find(const std::string& peloton_id) const;
  // Sessions scheduled to start in [start, end], earliest first.
  std::vector<const LiveSession*> Between(int64_t start, int64_t end) const;

 private:
  std::vector<LiveSession> sessions_;  // by start time
  std::map<std::string, size_t> index_;
};

// The GET /api/peloton/{id} object of `session` at `now`; `reservations` are the signed-in
// user's.
nlohmann::json LiveSessionJson(const LiveSession& session, int64_t now, int reservations);

}  // namespace pelo::sim
