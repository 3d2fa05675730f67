#include "peloton/sim/json/movement_tracker.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

#include "peloton/sim/world/movements.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

constexpr uint64_t kRepsSalt = 0x8E95;

const char* WeightCategory(int pounds) {
  if (pounds == 0) return "body_weight";
  if (pounds <= 10) return "light";
  return pounds <= 20 ? "medium" : "heavy";
}

// What one movement added up to over the workout (movement_aggregate_data).
struct Aggregate {
  size_t movement = 0;
  int completed = 0, target = 0, sets = 0, hit = 0, volume = 0;
};

json AggregateJson(const Aggregate& a) {
  const MovementSpec& m = kMovements[a.movement];
  return {
      {"movement_id", m.id},
      {"movement_name", m.name},
      {"tracking_type", m.is_hold ? "time_based" : "rep_counting"},
      {"stats",
       {{{"slug", m.is_hold ? "total_time" : "total_reps"},
         {"completed_number", a.completed},
         {"target_number", a.target}},
        {{"slug", "targets_hit"}, {"completed_number", a.hit}, {"target_number", a.sets}},
        {{"slug", "total_volume"}, {"completed_number", a.volume}, {"target_number", nullptr}}}}};
}

}  // namespace

json MovementTrackerJson(const WorkoutPlan& plan, const RideClass& ride) {
  if (!plan.movements_tracked || ride.subsegments.empty()) return nullptr;
  Rng rng(Mix(plan.seed, kRepsSalt));
  std::map<size_t, int> pounds;  // the dumbbell each movement is done with so far
  std::vector<Aggregate> aggregates;
  json sets = json::array();
  int total_volume = 0, total_reps = 0, targets_reached = 0;
  double done = 0, asked = 0;
  for (const Subsegment& sub : ride.subsegments) {
    if (!sub.tracked) continue;
    const MovementSpec& m = kMovements[sub.movement];
    int lb = 0;
    if (m.equipment != Equipment::kBodyweight) {
      const auto it = pounds.find(sub.movement);
      if (it == pounds.end()) {
        lb = 5 * rng.Int(m.min_lb / 5, m.max_lb / 5);
        pounds[sub.movement] = lb;
      } else {
        // Now and then a heavier pair for the later sets, as the captured workout went 10 -> 15.
        if (rng.Chance(0.12) && it->second + 5 <= m.max_lb) it->second += 5;
        lb = it->second;
      }
    }
    int target = 0, completed = 0;
    if (m.is_hold) {
      target = sub.length;  // seconds
      completed = sub.length - rng.Int(0, std::min(8, sub.length / 4));
    } else {
      target = std::max(1, static_cast<int>(std::lround(sub.length / m.seconds_per_rep)));
      completed = std::max(1, static_cast<int>(std::lround(target * rng.Range(0.7, 1.08))));
    }
    // Some sets with two dumbbells are noted one entry per dumbbell.
    const int entries = m.equipment == Equipment::kTwoDumbbells && rng.Chance(0.3) ? 2 : 1;
    json weight = json::array();
    for (int e = 0; e < entries; ++e) {
      weight.push_back({{"weight_category", WeightCategory(lb)},
                        {"weight_data", {{"weight_value", lb}, {"weight_unit", "lb"}}}});
    }
    const int volume = m.is_hold ? 0 : completed * lb * entries;
    sets.push_back({{"movement_id", m.id},
                    {"movement_name", m.name},
                    {"is_hold", m.is_hold},
                    {"tracking_type", m.is_hold ? "time_based" : "rep_counting"},
                    {"target_number", target},
                    {"completed_number", completed},
                    {"offset", sub.start},
                    {"length", sub.length},
                    {"total_volume", volume},
                    {"weight", weight}});
    auto aggregate = std::find_if(aggregates.begin(), aggregates.end(),
                                  [&](const Aggregate& a) { return a.movement == sub.movement; });
    if (aggregate == aggregates.end()) {
      aggregates.push_back({sub.movement, 0, 0, 0, 0, 0});
      aggregate = aggregates.end() - 1;
    }
    aggregate->completed += completed;
    aggregate->target += target;
    aggregate->sets += 1;
    aggregate->hit += completed >= target ? 1 : 0;
    aggregate->volume += volume;
    total_volume += volume;
    if (!m.is_hold) total_reps += completed;
    targets_reached += completed >= target ? 1 : 0;
    done += std::min(completed, target);
    asked += target;
  }
  json per_movement = json::array();
  for (const Aggregate& a : aggregates) per_movement.push_back(AggregateJson(a));
  return {{"completed_movements_summary_data",
           {{"repetition_summary_data", sets},
            {"total_volume", total_volume},
            {"total_repetitions", total_reps},
            {"weight_unit", "lb"},
            {"num_movements", aggregates.size()},
            {"num_targets_reached", targets_reached},
            {"completion_percentage", asked > 0 ? std::lround(100 * done / asked) : 0},
            {"movement_aggregate_data", per_movement}}}};
}

}  // namespace pelo::sim
