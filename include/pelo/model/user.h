// The signed-in user (GET /api/me).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pelo::model {

struct User {
  std::string id;
  std::string username;
  std::string email;
  std::optional<int64_t> total_workouts;
  std::optional<double> cycling_ftp;
  std::string cycling_ftp_source;  // "ftp_workout_source" | "ftp_manual_source" | ""
  std::optional<double> cycling_workout_ftp;
  std::string cycling_ftp_workout_id;
  std::optional<double> estimated_cycling_ftp;
  std::optional<double> default_max_heart_rate;
  std::optional<double> customized_max_heart_rate;
  std::optional<double> weight;
  std::optional<int64_t> created_at;
};

}  // namespace pelo::model
