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

}  // namespace
}  // namespace pelo
