// Everything the simulator serves, built once at start-up: the user, their workouts (synthetic or
// loaded from files), classes and instructors.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pelo/common/status.h"
#include "pelo/peloton/sim/server.h"
#include "peloton/sim/world/athlete.h"

namespace pelo::sim {

struct WorkoutEntry {
  std::string id;
  int64_t created_at = 0;
  // The GET /api/workout/{id}?joins=ride,ride.instructor body (`ride` absent when unknown).
  nlohmann::json detail;
  // The performance graph at its recorded resolution (1 s for synthetic workouts).
  std::function<nlohmann::json()> graph;
  // Set for synthetic workouts: what regenerates their samples, from which the graph bodies and
  // metrics are written without building `graph`'s document (json/graph_body.h).
  std::shared_ptr<const SyntheticWorkout> synthetic;
  std::array<int, 5> zone_seconds{};
};

class DataSet {
 public:
  std::string user_id;
  nlohmann::json me;                   // GET /api/me body
  std::vector<WorkoutEntry> workouts;  // newest first once Finish() ran
  std::vector<nlohmann::json> instructors;
  // ride id -> the `ride` of GET /api/ride/{id}/details: the classes of the library.
  std::map<std::string, nlohmann::json> rides;
  // What RideDetails builds the rest of a ride's details from: its id and `ride` (set by whoever
  // fills `rides`: the synthetic catalog, or the segments of the loaded workouts).
  std::function<nlohmann::json(const std::string& ride_id, const nlohmann::json& ride)>
      build_ride_details;
  std::map<std::string, std::string> class_type_names;      // ride_type_id -> "Power Zone"
  nlohmann::json month_summary = nlohmann::json::object();  // "YYYY-MM" -> count
  nlohmann::json total_zone_durations;

  // Sorts newest first ("-created_at,-pk"), indexes, and computes the list's summaries.
  void Finish();

  const WorkoutEntry* FindWorkout(const std::string& id) const;
  const nlohmann::json* FindInstructor(const std::string& id) const;

  // The performance_graph body for `every_n` (thread-safe, cached); nullopt for unknown ids.
  std::optional<std::shared_ptr<const std::string>> GraphBody(const std::string& id,
                                                              int every_n) const;

  // GET /api/ride/{id}/details of a ride in `rides`, built on first use and kept (thread-safe);
  // nullptr for other ids. Built lazily: a run asks for a few classes' details if any, and
  // building every class's at start-up was most of a small world's start.
  std::shared_ptr<const nlohmann::json> RideDetails(const std::string& ride_id) const;

 private:
  std::map<std::string, size_t> workout_index_;
  std::map<std::string, size_t> instructor_index_;
  mutable std::mutex cache_mu_;
  mutable std::map<std::pair<std::string, int>, std::shared_ptr<const std::string>> cache_;
  mutable std::map<std::string, std::shared_ptr<const nlohmann::json>> ride_details_;
};

// The synthetic athlete's data set (deterministic in seed, workouts, end_date and email).
StatusOr<std::unique_ptr<DataSet>> BuildSyntheticDataSet(const Options& options);

// The same, shared by the servers of one process started with the same seed, workouts, end_date
// and email, with the graph bodies any of them served: a data set is never changed once built,
// and a test binary starts dozens of servers on the same world. Keeps the two most recently
// asked for alive between servers.
StatusOr<std::shared_ptr<const DataSet>> SharedSyntheticDataSet(const Options& options);

// A data set whose workouts are exactly the {"Workout","WorkoutSamples"} files in
// options.workouts_from; kInvalidArgument naming the first file that is not one.
StatusOr<std::unique_ptr<DataSet>> LoadDataSetFromDir(const Options& options);

// Parses "YYYY-MM-DD" to the epoch second of that day's 00:00 UTC.
std::optional<int64_t> ParseDate(const std::string& date);

}  // namespace pelo::sim
