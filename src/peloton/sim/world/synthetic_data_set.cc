// Assembles the synthetic athlete's data set: history, workout bodies, lazy graphs, classes.
#include <cmath>
#include <deque>
#include <memory>
#include <mutex>
#include <tuple>
#include <utility>

#include "peloton/sim/json/graph_json.h"
#include "peloton/sim/json/me_json.h"
#include "peloton/sim/json/ride_json.h"
#include "peloton/sim/json/workout_json.h"
#include "peloton/sim/world/athlete.h"
#include "peloton/sim/world/data_set.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

void CountWorkouts(const History& history, nlohmann::json& me) {
  std::map<std::string, int> counts;
  int pedaling = 0;
  for (const auto& w : history.workouts) {
    ++counts[w.discipline];
    if (w.discipline == kCycling) ++pedaling;
  }
  me["total_pedaling_metric_workouts"] = pedaling;
  me["total_non_pedaling_metric_workouts"] = static_cast<int>(history.workouts.size()) - pedaling;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [slug, count] : counts) {
    list.push_back({{"name", slug},
                    {"slug", slug},
                    {"count", count},
                    {"icon_url",
                     "https://s3.amazonaws.com/static-cdn.pelotoncycle.com/"
                     "workout-count-icons/" +
                         slug + ".png"}});
  }
  me["workout_counts"] = list;
  if (!history.workouts.empty()) me["last_workout_at"] = history.workouts.back().end_time;
}

}  // namespace

StatusOr<std::unique_ptr<DataSet>> BuildSyntheticDataSet(const Options& options) {
  const auto end_day = ParseDate(options.end_date);
  if (!end_day) {
    return Status(ErrorCode::kInvalidArgument,
                  "--end-date must be YYYY-MM-DD: " + options.end_date);
  }
  auto catalog = std::make_shared<const Catalog>(BuildCatalog());
  const Profile profile;
  const History history = BuildHistory(*catalog, profile, options.seed, options.workouts, *end_day);
  auto data = std::make_unique<DataSet>();
  data->user_id = HexId(Mix(options.seed, 0x05E5), 1);
  data->instructors = catalog->instructors;
  std::vector<nlohmann::json> class_rides;  // each class's `ride`, as its workouts join it
  for (const auto& ride : catalog->classes) {
    const auto& instructor = catalog->instructors[catalog->instructor_index.at(ride.instructor_id)];
    class_rides.push_back(RideJson(ride, instructor));
  }
  for (const auto& plan : history.workouts) {
    const RideClass& ride = catalog->classes[plan.class_pos];
    WorkoutEntry entry;
    entry.id = plan.id;
    entry.created_at = plan.created_at;
    entry.detail = WorkoutDetailJson(plan, ride, class_rides[plan.class_pos], data->user_id);
    entry.zone_seconds = plan.zone_seconds;
    auto synthetic =
        std::make_shared<const SyntheticWorkout>(SyntheticWorkout{catalog, plan, profile});
    entry.graph = [synthetic] {
      return BuildGraphJson(synthetic->plan, synthetic->ride(), synthetic->GenerateSamples(),
                            synthetic->profile);
    };
    entry.synthetic = std::move(synthetic);
    data->workouts.push_back(std::move(entry));
  }
  for (size_t i = 0; i < catalog->classes.size(); ++i) {
    const RideClass& ride = catalog->classes[i];
    data->rides[ride.id] = DetailsRideJson(std::move(class_rides[i]));
    data->class_type_names[ride.ride_type_id] = ride.type;
  }
  data->build_ride_details = [catalog](const std::string& id, const nlohmann::json& ride) {
    return RideDetailsJson(catalog->classes[catalog->class_index.at(id)], ride);
  };
  const int64_t created = history.first_day - 30 * 86400;
  data->me = MeJson(options, data->user_id, options.workouts, history.current_ftp,
                    history.current_ftp_workout_id,
                    static_cast<int>(std::lround(history.current_fitness)), created);
  CountWorkouts(history, data->me);
  data->Finish();
  return data;
}

StatusOr<std::shared_ptr<const DataSet>> SharedSyntheticDataSet(const Options& options) {
  // What BuildSyntheticDataSet reads of the options.
  using Key = std::tuple<uint64_t, int, std::string, std::string>;
  const Key key{options.seed, options.workouts, options.end_date, options.email};
  static std::mutex mu;
  static std::deque<std::pair<Key, std::shared_ptr<const DataSet>>> recent;  // newest first
  constexpr size_t kKept = 2;
  std::lock_guard<std::mutex> lock(mu);  // held while building: a second asker waits, not builds
  for (auto it = recent.begin(); it != recent.end(); ++it) {
    if (it->first != key) continue;
    auto data = it->second;
    recent.erase(it);
    recent.emplace_front(key, data);
    return data;
  }
  PELO_ASSIGN_OR_RETURN(std::unique_ptr<DataSet> built, BuildSyntheticDataSet(options));
  std::shared_ptr<const DataSet> data = std::move(built);
  recent.emplace_front(key, data);
  if (recent.size() > kKept) recent.pop_back();
  return data;
}

}  // namespace pelo::sim
