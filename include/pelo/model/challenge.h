// Challenges (GET /api/user/{id}/challenges/{current|upcoming|past|challenge_id}).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pelo::model {

enum class ChallengeStatus { kCurrent, kUpcoming, kPast };

// `progress` of a challenge for the user.
struct ChallengeProgress {
  bool has_joined = false;
  std::optional<double> metric_value;
  std::string metric_display_value;
  std::string metric_display_unit;
  std::string earned_tier_id;
};

// An item of `challenges[]`: challenge_summary + progress.
struct Challenge {
  std::string id;
  std::string title;
  std::string symbol_image_url;
  std::string status;  // "active", "upcoming", "completed"
  std::optional<int64_t> start_time;
  std::optional<int64_t> end_time;
  std::optional<int64_t> participants;  // participants.total_count
  ChallengeProgress progress;
  std::string json;
};

struct ChallengeTier {
  std::string id;
  std::string title;
  std::optional<double> metric_value;
  std::string metric_display_unit;
};

// GET /api/user/{id}/challenges/{challenge_id}.
struct ChallengeDetail {
  Challenge challenge;
  std::string description;  // challenge_detail.detailed_description
  std::vector<ChallengeTier> tiers;
  std::string json;
};

// An item of GET .../challenges/{challenge_id}/friends.
struct ChallengeFriend {
  std::string user_id;
  std::string username;
  std::string image_url;
  ChallengeProgress progress;
};

}  // namespace pelo::model
