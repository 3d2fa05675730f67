// FTP semantics and estimates (analytics.md §3.1-§3.3): Peloton's FTP fields, FTP test rides,
// the rolling best-20-minute eFTP, FTP at a ride's date, and the FTP history of a rider.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/analytics/days.h"
#include "pelo/model/user.h"
#include "pelo/model/workout.h"

namespace pelo::analytics {

// The FTP a workout's ftp_info stands for (§3.1): a manual FTP is Peloton's 20-minute value,
// so 95 % of it rounded like Python; nullopt when not positive (everything divides by it).
std::optional<double> ResolveWorkoutFtp(const model::FtpInfo& info);

// The FTP of the /api/me profile fields (§3.1): manual x0.95, else the workout source's, else
// the estimate; nullopt when none of them is positive.
std::optional<double> ResolveUserFtp(const model::User& user);

// Peloton's FTP per Appendix A `resolve_ftp` (TV-19): the workout's `ftp_info` (manual x0.95),
// else the /api/me fields (manual x0.95, workout source, else estimated). nullopt if none.
std::optional<double> ResolvePelotonFtp(const std::optional<model::FtpInfo>& ftp_info,
                                        const std::optional<model::User>& user);

// §3.2: FTP from an FTP test ride, round(0.95 x average output) with Python's rounding (TV-18).
double FtpFromTestAverage(double average_watts);

// §3.2: whether a class title names an FTP test ("FTP Test", any case).
bool IsFtpTestTitle(std::string_view title);

// One ride's best 20-minute power (MMP(1200), §2.4) and its date.
struct DatedMmp20 {
  DayNumber day = 0;
  double watts = 0;
};

// eFTP42 on a day (§3.3).
struct Eftp {
  double watts = 0;          // 0.95 x the best MMP20 in the window
  DayNumber source_day = 0;  // date of the ride that set it
  int age_days = 0;          // day - source_day
  bool stale = false;        // age_days > 28: a later drop is the window expiring, not detraining
};

inline constexpr int kEftpWindowDays = 42;
inline constexpr int kEftpStaleDays = 28;

// §3.3: 0.95 x max MMP20 over rides dated in (day - window_days, day]; nullopt if none (TV-18b).
std::optional<Eftp> Eftp42(const std::vector<DatedMmp20>& rides, DayNumber day,
                           int window_days = kEftpWindowDays);

// A Peloton FTP test result on a date (§3.2).
struct FtpTestResult {
  DayNumber day = 0;
  double ftp = 0;
};

enum class FtpSourceUsed { kWorkoutFtpInfo, kFtpTest, kUserProfile, kEftp42 };

struct RideFtp {
  double ftp = 0;
  FtpSourceUsed source = FtpSourceUsed::kWorkoutFtpInfo;
};

// §3.1 resolution order for a ride on `day`: its ftp_info; the latest FTP test on or before the
// day; /api/me; eFTP42 on the day. nullopt when none gives a positive FTP.
std::optional<RideFtp> FtpAtRideDate(DayNumber day, const std::optional<model::FtpInfo>& ftp_info,
                                     const std::vector<FtpTestResult>& tests,
                                     const std::optional<model::User>& user,
                                     const std::vector<DatedMmp20>& mmp20s);

// What the history builder needs of one cycling ride.
struct FtpRideRecord {
  DayNumber day = 0;
  std::string workout_id;
  std::optional<model::FtpInfo> ftp_info;  // FTP in effect going into the ride
  bool is_ftp_test = false;
  std::optional<double> test_average_watts;  // average over the 20-min test segment, if known
  std::optional<double> mmp20_watts;         // MMP(1200); nullopt for rides under 20 min
};

enum class FtpChangeKind {
  kSetManually,  // ftp_info switched to a manually entered value
  kTested,       // an FTP test ride (or a workout-source FTP whose test is not in the records)
  kEstimated,    // a ride set a new eFTP42
};

struct FtpChange {
  DayNumber day = 0;
  FtpChangeKind kind = FtpChangeKind::kTested;
  double ftp = 0;
  std::optional<double> previous;  // the previous value of the same kind, if any
  std::string workout_id;          // the ride that set it (the test ride for kTested)
};

struct FtpHistoryOptions {
  // Estimated entries closer than this to the previous estimate are dropped (noise).
  double min_estimate_change_w = 1.0;
};

// The FTP changes over a ride history, oldest first (what `pelo stats ftp` prints). Rides may
// come in any order. Test rides give kTested (0.95 x test average, else 0.95 x MMP20); a change
// of the Peloton FTP in ftp_info gives kSetManually (manual source) or kTested (workout source
// not already reported by its test ride); a ride that becomes the eFTP42 maximum gives
// kEstimated. Window expiry never makes an entry (§3.3: not evidence of detraining).
std::vector<FtpChange> BuildFtpHistory(std::vector<FtpRideRecord> rides,
                                       const FtpHistoryOptions& options = {});

// A short name for a change kind: "manual", "test", "estimated".
std::string_view FtpChangeKindName(FtpChangeKind kind);

}  // namespace pelo::analytics
