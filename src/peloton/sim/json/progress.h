// What a member's history adds up to: the calendar, the overview (counts, streaks, personal
// records) and achievements. Pure functions of the visible workouts' detail bodies, so a
// deleted workout drops out of all of them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pelo::sim {

// Workout detail bodies, newest first.
using Details = std::vector<const nlohmann::json*>;

// GET /api/user/{id}/calendar: {"months": [{year, month, active_days}]}, newest month first,
// days in `zone` (UTC for a zone ToLocalTime does not know).
nlohmann::json CalendarJson(const Details& workouts, const std::string& zone);

// GET /api/user/{id}/achievements: {"categories": [{name, slug, achievements: [{count,
// template}]}]}.
nlohmann::json AchievementsJson(const Details& workouts);

// GET /api/user/{id}/overview at `now`: workout_counts, streaks, personal_records,
// achievement_counts.
nlohmann::json OverviewJson(const std::string& user_id, const Details& workouts, int64_t now,
                            const std::string& zone);

}  // namespace pelo::sim
