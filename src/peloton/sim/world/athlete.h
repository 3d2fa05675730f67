// The synthetic athlete: who they are, what they rode when, and the per-second data of each ride.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "peloton/sim/world/catalog.h"

namespace pelo::sim {

// Fixed physiology of the athlete (the same for every seed, so only the history varies).
struct Profile {
  double max_hr = 185;
  double rest_hr = 58;
  double weight_kg = 77.1;
  double run_threshold_mph = 7.4;
};

// One workout as scheduled: everything needed to regenerate its samples on demand.
struct WorkoutPlan {
  std::string id;
  uint64_t seed = 0;
  size_t class_pos = 0;  // into Catalog::classes
  std::string discipline;
  bool outdoor = false;
  bool has_hr = true;
  int64_t created_at = 0;
  int64_t start_time = 0;
  int64_t end_time = 0;
  int ftp = 0;                 // FTP in effect going into the workout
  std::string ftp_workout_id;  // the test that set it, "" when set manually
  double fitness = 0;          // the athlete's true threshold power that day (W)
  // A pause: the workout stopped after `pause_at` seconds of the class for `pause_s` seconds
  // (0: never paused). The samples are the class's; the time axis and end_time skip the pause.
  int pause_at = 0;
  int pause_s = 0;
  bool movements_tracked = false;  // a strength workout with the Peloton Guide's rep counts
  // Filled from the samples at build time.
  double total_work = 0;
  std::array<int, 5> zone_seconds{};
  int test_result_ftp = 0;  // FTP set by this workout when it is a test
};

// Per-second series of one workout; a vector is empty when the metric does not exist.
struct Samples {
  int duration = 0;
  std::vector<double> output, cadence, resistance, speed, heart_rate;
  std::vector<double> pace, incline, stroke_rate, split_pace, altitude;
  std::vector<double> latitude, longitude;
  double calories = 0;
};

// Generates the per-second data of `plan`; deterministic in the plan's seed.
Samples GenerateSamples(const WorkoutPlan& plan, const RideClass& ride, const Profile& profile);

// A synthetic workout as the data set keeps it: what regenerates its samples on demand (they are
// deterministic; every workout's samples held at once would be tens of megabytes).
struct SyntheticWorkout {
  std::shared_ptr<const Catalog> catalog;
  WorkoutPlan plan;
  Profile profile;

  const RideClass& ride() const { return catalog->classes[plan.class_pos]; }
  Samples GenerateSamples() const;
};

// Heart-rate zone lower bounds (zone 2..5) for a maximum heart rate, as Peloton's defaults
// (65/75/85/95 % of max).
std::array<int, 4> ZoneFloors(double max_hr);

// The athlete's history: workouts in chronological order (oldest first).
struct History {
  std::vector<WorkoutPlan> workouts;
  int initial_ftp = 0;
  int current_ftp = 0;
  std::string current_ftp_workout_id;
  double current_fitness = 0;
  double untrained_watts = 0;  // threshold power with no training (the model's p0)
  int64_t first_day = 0;
};

// Schedules `count` workouts ending on `end_day` (epoch s of that day's 00:00 UTC).
History BuildHistory(const Catalog& catalog, const Profile& profile, uint64_t seed, int count,
                     int64_t end_day);

}  // namespace pelo::sim
