// Challenges around the simulator's "now": two past, two current and two upcoming, each
// measured over the user's workouts inside its window. Whether the user joined is
// AccountState's business; everything else is fixed.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "peloton/sim/json/progress.h"

namespace pelo::sim {

struct ChallengeDef {
  std::string id;
  std::string title;
  std::string description;
  std::string metric;  // "minutes", "workouts" or "kj"
  std::string unit;    // as displayed: "min", "workouts", "kJ"
  int64_t start_time = 0;
  int64_t end_time = 0;
  std::vector<double> tiers;  // metric values of the bronze, silver, gold... tiers
  int participants = 0;
  bool joined_at_start = false;
};

// The challenges of a run whose "now" is `now`.
std::vector<ChallengeDef> BuildChallenges(int64_t now);

// "completed", "active" or "upcoming" at `now`.
std::string ChallengeStatus(const ChallengeDef& challenge, int64_t now);

// The challenge's metric over the workouts inside its window.
double ChallengeMetric(const ChallengeDef& challenge, const Details& workouts);

// {challenge_summary, participants, progress}: an item of challenges/{current,upcoming,past}.
nlohmann::json ChallengeJson(const ChallengeDef& challenge, int64_t now, bool joined,
                             double metric);

// ChallengeJson plus challenge_detail {detailed_description, tiers}.
nlohmann::json ChallengeDetailJson(const ChallengeDef& challenge, int64_t now, bool joined,
                                   double metric);

// A `progress` object for `metric` (earned tier only when joined).
nlohmann::json ProgressJson(const ChallengeDef& challenge, bool joined, double metric);

}  // namespace pelo::sim
