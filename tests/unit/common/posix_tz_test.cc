// The POSIX TZ rules that end tzdata's zone files (RFC 8536 §3.3): what the parser takes, and
// the offsets a rule gives (the tz database's own tables are checked against them in
// time_zone_test.cc, after 2037).
#include "common/posix_tz.h"

#include <gtest/gtest.h>

#include <chrono>

namespace pelo::tz {
namespace {

constexpr int32_t kHour = 3600;

int64_t Utc(int y, unsigned m, unsigned d, int h = 0) {
  const std::chrono::sys_days day{std::chrono::year_month_day{
      std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}};
  return day.time_since_epoch().count() * 86400 + h * 3600;
}

TEST(PosixTz, ParsesTheFormsTzdataUses) {
  auto ny = ParsePosixTz("EST5EDT,M3.2.0,M11.1.0");
  ASSERT_TRUE(ny && ny->dst);
  EXPECT_EQ(ny->std_name, "EST");
  EXPECT_EQ(ny->dst->name, "EDT");
  EXPECT_EQ(ny->std_offset_s, -5 * kHour);
  EXPECT_EQ(ny->dst->offset_s, -4 * kHour);
  EXPECT_EQ(ny->dst->start.month, 3);
  EXPECT_EQ(ny->dst->start.week, 2);
  EXPECT_EQ(ny->dst->start.time_s, 2 * kHour);

  auto kolkata = ParsePosixTz("IST-5:30");
  ASSERT_TRUE(kolkata);
  EXPECT_EQ(kolkata->std_offset_s, 5 * kHour + 1800);
  EXPECT_FALSE(kolkata->dst);

  auto gmt4 = ParsePosixTz("<-04>4");
  ASSERT_TRUE(gmt4);
  EXPECT_EQ(gmt4->std_name, "-04");
  EXPECT_EQ(gmt4->std_offset_s, -4 * kHour);

  auto nuuk = ParsePosixTz("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
  ASSERT_TRUE(nuuk && nuuk->dst);
  EXPECT_EQ(nuuk->dst->start.time_s, -kHour);

  auto jerusalem = ParsePosixTz("IST-2IDT,M3.4.4/26,M10.5.0");
  ASSERT_TRUE(jerusalem && jerusalem->dst);
  EXPECT_EQ(jerusalem->dst->start.time_s, 26 * kHour);

  auto lord_howe = ParsePosixTz("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
  ASSERT_TRUE(lord_howe && lord_howe->dst);
  EXPECT_EQ(lord_howe->dst->offset_s, 11 * kHour);
}

TEST(PosixTz, RejectsWhatItDoesNotUnderstand) {
  for (const char* spec :
       {"", "EST", "5", "EST5EDT", "EST5EDT,J60,J300", "EST5EDT,60,300", "EST5EDT,M13.1.0,M11.1.0",
        "EST5EDT,M3.6.0,M11.1.0", "EST5EDT,M3.2.7,M11.1.0", "EST5EDT,M3.2.0",
        "EST5EDT,M3.2.0,M11.1.0x", "<EST5", "EST5:60"}) {
    EXPECT_FALSE(ParsePosixTz(spec)) << spec;
  }
}

TEST(PosixTz, RulesGiveTheirOffsets) {
  const auto ny = ParsePosixTz("EST5EDT,M3.2.0,M11.1.0");
  ASSERT_TRUE(ny);
  // 2040: second Sunday of March is the 11th, first Sunday of November the 4th (02:00 local).
  EXPECT_EQ(PosixTzOffset(*ny, Utc(2040, 3, 11, 6) + 3599), -5 * kHour);
  EXPECT_EQ(PosixTzOffset(*ny, Utc(2040, 3, 11, 7)), -4 * kHour);
  EXPECT_TRUE(PosixTzIsDaylight(*ny, Utc(2040, 11, 4, 5)));
  EXPECT_FALSE(PosixTzIsDaylight(*ny, Utc(2040, 11, 4, 6)));
  const auto sydney = ParsePosixTz("AEST-10AEDT,M10.1.0,M4.1.0/3");
  ASSERT_TRUE(sydney);
  EXPECT_EQ(PosixTzOffset(*sydney, Utc(2050, 1, 1)), 11 * kHour);
  EXPECT_EQ(PosixTzOffset(*sydney, Utc(2050, 7, 1)), 10 * kHour);
  const auto kolkata = ParsePosixTz("IST-5:30");
  ASSERT_TRUE(kolkata);
  EXPECT_FALSE(PosixTzIsDaylight(*kolkata, Utc(2050, 7, 1)));
  EXPECT_EQ(PosixTzOffset(*kolkata, Utc(2050, 7, 1)), 5 * kHour + 1800);
}

}  // namespace
}  // namespace pelo::tz
