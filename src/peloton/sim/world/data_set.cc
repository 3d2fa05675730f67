#include "peloton/sim/world/data_set.h"

#include <algorithm>
#include <cstdio>

#include "pelo/common/time.h"
#include "peloton/sim/json/graph_body.h"
#include "peloton/sim/json/graph_json.h"

namespace pelo::sim {

void DataSet::Finish() {
  std::sort(workouts.begin(), workouts.end(), [](const WorkoutEntry& a, const WorkoutEntry& b) {
    return a.created_at != b.created_at ? a.created_at > b.created_at : a.id > b.id;
  });
  workout_index_.clear();
  month_summary = nlohmann::json::object();
  std::array<int64_t, 5> zones{};
  for (size_t i = 0; i < workouts.size(); ++i) {
    workout_index_[workouts[i].id] = i;
    const std::string month = FormatUtcDate(workouts[i].created_at).substr(0, 7);
    month_summary[month] = month_summary.value(month, 0) + 1;
    for (size_t z = 0; z < 5; ++z) zones[z] += workouts[i].zone_seconds[z];
  }
  total_zone_durations = nlohmann::json::object();
  for (size_t z = 0; z < 5; ++z) {
    total_zone_durations["heart_rate_z" + std::to_string(z + 1) + "_duration"] = zones[z];
  }
  instructor_index_.clear();
  for (size_t i = 0; i < instructors.size(); ++i) {
    instructor_index_[instructors[i].value("id", "")] = i;
  }
}

const WorkoutEntry* DataSet::FindWorkout(const std::string& id) const {
  const auto it = workout_index_.find(id);
  return it == workout_index_.end() ? nullptr : &workouts[it->second];
}

const nlohmann::json* DataSet::FindInstructor(const std::string& id) const {
  const auto it = instructor_index_.find(id);
  return it == instructor_index_.end() ? nullptr : &instructors[it->second];
}

std::optional<std::shared_ptr<const std::string>> DataSet::GraphBody(const std::string& id,
                                                                     int every_n) const {
  const WorkoutEntry* workout = FindWorkout(id);
  if (workout == nullptr) return std::nullopt;
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    const auto it = cache_.find({id, every_n});
    if (it != cache_.end()) return it->second;
  }
  // Built outside the lock: two racing requests build the same bytes, which is harmless.
  std::shared_ptr<const std::string> body;
  if (workout->synthetic) {
    body = std::make_shared<const std::string>(SyntheticGraphBody(*workout->synthetic, every_n));
  } else {
    nlohmann::json graph = workout->graph();
    // Graphs recorded coarser than 1 s are served as recorded, whatever every_n asks.
    if (every_n > 1 && GraphStep(graph) == 1) graph = WindowGraph(graph, every_n);
    body = std::make_shared<const std::string>(graph.dump());
  }
  std::lock_guard<std::mutex> lock(cache_mu_);
  if (cache_.size() > 4096) cache_.clear();  // bound memory for long-running demos
  cache_[{id, every_n}] = body;
  return body;
}

std::shared_ptr<const nlohmann::json> DataSet::RideDetails(const std::string& ride_id) const {
  const auto ride = rides.find(ride_id);
  if (ride == rides.end() || !build_ride_details) return nullptr;
  {
    std::lock_guard<std::mutex> lock(cache_mu_);
    const auto it = ride_details_.find(ride_id);
    if (it != ride_details_.end()) return it->second;
  }
  // Built outside the lock, as graph bodies are: a race builds the same document twice.
  auto details = std::make_shared<const nlohmann::json>(build_ride_details(ride_id, ride->second));
  std::lock_guard<std::mutex> lock(cache_mu_);
  return ride_details_.emplace(ride_id, std::move(details)).first->second;
}

std::optional<int64_t> ParseDate(const std::string& date) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) {
    return std::nullopt;
  }
  if (y < 1971 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  // Days from civil (Howard Hinnant's algorithm).
  const int yy = m <= 2 ? y - 1 : y;
  const int era = yy / 400;
  const int yoe = yy - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const int64_t days = int64_t{era} * 146097 + doe - 719468;
  if (FormatUtcDate(days * 86400) != date) return std::nullopt;  // e.g. 2026-02-30
  return days * 86400;
}

}  // namespace pelo::sim
