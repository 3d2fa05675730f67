// Test vectors TV-18, TV-18b, TV-19 of ../shared/docs/analytics.md §3.1-§3.3.
#include "pelo/analytics/ftp.h"

#include <gtest/gtest.h>

namespace pelo::analytics {
namespace {

model::FtpInfo Info(double ftp, std::string source = "", std::string test_id = "") {
  return {ftp, std::move(source), std::move(test_id)};
}

model::User UserWith(std::string source, double cycling, double workout, double estimated) {
  model::User u;
  u.cycling_ftp_source = std::move(source);
  u.cycling_ftp = cycling;
  u.cycling_workout_ftp = workout;
  u.estimated_cycling_ftp = estimated;
  return u;
}

TEST(ResolvePelotonFtp, MirrorsEveryTv19Case) {
  EXPECT_EQ(ResolvePelotonFtp(Info(100), std::nullopt), 100);
  EXPECT_EQ(ResolvePelotonFtp(Info(100, "ftp_manual_source"), std::nullopt), 95);
  EXPECT_EQ(ResolvePelotonFtp(std::nullopt, UserWith("", 1, 2, 100)), 100);
  EXPECT_EQ(ResolvePelotonFtp(std::nullopt, UserWith("ftp_manual_source", 100, 2, 3)), 95);
  EXPECT_EQ(ResolvePelotonFtp(std::nullopt, UserWith("ftp_workout_source", 1, 100, 3)), 100);
  EXPECT_EQ(ResolvePelotonFtp(std::nullopt, UserWith("ftp_workout_source", 1, 0, 100)), 100);
}

TEST(ResolvePelotonFtp, ZeroFtpInfoFallsBackToTheProfile) {
  EXPECT_EQ(ResolvePelotonFtp(Info(0), UserWith("ftp_workout_source", 1, 180, 3)), 180);
  EXPECT_EQ(ResolvePelotonFtp(std::nullopt, std::nullopt), std::nullopt);
}

TEST(FtpFromTestAverage, Tv18RoundsLikePython) {
  EXPECT_EQ(FtpFromTestAverage(210.4), 200);  // 199.88
  EXPECT_EQ(FtpFromTestAverage(270), 256);    // 256.5: half to even
  EXPECT_EQ(FtpFromTestAverage(290), 276);    // 275.5: half to even
}

TEST(IsFtpTestTitle, MatchesAnyCase) {
  EXPECT_TRUE(IsFtpTestTitle("20 min FTP Test Ride"));
  EXPECT_TRUE(IsFtpTestTitle("ftp test"));
  EXPECT_FALSE(IsFtpTestTitle("30 min Power Zone Ride"));
}

TEST(Eftp42, Tv18RideA) {
  auto e = Eftp42({{0, 280.2083}}, 0);
  ASSERT_TRUE(e);
  EXPECT_NEAR(e->watts, 266.1979, 1e-4);
}

TEST(Eftp42, Tv18bRollingWindow) {
  const std::vector<DatedMmp20> rides = {{0, 240}, {10, 250}, {30, 245}, {50, 238}, {60, 255}};
  EXPECT_NEAR(Eftp42(rides, 50)->watts, 237.50, 1e-9);
  EXPECT_NEAR(Eftp42(rides, 55)->watts, 232.75, 1e-9);  // the day-10 ride has expired
  EXPECT_NEAR(Eftp42(rides, 60)->watts, 242.25, 1e-9);
  EXPECT_NEAR(Eftp42(rides, 100)->watts, 242.25, 1e-9);
  EXPECT_EQ(Eftp42(rides, 50)->source_day, 10);
  EXPECT_EQ(Eftp42(rides, 50)->age_days, 40);
  EXPECT_TRUE(Eftp42(rides, 50)->stale);
  EXPECT_FALSE(Eftp42(rides, 60)->stale);
  EXPECT_EQ(Eftp42(rides, 102), std::nullopt);
  EXPECT_EQ(Eftp42(rides, -1), std::nullopt);
}

TEST(FtpAtRideDate, FollowsTheResolutionOrder) {
  const std::vector<FtpTestResult> tests = {{10, 200}, {40, 210}};
  const std::vector<DatedMmp20> mmp20 = {{5, 260}};
  const auto user = UserWith("ftp_workout_source", 1, 190, 3);
  auto r = FtpAtRideDate(50, Info(100, "ftp_manual_source"), tests, user, mmp20);
  EXPECT_EQ(r->ftp, 95);
  EXPECT_EQ(r->source, FtpSourceUsed::kWorkoutFtpInfo);
  r = FtpAtRideDate(50, std::nullopt, tests, user, mmp20);
  EXPECT_EQ(r->ftp, 210);
  EXPECT_EQ(r->source, FtpSourceUsed::kFtpTest);
  r = FtpAtRideDate(20, std::nullopt, tests, user, mmp20);
  EXPECT_EQ(r->ftp, 200);
  r = FtpAtRideDate(9, std::nullopt, tests, user, mmp20);
  EXPECT_EQ(r->ftp, 190);
  EXPECT_EQ(r->source, FtpSourceUsed::kUserProfile);
  r = FtpAtRideDate(9, std::nullopt, tests, std::nullopt, mmp20);
  EXPECT_EQ(r->ftp, 247);
  EXPECT_EQ(r->source, FtpSourceUsed::kEftp42);
  EXPECT_EQ(FtpAtRideDate(4, std::nullopt, tests, std::nullopt, mmp20), std::nullopt);
}

FtpRideRecord Ride(DayNumber day, std::string id, std::optional<model::FtpInfo> info,
                   std::optional<double> mmp20 = std::nullopt) {
  FtpRideRecord r;
  r.day = day;
  r.workout_id = std::move(id);
  r.ftp_info = std::move(info);
  r.mmp20_watts = mmp20;
  return r;
}

TEST(BuildFtpHistory, ListsManualTestedAndEstimatedChanges) {
  std::vector<FtpRideRecord> rides;
  rides.push_back(Ride(0, "a", Info(200, "ftp_manual_source"), 240));  // manual 190, est 228
  rides.push_back(Ride(3, "b", Info(200, "ftp_manual_source"), 230));  // nothing new
  auto test = Ride(10, "t", Info(200, "ftp_manual_source"), 250);
  test.is_ftp_test = true;
  test.test_average_watts = 252;  // tested 239; est 237.5
  rides.push_back(test);
  rides.push_back(Ride(12, "c", Info(239, "ftp_workout_source", "t")));  // same as the test
  rides.push_back(Ride(20, "d", Info(245, "ftp_workout_source", "x")));  // a test not listed
  rides.push_back(Ride(25, "e", Info(220, "ftp_manual_source")));        // manual 209
  rides.push_back(Ride(60, "f", Info(220, "ftp_manual_source"), 255));   // est 242.25
  std::swap(rides[0], rides[6]);                                         // any order
  const auto h = BuildFtpHistory(rides);
  ASSERT_EQ(h.size(), 7u);
  EXPECT_EQ(h[0].kind, FtpChangeKind::kSetManually);
  EXPECT_EQ(h[0].ftp, 190);
  EXPECT_EQ(h[1].kind, FtpChangeKind::kEstimated);
  EXPECT_NEAR(h[1].ftp, 228, 1e-9);
  EXPECT_EQ(h[2].kind, FtpChangeKind::kTested);
  EXPECT_EQ(h[2].ftp, 239);
  EXPECT_EQ(h[2].workout_id, "t");
  EXPECT_EQ(h[3].kind, FtpChangeKind::kEstimated);
  EXPECT_NEAR(h[3].ftp, 237.5, 1e-9);
  EXPECT_EQ(h[3].previous, 228);
  EXPECT_EQ(h[4].kind, FtpChangeKind::kTested);
  EXPECT_EQ(h[4].ftp, 245);
  EXPECT_EQ(h[4].workout_id, "x");
  EXPECT_EQ(h[4].previous, 239);
  EXPECT_EQ(h[5].kind, FtpChangeKind::kSetManually);
  EXPECT_EQ(h[5].ftp, 209);
  EXPECT_EQ(h[5].previous, 190);
  EXPECT_EQ(h[6].kind, FtpChangeKind::kEstimated);
  EXPECT_NEAR(h[6].ftp, 242.25, 1e-9);
  EXPECT_EQ(FtpChangeKindName(h[6].kind), "estimated");
}

}  // namespace
}  // namespace pelo::analytics
