// The TZif reader and POSIX TZ rules: real tzdata files, and files written here for the cases
// tzdata does not ship (footer only, version 1, a rule the reader does not understand).
#include "common/tzif.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/posix_tz.h"
#include "pelo/common/time_zone.h"

namespace pelo::tz {
namespace {

constexpr int32_t kHour = 3600;

int64_t Utc(int y, unsigned m, unsigned d, int h = 0) {
  const std::chrono::sys_days day{std::chrono::year_month_day{
      std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}};
  return day.time_since_epoch().count() * 86400 + h * 3600;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void PutBigEndian(std::string& out, uint64_t v, int size) {
  for (int i = size - 1; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// A TZif file: `version` '\0' (1) or '2', one data block per version, then `footer`.
std::string Tzif(char version, const std::vector<int64_t>& transitions,
                 const std::vector<uint8_t>& types, const std::vector<int32_t>& offsets,
                 const std::string& footer) {
  auto block = [&](int time_size) {
    std::string out = "TZif";
    out.push_back(version);
    out.append(15, '\0');
    for (uint64_t count : {uint64_t{0}, uint64_t{0}, uint64_t{0}, uint64_t{transitions.size()},
                           uint64_t{offsets.size()}, uint64_t{4}}) {
      PutBigEndian(out, count, 4);
    }
    for (int64_t t : transitions) PutBigEndian(out, static_cast<uint64_t>(t), time_size);
    for (uint8_t type : types) out.push_back(static_cast<char>(type));
    for (int32_t offset : offsets) {
      PutBigEndian(out, static_cast<uint32_t>(offset), 4);
      out.append("\0\0", 2);
    }
    out.append("ABC\0", 4);
    return out;
  };
  std::string file = block(4);
  if (version != '\0') file += block(8) + "\n" + footer + "\n";
  return file;
}

TEST(PosixTz, ParsesTheFormsTzdataUses) {
  auto ny = ParsePosixTz("EST5EDT,M3.2.0,M11.1.0");
  ASSERT_TRUE(ny && ny->dst);
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

// The footer must reproduce the transition table wherever both exist (tzdata's files are
// "fat": transitions up to 2037), hour by hour, for northern, southern and odd rule times.
TEST(Tzif, FooterAgreesWithTheTransitionTable) {
  for (const char* name : {"America/New_York", "Europe/London", "Australia/Sydney",
                           "Asia/Jerusalem", "America/Santiago", "America/Nuuk", "Pacific/Auckland",
                           "Australia/Lord_Howe", "America/Havana"}) {
    auto zone = ParseTzif(ReadBytes(std::string("/usr/share/zoneinfo/") + name));
    ASSERT_TRUE(zone) << name;
    ASSERT_TRUE(zone->footer) << name;
    ASSERT_GT(zone->transitions.back(), Utc(2030, 1, 1)) << name << ": Debian ships fat TZif files";
    int mismatches = 0;
    for (int64_t t = Utc(2026, 1, 1); t < zone->transitions.back(); t += 1800) {
      const auto after = std::upper_bound(zone->transitions.begin(), zone->transitions.end(), t);
      const int32_t table =
          zone->type_offsets
              [zone->transition_types[static_cast<size_t>(after - zone->transitions.begin()) - 1]];
      if (PosixTzOffset(*zone->footer, t) != table && ++mismatches < 3) {
        ADD_FAILURE() << name << " at " << t;
      }
    }
    EXPECT_EQ(mismatches, 0) << name;
  }
}

TEST(Tzif, RejectsMalformedFiles) {
  EXPECT_FALSE(ParseTzif(""));
  EXPECT_FALSE(ParseTzif("TZif2 not really"));
  std::string good = Tzif('2', {0}, {0}, {3600}, "CET-1");
  ASSERT_TRUE(ParseTzif(good));
  EXPECT_FALSE(ParseTzif(good.substr(0, good.size() / 2 + 10)));
  EXPECT_FALSE(ParseTzif(Tzif('2', {0}, {1}, {3600}, "")));      // type index out of range
  EXPECT_FALSE(ParseTzif(Tzif('2', {10, 5}, {0, 0}, {0}, "")));  // not ascending
  EXPECT_FALSE(ParseTzif(Tzif('2', {}, {}, {30 * kHour}, "")));  // offset beyond a day
}

// Zone files written to a temporary $TZDIR, read through the public functions.
class TzdirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("pelo_tzdir_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_ / "Test");
    ::setenv("TZDIR", dir_.c_str(), 1);
  }
  void TearDown() override {
    ::unsetenv("TZDIR");
    std::filesystem::remove_all(dir_);
  }
  void Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  std::filesystem::path dir_;
};

TEST_F(TzdirTest, AFooterOnlyFileFollowsItsRule) {
  Write("Test/Slim", Tzif('2', {}, {}, {-5 * kHour}, "EST5EDT,M3.2.0,M11.1.0"));
  EXPECT_EQ(UtcOffsetSeconds("Test/Slim", Utc(2024, 3, 10, 6)), -5 * kHour);
  EXPECT_EQ(UtcOffsetSeconds("Test/Slim", Utc(2024, 3, 10, 7)), -4 * kHour);
  EXPECT_EQ(UtcOffsetSeconds("Test/Slim", Utc(2024, 11, 3, 5)), -4 * kHour);
  EXPECT_EQ(UtcOffsetSeconds("Test/Slim", Utc(2024, 11, 3, 6)), -5 * kHour);
}

TEST_F(TzdirTest, AnUnparsedRuleLeavesTheLastTransitionsOffset) {
  // Julian-day rules are not parsed: the last transition's offset holds.
  Write("Test/Julian", Tzif('2', {Utc(2000, 1, 1)}, {1}, {0, 7 * kHour}, "XXX-7YYY,J60,J300"));
  EXPECT_EQ(UtcOffsetSeconds("Test/Julian", Utc(1999, 1, 1)), 0);
  EXPECT_EQ(UtcOffsetSeconds("Test/Julian", Utc(2040, 7, 1)), 7 * kHour);
}

TEST_F(TzdirTest, VersionOneFilesUseTheir32BitData) {
  Write("Test/V1",
        Tzif('\0', {Utc(2000, 1, 1), Utc(2010, 1, 1)}, {1, 0}, {3 * kHour, 4 * kHour}, ""));
  EXPECT_EQ(UtcOffsetSeconds("Test/V1", Utc(1990, 1, 1)), 3 * kHour);
  EXPECT_EQ(UtcOffsetSeconds("Test/V1", Utc(2005, 1, 1)), 4 * kHour);
  EXPECT_EQ(UtcOffsetSeconds("Test/V1", Utc(2020, 1, 1)), 3 * kHour);
}

TEST_F(TzdirTest, NotAZoneFileIsUnknown) {
  Write("Test/Text", "this is not a zone file\n");
  EXPECT_EQ(UtcOffsetSeconds("Test/Text", 0), std::nullopt);
  EXPECT_EQ(UtcOffsetSeconds("Test", 0), std::nullopt);  // a directory
  EXPECT_EQ(FormatLocalDate(Utc(2024, 3, 10, 4), "Test/Text"), "2024-03-10");
}

}  // namespace
}  // namespace pelo::tz
