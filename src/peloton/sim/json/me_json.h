// GET /api/me: the profile shape of the captured login user_data, for the simulator's one user.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "pelo/peloton/sim/server.h"

namespace pelo::sim {

// The GET /api/me body for `user_id` (shared by both data sets; FTP fields given).
nlohmann::json MeJson(const Options& options, const std::string& user_id, int total_workouts,
                      int ftp, const std::string& ftp_workout_id, int estimated_ftp,
                      int64_t created_at);

}  // namespace pelo::sim
