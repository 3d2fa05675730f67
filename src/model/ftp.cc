// FTP resolution per analytics.md §3.1 (Appendix A `resolve_ftp`, test vectors TV-19).
#include <cmath>

#include "pelo/model/user.h"
#include "pelo/model/workout.h"

namespace pelo::model {
namespace {

constexpr std::string_view kManualSource = "ftp_manual_source";
constexpr std::string_view kWorkoutSource = "ftp_workout_source";
// Peloton treats a manually entered FTP as a 20-minute average; FTP is 95 % of it.
constexpr double kTwentyMinuteFactor = 0.95;

// Python's round(): half to even, which std::nearbyint gives in the default rounding mode.
double RoundLikePython(double v) { return std::nearbyint(v); }

bool Positive(const std::optional<double>& v) { return v.has_value() && *v > 0; }

}  // namespace

std::optional<double> ResolveWorkoutFtp(const FtpInfo& info) {
  if (!Positive(info.ftp)) return std::nullopt;
  if (info.ftp_source != kManualSource) return *info.ftp;
  // A manual FTP under ~0.5 W rounds to 0, which is no FTP (the analytics divide by it).
  const double ftp = RoundLikePython(*info.ftp * kTwentyMinuteFactor);
  return ftp > 0 ? std::optional<double>(ftp) : std::nullopt;
}

std::optional<double> ResolveUserFtp(const User& user) {
  std::optional<double> ftp;
  if (user.cycling_ftp_source == kManualSource) {
    ftp = RoundLikePython(user.cycling_ftp.value_or(0) * kTwentyMinuteFactor);
  } else if (user.cycling_ftp_source == kWorkoutSource) {
    ftp = user.cycling_workout_ftp;
  }
  if (Positive(ftp)) return ftp;
  // Nor is an estimate of 0 W or less: everything downstream divides by the FTP.
  if (Positive(user.estimated_cycling_ftp)) return user.estimated_cycling_ftp;
  return std::nullopt;
}

}  // namespace pelo::model
