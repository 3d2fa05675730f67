#include "peloton/sim/world/challenges.h"

#include <cmath>

#include "peloton/sim/json/json_read.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

constexpr uint64_t kChallengeStream = 0xC4A1;
constexpr int64_t kDay = 86400;

std::string TierId(const ChallengeDef& c, size_t tier) {
  return HexId(Mix(kChallengeStream, c.start_time), tier);
}

const char* const kTierNames[] = {"Bronze", "Silver", "Gold", "Platinum"};

std::string Display(double value) { return std::to_string(std::lround(value)); }

}  // namespace

std::vector<ChallengeDef> BuildChallenges(int64_t now) {
  const int64_t today = now - now % kDay;
  // {title, metric, unit, start offset (days), length (days), tiers, joined at start}
  struct Spec {
    const char* title;
    const char* metric;
    const char* unit;
    int start_day;
    int days;
    std::vector<double> tiers;
    bool joined;
  };
  const Spec specs[] = {
      {"Summer Minutes", "minutes", "min", -120, 31, {200, 400, 600, 1000}, true},
      {"Workout Streak Month", "workouts", "workouts", -60, 30, {5, 10, 15, 20}, false},
      {"Monthly Minutes", "minutes", "min", -14, 30, {150, 300, 500, 800}, true},
      {"Power Push", "kj", "kJ", -7, 21, {1000, 2500, 5000}, false},
      {"Annual Challenge", "minutes", "min", 10, 365, {1000, 2500, 5000, 10000}, false},
      {"New Year Kickoff", "workouts", "workouts", 40, 31, {8, 12, 20}, false},
  };
  std::vector<ChallengeDef> out;
  uint64_t n = 0;
  for (const Spec& s : specs) {
    ChallengeDef c;
    c.id = HexId(kChallengeStream, n++);
    c.title = s.title;
    c.metric = s.metric;
    c.unit = s.unit;
    c.start_time = today + s.start_day * kDay;
    c.end_time = c.start_time + s.days * kDay;
    c.description = std::string("Reach the tiers of ") + s.title + " by counting " + s.unit +
                    " between the start and the end of the challenge.";
    c.tiers = s.tiers;
    c.participants = 20000 + static_cast<int>(Mix(kChallengeStream, n) % 200000);
    c.joined_at_start = s.joined;
    out.push_back(std::move(c));
  }
  return out;
}

std::string ChallengeStatus(const ChallengeDef& c, int64_t now) {
  if (now >= c.end_time) return "completed";
  return now >= c.start_time ? "active" : "upcoming";
}

double ChallengeMetric(const ChallengeDef& c, const Details& workouts) {
  double total = 0;
  for (const json* w : workouts) {
    const int64_t at = Read(*w, "start_time", int64_t{0});
    if (at < c.start_time || at >= c.end_time) continue;
    if (c.metric == "workouts") {
      total += 1;
    } else if (c.metric == "kj") {
      total += Read(*w, "total_work", 0.0) / 1000.0;
    } else {
      total += static_cast<double>(Read(*w, "end_time", at) - at) / 60.0;
    }
  }
  return std::round(total);
}

json ProgressJson(const ChallengeDef& c, bool joined, double metric) {
  json earned = nullptr;
  for (size_t t = 0; joined && t < c.tiers.size(); ++t) {
    if (metric >= c.tiers[t]) earned = TierId(c, t);
  }
  return {{"has_joined", joined},
          {"metric_value", metric},
          {"metric_display_value", Display(metric)},
          {"metric_display_unit", c.unit},
          {"earned_tier_id", earned}};
}

json ChallengeJson(const ChallengeDef& c, int64_t now, bool joined, double metric) {
  return {{"challenge_summary",
           {{"id", c.id},
            {"title", c.title},
            {"symbol_image_url", "https://s3.amazonaws.com/challenges-images-prod/" + c.id},
            {"start_time", c.start_time},
            {"end_time", c.end_time},
            {"status", ChallengeStatus(c, now)}}},
          {"participants", {{"total_count", c.participants + (joined ? 1 : 0)}}},
          {"progress", ProgressJson(c, joined, joined ? metric : 0.0)}};
}

json ChallengeDetailJson(const ChallengeDef& c, int64_t now, bool joined, double metric) {
  json tiers = json::array();
  for (size_t t = 0; t < c.tiers.size(); ++t) {
    tiers.push_back({{"id", TierId(c, t)},
                     {"title", kTierNames[t]},
                     {"metric_value", c.tiers[t]},
                     {"metric_display_unit", c.unit}});
  }
  json body = ChallengeJson(c, now, joined, metric);
  body["challenge_detail"] = {{"detailed_description", c.description}, {"tiers", tiers}};
  return body;
}

}  // namespace pelo::sim
