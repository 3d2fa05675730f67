// analytics.md §3.1 over the stored rides: the FTP in effect for each cycling ride whose own
// ftp_info gives none, from the FTP tests, /api/me and the 20-minute bests stored with the
// rides' metrics.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pelo/model/user.h"
#include "pelo/store/store.h"
#include "sync/ride_metrics_builder.h"

namespace pelo::sync {

struct ChainedFtp {
  std::string workout_id;
  std::optional<FtpInEffect> ftp;  // nullopt: no step gives one
};

// For each ride of `rides` with a metrics row that is cycling (HasCyclingFtp) and whose
// ftp_info gives no FTP, in the order of `rides`: the §3.1 steps after ftp_info, via
// analytics::FtpAtRideDate on the ride's day (analytics::RideDay):
//  2. the latest FTP test on or before that day: ftp_test_w of the rows marked is_ftp_test
//     (the ride's own result excluded: a test sets the FTP for the rides after it);
//  3. /api/me (`user`);
//  4. eFTP42 from the mmp_1200s of the cycling rides dated in (day - 42, day].
// A ride without a start time has no day: only step 3 applies to it.
std::vector<ChainedFtp> ChainRideFtps(const std::vector<store::RideMetricsState>& rides,
                                      const std::optional<model::User>& user);

}  // namespace pelo::sync
