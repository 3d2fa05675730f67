// The duration flags (--interval, --wait): what people write is read, everything else is a usage
// error naming the flag.
#include "flag_parsing.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace pelo::cli {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr seconds kWeek = hours(24 * 7);

StatusOr<seconds> Interval(const std::string& text) {
  return ParseDurationFlag("--interval", text, seconds(1), kWeek);
}

TEST(DurationFlag, ReadsWhatPeopleWrite) {
  EXPECT_EQ(*Interval("90s"), seconds(90));
  EXPECT_EQ(*Interval("15m"), minutes(15));
  EXPECT_EQ(*Interval("1h"), hours(1));
  EXPECT_EQ(*Interval("1h30m"), minutes(90));
  EXPECT_EQ(*Interval("1d"), hours(24));
  EXPECT_EQ(*Interval("1d2h3m4s"), hours(26) + minutes(3) + seconds(4));
  EXPECT_EQ(*Interval("7d"), kWeek);
  EXPECT_EQ(*ParseDurationFlag("--wait", "0", seconds(0), hours(24)), seconds(0));
  EXPECT_EQ(*ParseDurationFlag("--wait", "0s", seconds(0), hours(24)), seconds(0));
}

TEST(DurationFlag, GarbageNegativesAndLooseFormsAreNotDurations) {
  for (const char* text : {"", "abc", "1", "90", "1x", "h", "1h30", "-1h", "+1h", "1.5h", "1 h",
                           " 1h", "1h ", "1H", "30m1h", "1h1h", "1hm", "1s30m", "0x10s"}) {
    const auto parsed = Interval(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(parsed.status().message(), std::string("--interval: '") + text +
                                             "' is not a duration (such as 90s, 15m, 1h30m or 1d)");
  }
}

TEST(DurationFlag, OutOfRangeNamesTheFlagAndTheLimit) {
  const auto zero = Interval("0");
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.status().message(), "--interval: must be at least 1s, got 0");
  EXPECT_EQ(Interval("0s").status().message(), "--interval: must be at least 1s, got 0s");
  EXPECT_EQ(Interval("8d").status().message(), "--interval: must be at most 7d, got 8d");
  EXPECT_EQ(Interval("169h").status().message(), "--interval: must be at most 7d, got 169h");
  // Absurd numbers are too long, not an overflow into something short.
  for (const char* absurd :
       {"99999999999999999999d", "9223372036854775807s", "106751991167300d", "5000000000h1s"}) {
    EXPECT_EQ(Interval(absurd).status().message(),
              std::string("--interval: must be at most 7d, got ") + absurd);
  }
  EXPECT_EQ(ParseDurationFlag("--wait", "2d", seconds(0), hours(24)).status().message(),
            "--wait: must be at most 1d, got 2d");
}

}  // namespace
}  // namespace pelo::cli
