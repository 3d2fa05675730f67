// analytics.md §3.1 over stored rides: which rides the chain applies to and what each step
// gives (ChainRideFtps).
#include "sync/ride_ftp_chain.h"

#include <gtest/gtest.h>

namespace pelo::sync {
namespace {

constexpr int64_t kDay = 86400;

// A cycling ride with a metrics row, without ftp_info, on day `day` (noon UTC).
store::RideMetricsState Ride(const std::string& id, int64_t day) {
  store::RideMetricsState s;
  s.workout_id = id;
  s.start_time = day * kDay + kDay / 2;
  s.discipline = "cycling";
  s.metrics_version = 2;
  return s;
}

store::RideMetricsState TestRide(const std::string& id, int64_t day, double ftp) {
  store::RideMetricsState s = Ride(id, day);
  s.is_ftp_test = true;
  s.ftp_test_w = ftp;
  return s;
}

model::User ProfileWithFtp(double ftp) {
  model::User u;
  u.cycling_ftp_source = "ftp_workout_source";
  u.cycling_workout_ftp = ftp;
  return u;
}

std::optional<FtpInEffect> FtpOf(const std::vector<ChainedFtp>& chained, const std::string& id) {
  for (const ChainedFtp& c : chained) {
    if (c.workout_id == id) return c.ftp;
  }
  ADD_FAILURE() << id << " not chained";
  return std::nullopt;
}

TEST(RideFtpChainTest, TheLatestTestOnOrBeforeTheDayWinsOverTheProfile) {
  std::vector<store::RideMetricsState> rides = {TestRide("t1", 10, 200), Ride("a", 12),
                                                TestRide("t2", 20, 210), Ride("b", 20),
                                                Ride("c", 30),           Ride("before", 5)};
  const auto chained = ChainRideFtps(rides, ProfileWithFtp(250));
  ASSERT_EQ(chained.size(), rides.size());  // tests without ftp_info are chained too
  EXPECT_EQ(FtpOf(chained, "a")->watts, 200);
  EXPECT_EQ(FtpOf(chained, "a")->source, "ftp_test");
  EXPECT_EQ(FtpOf(chained, "b")->watts, 210);  // the same day counts
  EXPECT_EQ(FtpOf(chained, "c")->watts, 210);
  EXPECT_EQ(FtpOf(chained, "before")->watts, 250);
  EXPECT_EQ(FtpOf(chained, "before")->source, "user_profile");
  // A test is not its own FTP: it was ridden at the one before.
  EXPECT_EQ(FtpOf(chained, "t2")->watts, 200);
  EXPECT_EQ(FtpOf(chained, "t1")->source, "user_profile");
}

TEST(RideFtpChainTest, WithoutTestOrProfileEftp42FromTheLast42Days) {
  store::RideMetricsState early = Ride("early", 0);
  early.mmp_1200s = 300;  // 50 days before: outside the window
  store::RideMetricsState recent = Ride("recent", 30);
  recent.mmp_1200s = 240;
  store::RideMetricsState walk = Ride("walk", 40);
  walk.discipline = "walking";  // no cycling power: not in the window, not chained
  walk.mmp_1200s = 400;
  std::vector<store::RideMetricsState> rides = {early, recent, walk, Ride("r", 50)};
  const auto chained = ChainRideFtps(rides, std::nullopt);
  ASSERT_EQ(chained.size(), 3u);
  const auto ftp = FtpOf(chained, "r");
  ASSERT_TRUE(ftp.has_value());
  EXPECT_DOUBLE_EQ(ftp->watts, 0.95 * 240);
  EXPECT_EQ(ftp->source, "eftp42");
  EXPECT_DOUBLE_EQ(FtpOf(chained, "early")->watts, 0.95 * 300);  // its own 20 minutes count
}

TEST(RideFtpChainTest, OnlyCyclingRidesWithARowAndNoFtpInfoFtpAreChained) {
  store::RideMetricsState own = Ride("own", 10);
  own.ftp_info = model::FtpInfo{200.0, "ftp_workout_source", ""};
  store::RideMetricsState zero = Ride("zero", 10);
  zero.ftp_info = model::FtpInfo{0.0, "", ""};  // what Peloton sends when it has none
  store::RideMetricsState no_row = Ride("no_row", 10);
  no_row.metrics_version.reset();
  store::RideMetricsState bootcamp = Ride("bootcamp", 10);
  bootcamp.discipline = "bike_bootcamp";
  bootcamp.has_pedaling_metrics = true;
  store::RideMetricsState run = Ride("run", 10);
  run.discipline = "running";
  store::RideMetricsState undated = Ride("undated", 10);
  undated.start_time.reset();
  const auto chained = ChainRideFtps(
      {own, zero, no_row, bootcamp, run, undated, TestRide("t", 1, 190)}, ProfileWithFtp(250));
  std::vector<std::string> ids;
  for (const ChainedFtp& c : chained) ids.push_back(c.workout_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"zero", "bootcamp", "undated", "t"}));
  EXPECT_EQ(FtpOf(chained, "zero")->watts, 190);
  EXPECT_EQ(FtpOf(chained, "undated")->watts, 250);  // no day: only the profile applies
  EXPECT_FALSE(ChainRideFtps({undated}, std::nullopt).front().ftp.has_value());
}

}  // namespace
}  // namespace pelo::sync
