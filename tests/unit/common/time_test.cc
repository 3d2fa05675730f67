#include "pelo/common/time.h"

#include <gtest/gtest.h>

namespace pelo {
namespace {

TEST(Time, FormatsUtc) {
  // 1605668833 is the end_time of the SyncMyWorkout01 fixture.
  EXPECT_EQ(FormatUtcDateTime(1605668833), "2020-11-18 03:07:13");
  EXPECT_EQ(FormatIso8601Utc(1605668833), "2020-11-18T03:07:13Z");
  EXPECT_EQ(FormatUtcDate(0), "1970-01-01");
}

TEST(Time, FormatsDurationsAsPeopleWriteThem) {
  using std::chrono::milliseconds;
  EXPECT_EQ(FormatDuration(milliseconds(0)), "0s");
  EXPECT_EQ(FormatDuration(milliseconds(-5)), "0s");
  EXPECT_EQ(FormatDuration(milliseconds(62)), "62ms");
  EXPECT_EQ(FormatDuration(milliseconds(999)), "999ms");
  EXPECT_EQ(FormatDuration(milliseconds(1499)), "1s");
  EXPECT_EQ(FormatDuration(milliseconds(1500)), "2s");
  EXPECT_EQ(FormatDuration(std::chrono::seconds(90)), "1m30s");
  EXPECT_EQ(FormatDuration(std::chrono::minutes(15)), "15m");
  EXPECT_EQ(FormatDuration(std::chrono::minutes(90)), "1h30m");
  EXPECT_EQ(FormatDuration(std::chrono::hours(26) + std::chrono::seconds(4)), "1d2h4s");
}

}  // namespace
}  // namespace pelo
