// Legacy workout endpoints (2018-2021; kept because old accounts still answer them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pelo::model {

// GET /api/workout/{id}/summary.
struct WorkoutSummary {
  std::string workout_id;
  std::optional<double> total_work;
  std::optional<double> avg_power;
  std::optional<double> max_power;
  std::optional<double> avg_cadence;
  std::optional<double> avg_resistance;
  std::optional<double> avg_speed;
  std::optional<double> avg_heart_rate;
  std::optional<double> max_heart_rate;
  std::optional<double> calories;
  std::optional<double> distance;
  std::string json;
};

}  // namespace pelo::model
