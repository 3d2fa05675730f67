#include "sync/ride_ftp_chain.h"

#include "pelo/analytics/ftp.h"
#include "pelo/analytics/ride_day.h"

namespace pelo::sync {
namespace {

const char* SourceName(analytics::FtpSourceUsed source) {
  switch (source) {
    case analytics::FtpSourceUsed::kWorkoutFtpInfo:
      return kFtpFromWorkout;
    case analytics::FtpSourceUsed::kFtpTest:
      return kFtpFromTest;
    case analytics::FtpSourceUsed::kUserProfile:
      return kFtpFromProfile;
    case analytics::FtpSourceUsed::kEftp42:
      return kFtpFromEftp42;
  }
  return "";
}

bool IsCycling(const store::RideMetricsState& ride) {
  return HasCyclingFtp(ride.discipline, ride.has_pedaling_metrics);
}

bool NeedsChain(const store::RideMetricsState& ride) {
  if (!ride.metrics_version || !IsCycling(ride)) return false;
  return !(ride.ftp_info && analytics::ResolveWorkoutFtp(*ride.ftp_info));
}

struct Test {
  analytics::FtpTestResult result;
  const std::string* workout_id;
};

}  // namespace

std::vector<ChainedFtp> ChainRideFtps(const std::vector<store::RideMetricsState>& rides,
                                      const std::optional<model::User>& user) {
  std::vector<Test> tests;
  std::vector<analytics::DatedMmp20> mmp20s;
  for (const store::RideMetricsState& ride : rides) {
    if (!ride.start_time || !IsCycling(ride)) continue;
    const analytics::DayNumber day = analytics::RideDay(*ride.start_time, ride.timezone);
    if (ride.is_ftp_test && ride.ftp_test_w && *ride.ftp_test_w > 0) {
      tests.push_back({{day, *ride.ftp_test_w}, &ride.workout_id});
    }
    if (ride.mmp_1200s && *ride.mmp_1200s > 0) mmp20s.push_back({day, *ride.mmp_1200s});
  }
  std::vector<ChainedFtp> out;
  std::vector<analytics::FtpTestResult> results;
  for (const store::RideMetricsState& ride : rides) {
    if (!NeedsChain(ride)) continue;
    std::optional<analytics::RideFtp> ftp;
    if (ride.start_time) {
      results.clear();
      for (const Test& t : tests) {
        if (*t.workout_id != ride.workout_id) results.push_back(t.result);
      }
      const analytics::DayNumber day = analytics::RideDay(*ride.start_time, ride.timezone);
      ftp = analytics::FtpAtRideDate(day, std::nullopt, results, user, mmp20s);
    } else {
      ftp = analytics::FtpAtRideDate(0, std::nullopt, {}, user, {});
    }
    ChainedFtp& chained = out.emplace_back();
    chained.workout_id = ride.workout_id;
    if (ftp) chained.ftp = FtpInEffect{ftp->ftp, SourceName(ftp->source)};
  }
  return out;
}

}  // namespace pelo::sync
