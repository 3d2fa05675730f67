// FTP semantics and estimates (analytics.md §3.1-§3.3).
#include "pelo/analytics/ftp.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "pelo/common/strings.h"

namespace pelo::analytics {
namespace {

constexpr double kTwentyMinuteFactor = 0.95;
constexpr std::string_view kManualSource = "ftp_manual_source";
constexpr std::string_view kWorkoutSource = "ftp_workout_source";

bool Positive(const std::optional<double>& v) { return v.has_value() && *v > 0; }

// Python's round(): half to even, which std::nearbyint gives in the default rounding mode.
double RoundLikePython(double v) { return std::nearbyint(v); }

// Appends entries, each with the previous value of its kind; with `min_change`, skips one that
// moved less than that from the previous value of its kind.
class HistoryWriter {
 public:
  explicit HistoryWriter(std::vector<FtpChange>* out) : out_(out) {}

  void Add(DayNumber day, FtpChangeKind kind, double ftp, const std::string& workout_id,
           std::optional<double> min_change = std::nullopt) {
    std::optional<double>& last = last_[static_cast<int>(kind)];
    if (min_change && last && std::fabs(*last - ftp) < *min_change) return;
    out_->push_back({day, kind, ftp, last, workout_id});
    last = ftp;
  }

 private:
  std::vector<FtpChange>* out_;
  std::optional<double> last_[3];
};

}  // namespace

std::optional<double> ResolveWorkoutFtp(const model::FtpInfo& info) {
  if (!Positive(info.ftp)) return std::nullopt;
  if (info.ftp_source != kManualSource) return *info.ftp;
  // A manual FTP under ~0.5 W rounds to 0, which is no FTP (the analytics divide by it).
  const double ftp = RoundLikePython(*info.ftp * kTwentyMinuteFactor);
  return ftp > 0 ? std::optional<double>(ftp) : std::nullopt;
}

std::optional<double> ResolveUserFtp(const model::User& user) {
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

std::optional<double> ResolvePelotonFtp(const std::optional<model::FtpInfo>& ftp_info,
                                        const std::optional<model::User>& user) {
  if (ftp_info) {
    if (auto ftp = ResolveWorkoutFtp(*ftp_info)) return ftp;
  }
  if (!user) return std::nullopt;
  auto ftp = ResolveUserFtp(*user);
  if (Positive(ftp)) return ftp;
  return std::nullopt;
}

double FtpFromTestAverage(double average_watts) {
  return RoundLikePython(kTwentyMinuteFactor * average_watts);
}

bool IsFtpTestTitle(std::string_view title) {
  return Lower(title).find("ftp test") != std::string::npos;
}

std::optional<Eftp> Eftp42(const std::vector<DatedMmp20>& rides, DayNumber day, int window_days) {
  const DatedMmp20* best = nullptr;
  for (const auto& r : rides) {
    if (r.day <= day - window_days || r.day > day) continue;
    // On a tie the latest ride sets it: its age says how fresh the estimate is.
    if (!best || r.watts > best->watts || (r.watts == best->watts && r.day > best->day)) best = &r;
  }
  if (!best) return std::nullopt;
  Eftp e;
  e.watts = kTwentyMinuteFactor * best->watts;
  e.source_day = best->day;
  e.age_days = static_cast<int>(day - best->day);
  e.stale = e.age_days > kEftpStaleDays;
  return e;
}

std::optional<RideFtp> FtpAtRideDate(DayNumber day, const std::optional<model::FtpInfo>& ftp_info,
                                     const std::vector<FtpTestResult>& tests,
                                     const std::optional<model::User>& user,
                                     const std::vector<DatedMmp20>& mmp20s) {
  if (ftp_info) {
    if (auto ftp = ResolveWorkoutFtp(*ftp_info)) {
      return RideFtp{*ftp, FtpSourceUsed::kWorkoutFtpInfo};
    }
  }
  const FtpTestResult* latest = nullptr;
  for (const auto& t : tests) {
    if (t.day <= day && t.ftp > 0 && (!latest || t.day >= latest->day)) latest = &t;
  }
  if (latest) return RideFtp{latest->ftp, FtpSourceUsed::kFtpTest};
  if (auto ftp = ResolvePelotonFtp(std::nullopt, user)) {
    return RideFtp{*ftp, FtpSourceUsed::kUserProfile};
  }
  if (auto e = Eftp42(mmp20s, day)) return RideFtp{e->watts, FtpSourceUsed::kEftp42};
  return std::nullopt;
}

std::vector<FtpChange> BuildFtpHistory(std::vector<FtpRideRecord> rides,
                                       const FtpHistoryOptions& options) {
  std::stable_sort(rides.begin(), rides.end(),
                   [](const FtpRideRecord& a, const FtpRideRecord& b) { return a.day < b.day; });
  std::vector<FtpChange> out;
  HistoryWriter writer(&out);
  std::set<std::string> reported_tests;
  std::optional<double> peloton_ftp;
  std::optional<double> last_tested;
  std::vector<DatedMmp20> mmp20s;
  for (const auto& r : rides) {
    const auto ftp = r.ftp_info ? ResolveWorkoutFtp(*r.ftp_info) : std::nullopt;
    if (ftp && ftp != peloton_ftp) {
      peloton_ftp = ftp;
      if (r.ftp_info->ftp_source == kManualSource) {
        writer.Add(r.day, FtpChangeKind::kSetManually, *ftp, r.workout_id);
      } else if (r.ftp_info->ftp_source == kWorkoutSource &&
                 !reported_tests.contains(r.ftp_info->ftp_workout_id) && ftp != last_tested) {
        const auto& id =
            r.ftp_info->ftp_workout_id.empty() ? r.workout_id : r.ftp_info->ftp_workout_id;
        writer.Add(r.day, FtpChangeKind::kTested, *ftp, id);
      }
    }
    const auto test_avg = r.test_average_watts ? r.test_average_watts : r.mmp20_watts;
    if (r.is_ftp_test && Positive(test_avg)) {
      last_tested = FtpFromTestAverage(*test_avg);
      reported_tests.insert(r.workout_id);
      writer.Add(r.day, FtpChangeKind::kTested, *last_tested, r.workout_id);
    }
    if (Positive(r.mmp20_watts)) {
      mmp20s.push_back({r.day, *r.mmp20_watts});
      const auto e = Eftp42(mmp20s, r.day);
      if (e && e->source_day == r.day && e->watts == kTwentyMinuteFactor * *r.mmp20_watts) {
        writer.Add(r.day, FtpChangeKind::kEstimated, e->watts, r.workout_id,
                   options.min_estimate_change_w);
      }
    }
  }
  return out;
}

std::string_view FtpChangeKindName(FtpChangeKind kind) {
  switch (kind) {
    case FtpChangeKind::kSetManually:
      return "manual";
    case FtpChangeKind::kTested:
      return "test";
    case FtpChangeKind::kEstimated:
      return "estimated";
  }
  return "?";
}

}  // namespace pelo::analytics
