// A completed (or in-progress) workout, as listed and as fetched in detail.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pelo/model/ride.h"

namespace pelo::model {

// The FTP in effect going into a workout (GET /api/workout/{id} `ftp_info`).
struct FtpInfo {
  std::optional<double> ftp;
  std::string ftp_source;  // "ftp_workout_source" | "ftp_manual_source" | ...
  std::string ftp_workout_id;

  bool operator==(const FtpInfo&) const = default;
};

// One weight a tracked movement was done with (`weight[].weight_data`): a list, since two
// dumbbells may be two entries.
struct MovementWeight {
  double value = 0;  // 0: bodyweight
  std::string unit;  // "lb" | "kg", as Peloton sent it ("" when it sent none)

  bool operator==(const MovementWeight&) const = default;
};

// One movement performed in a strength workout, as Peloton tracked it (Peloton Guide):
// GET /api/workout/{id} `movement_tracker_data.completed_movements_summary_data.
// repetition_summary_data[]`.
struct TrackedMovement {
  std::string movement_id;
  std::string movement_name;  // written by strangers: "Wide Grip Overhead Press"
  bool is_hold = false;
  std::optional<double> completed_number;  // repetitions; seconds for a hold
  int64_t offset_s = 0;                    // s into the class (0 when Peloton sent none)
  int64_t length_s = 0;                    // s
  std::vector<MovementWeight> weights;     // as listed; empty when Peloton sent none

  bool operator==(const TrackedMovement&) const = default;
};

struct Workout {
  std::string id;
  std::string user_id;
  std::string peloton_id;
  std::string name;    // "Cycling Workout"
  std::string title;   // often null in the API
  std::string status;  // "COMPLETE" | "IN_PROGRESS"
  std::string fitness_discipline;
  std::string metrics_type;
  std::string device_type;
  std::string platform;
  std::string workout_type;
  std::string timezone;
  std::optional<int64_t> created_at;
  std::optional<int64_t> start_time;
  std::optional<int64_t> end_time;
  std::optional<double> total_work;  // J
  bool has_pedaling_metrics = false;
  bool is_outdoor = false;
  std::optional<Ride> ride;         // with joins=ride
  std::optional<FtpInfo> ftp_info;  // detail only
  // Detail only, in Peloton's order; empty without `movement_tracker_data` (a workout not
  // tracked by Peloton Guide, or a list entry).
  std::vector<TrackedMovement> tracked_movements;
};

// One page of GET /api/user/{id}/workouts.
struct WorkoutPage {
  std::vector<Workout> data;
  std::vector<std::string> raw_data;  // each item of `data` as JSON (minified), same order
  int64_t total = 0;
  int64_t count = 0;
  int64_t page = 0;
  int64_t limit = 0;
  int64_t page_count = 0;
  bool show_next = false;
};

}  // namespace pelo::model
