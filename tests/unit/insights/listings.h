// Stored-metrics rows for the insights tests: what Store::RideMetricsRows() returns.
#pragma once

#include <cstdint>
#include <string>

#include "pelo/model/ride_metrics_row.h"

namespace pelo::insights::testing {

inline constexpr int64_t kDay = 86400;

// A cycling ride on `day` (days since 1970-01-01) at noon UTC, with an FTP and a TSS.
inline model::RideMetricsListing Ride(const std::string& id, int64_t day, double tss,
                                      double duration_s = 3600) {
  model::RideMetricsListing r;
  r.metrics.workout_id = id;
  r.metrics.ftp = 200;
  r.metrics.ftp_source = "workout_ftp_info";
  r.metrics.duration_s = duration_s;
  r.metrics.tss = tss;
  r.metrics.kj = duration_s * 0.15;
  r.metrics.avg_power = 150;
  r.start_time = day * kDay + 12 * 3600;
  r.discipline = "cycling";
  r.title = "30 min Power Zone Ride";
  r.device_type = "home_bike_v1";
  return r;
}

}  // namespace pelo::insights::testing
