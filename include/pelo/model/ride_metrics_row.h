// Per-ride metrics as stored (analytics.md §2), one row per workout, computed at sync time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pelo/model/workout.h"

namespace pelo::model {

// The stored metrics of one workout. nullopt is the spec's NA: no such channel (no power on a
// yoga class, no heart-rate strap), no FTP (non-cycling workouts) or a ride too short (§1.5).
// Every member after ftp_source is a metric of kRideMetricFields (ride_metric_fields.h), which
// the store and the outputs go through: a new member needs its entry there.
struct RideMetricsRow {
  std::string workout_id;
  int metrics_version = 0;           // which computation wrote the row (sync::kRideMetricsVersion)
  std::optional<double> ftp;         // W, in effect at the ride (§3.1); cycling and pedaling only
  std::string ftp_source;            // "workout_ftp_info" | "user_profile" | "" (no FTP)
  std::optional<double> duration_s;  // §2.1
  std::optional<double> moving_time_s;  // §2.1
  std::optional<double> avg_power;      // §2.2 W, zeros included
  std::optional<double> nz_avg_power;   // §2.2 W, nonzero samples
  std::optional<double> kj;             // §2.3
  std::optional<double> mmp_1s;         // §2.4 mean-maximal power, W
  std::optional<double> mmp_5s;
  std::optional<double> mmp_30s;
  std::optional<double> mmp_60s;
  std::optional<double> mmp_300s;
  std::optional<double> mmp_1200s;
  std::optional<double> mmp_3600s;
  std::optional<double> np;                // §2.5 Normalized Power, W
  std::optional<double> vi;                // §2.6
  std::optional<double> intensity_factor;  // §2.7
  std::optional<double> tss;               // §2.8
  std::optional<double> tss_per_hour;      // §2.8
  std::optional<double> avg_hr;            // §2.12 bpm
  std::optional<double> ef;                // §2.12
  std::optional<double> decoupling;        // §2.13 %
  std::optional<double> trimp;             // §2.14
  std::optional<double> pz1_s;             // §2.10 seconds in power zones Z1..Z7
  std::optional<double> pz2_s;
  std::optional<double> pz3_s;
  std::optional<double> pz4_s;
  std::optional<double> pz5_s;
  std::optional<double> pz6_s;
  std::optional<double> pz7_s;
  std::optional<double> hrz1_s;  // §2.11 seconds in heart-rate zones Z1..Z5
  std::optional<double> hrz2_s;
  std::optional<double> hrz3_s;
  std::optional<double> hrz4_s;
  std::optional<double> hrz5_s;
  // What the FTP history and the drivers analysis need (§3.2, §2.16, §5.2).
  int every_n = 1;                   // seconds per sample of the graph the metrics come from
  bool is_ftp_test = false;          // §3.2: the class is an FTP test
  std::optional<double> ftp_test_w;  // §3.2: the FTP the test gives (tests only)
  std::optional<int> n_hi;           // §2.16 detected intervals; NA without FTP
  std::optional<int> n_thr;
  std::optional<int> n_sprint;
  std::optional<double> t_hi_s;  // §5.2 seconds at >= 105 % FTP; NA without FTP

  bool operator==(const RideMetricsRow&) const = default;
};

// A stored metrics row with what a listing shows of its workout.
struct RideMetricsListing {
  RideMetricsRow metrics;
  std::optional<int64_t> start_time;  // epoch s
  std::string discipline;
  std::string title;                  // the class title, else the workout's title or name
  std::string timezone;               // the workout's IANA zone ("America/New_York"), "" if unknown
  std::string device_type;            // "home_bike_v1" (Bike), "home_bike_v2" (Bike+), ...
  std::optional<FtpInfo> ftp_info;    // the workout's own ftp_info, as Peloton sent it
  std::optional<double> distance_km;  // the workout's distance summary, if it has one

  bool operator==(const RideMetricsListing&) const = default;
};

// One workout's stored power-duration curve (§2.4), for date-range curves.
struct RideCurveListing {
  std::string workout_id;
  std::optional<int64_t> start_time;  // epoch s
  std::string timezone;
  int every_n = 1;  // MMP at durations < every_n is a lower bound (§1.2)
  // MMP (W) at analytics::CurveGrid()[i] for i < size: a ride has no point beyond its length.
  std::vector<double> watts;
};

}  // namespace pelo::model
