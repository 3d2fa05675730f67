// FTP resolution: analytics.md §3.1 test vectors TV-19 plus the edges of Appendix A resolve_ftp.
#include <gtest/gtest.h>

#include "pelo/analytics/ftp.h"

namespace pelo::analytics {
namespace {

using model::FtpInfo;
using model::User;

FtpInfo Info(std::optional<double> ftp, std::string source = "") {
  return FtpInfo{ftp, std::move(source), ""};
}

User UserWith(std::string source, std::optional<double> cycling, std::optional<double> workout,
              std::optional<double> estimated) {
  User user;
  user.cycling_ftp_source = std::move(source);
  user.cycling_ftp = cycling;
  user.cycling_workout_ftp = workout;
  user.estimated_cycling_ftp = estimated;
  return user;
}

TEST(ResolveWorkoutFtp, Tv19) {
  EXPECT_EQ(ResolveWorkoutFtp(Info(100)), 100);
  EXPECT_EQ(ResolveWorkoutFtp(Info(100, "ftp_manual_source")), 95);
  EXPECT_EQ(ResolveWorkoutFtp(Info(100, "ftp_workout_source")), 100);
}

TEST(ResolveWorkoutFtp, ManualRoundsLikePython) {
  EXPECT_EQ(ResolveWorkoutFtp(Info(243, "ftp_manual_source")), 231);  // 230.85
  EXPECT_EQ(ResolveWorkoutFtp(Info(154, "ftp_manual_source")), 146);  // 146.3
  EXPECT_EQ(ResolveWorkoutFtp(Info(170, "ftp_manual_source")), 162);  // 161.5 -> even
  EXPECT_EQ(ResolveWorkoutFtp(Info(190, "ftp_manual_source")), 180);  // 180.5 -> even
}

TEST(ResolveWorkoutFtp, ZeroOrMissingIsNone) {
  EXPECT_FALSE(ResolveWorkoutFtp(Info(0)).has_value());
  EXPECT_FALSE(ResolveWorkoutFtp(Info(std::nullopt)).has_value());
  EXPECT_FALSE(ResolveWorkoutFtp(Info(-5, "ftp_manual_source")).has_value());
}

// The workout fuzz target's FTP invariant on fuzz/corpus/workout/manual_ftp_below_one_watt.json:
// 0.4 * 0.95 rounded to an FTP of 0 W, which sync stored and the ride metrics divide by.
TEST(ResolveWorkoutFtp, ManualThatRoundsToZeroIsNone) {
  EXPECT_FALSE(ResolveWorkoutFtp(Info(0.4, "ftp_manual_source")).has_value());
  EXPECT_EQ(ResolveWorkoutFtp(Info(0.6, "ftp_manual_source")), 1);
}

TEST(ResolveUserFtp, Tv19) {
  EXPECT_EQ(ResolveUserFtp(UserWith("", 1, 2, 100)), 100);
  EXPECT_EQ(ResolveUserFtp(UserWith("ftp_manual_source", 100, 2, 3)), 95);
  EXPECT_EQ(ResolveUserFtp(UserWith("ftp_workout_source", 1, 100, 3)), 100);
  EXPECT_EQ(ResolveUserFtp(UserWith("ftp_workout_source", 1, 0, 100)), 100);
}

TEST(ResolveUserFtp, FallsBackToEstimateOrNothing) {
  EXPECT_EQ(ResolveUserFtp(UserWith("ftp_manual_source", 0, 2, 157)), 157);
  EXPECT_EQ(ResolveUserFtp(UserWith("ftp_manual_source", std::nullopt, 2, 157)), 157);
  EXPECT_EQ(ResolveUserFtp(UserWith("ftp_workout_source", 1, std::nullopt, 157)), 157);
  EXPECT_FALSE(ResolveUserFtp(User{}).has_value());
}

// Found by the user fuzz target (fuzz/corpus/user/crash-a5e829ef...): a zero estimate came back
// as an FTP of 0 W, which `pelo whoami` printed.
TEST(ResolveUserFtp, ZeroOrNegativeEstimateIsNone) {
  EXPECT_FALSE(ResolveUserFtp(UserWith("ftp_manual_source", 0, 0, 0)).has_value());
  EXPECT_FALSE(ResolveUserFtp(UserWith("", std::nullopt, std::nullopt, -3)).has_value());
}

}  // namespace
}  // namespace pelo::analytics
