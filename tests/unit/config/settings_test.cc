// The settings' values: what each key accepts, and the checks across keys.
#include "pelo/config/settings.h"

#include <gtest/gtest.h>

namespace pelo::config {
namespace {

using analytics::Sex;

bool Mentions(const Status& status, const std::string& text) {
  return status.message().find(text) != std::string::npos;
}

TEST(Settings, SetsAndGetsEveryKey) {
  Settings s;
  ASSERT_TRUE(SetSetting(s, "max_hr", "185").ok());
  ASSERT_TRUE(SetSetting(s, "resting_hr", "48").ok());
  ASSERT_TRUE(SetSetting(s, "lthr", "168").ok());
  ASSERT_TRUE(SetSetting(s, "sex", "Female").ok());
  EXPECT_EQ(s.athlete.max_hr_bpm, 185);
  EXPECT_EQ(s.athlete.resting_hr_bpm, 48);
  EXPECT_EQ(s.athlete.lthr_bpm, 168);
  EXPECT_EQ(s.athlete.sex, Sex::kFemale);
  EXPECT_EQ(*GetSetting(s, "max_hr"), "185");
  EXPECT_EQ(*GetSetting(s, "sex"), "female");
  ASSERT_TRUE(UnsetSetting(s, "lthr").ok());
  EXPECT_EQ(*GetSetting(s, "lthr"), std::nullopt);
  ASSERT_TRUE(UnsetSetting(s, "lthr").ok());  // unsetting twice is fine
  EXPECT_EQ(SettingKeys(), (std::vector<std::string>{"max_hr", "resting_hr", "lthr", "sex",
                                                     "fit_device.cycling", "fit_device.running",
                                                     "fit_device.walking", "fit_device.rowing",
                                                     "fit_device.strength", "fit_device.other"}));
}

TEST(Settings, BpmIsAWholeNumberFrom30To250) {
  Settings s;
  EXPECT_TRUE(SetSetting(s, "max_hr", "30").ok());
  EXPECT_TRUE(SetSetting(s, "max_hr", "250").ok());
  for (const char* bad : {"29", "251", "0", "-5", "180.5", "", "abc", "1e2", "0185", " 180"}) {
    Status status = SetSetting(s, "max_hr", bad);
    EXPECT_EQ(status.code(), ErrorCode::kInvalidArgument) << bad;
    EXPECT_TRUE(Mentions(status, "max_hr must be a whole number of bpm from 30 to 250"))
        << status.message();
    EXPECT_EQ(s.athlete.max_hr_bpm, 250) << "unchanged after " << bad;
  }
  Status sex = SetSetting(s, "sex", "other");
  EXPECT_EQ(sex.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(Mentions(sex, "sex must be male or female, got \"other\"")) << sex.message();
}

TEST(Settings, UnknownKeysAreNamed) {
  Settings s;
  for (Status status :
       {SetSetting(s, "ftp", "250"), UnsetSetting(s, "ftp"), GetSetting(s, "ftp").status()}) {
    EXPECT_EQ(status.code(), ErrorCode::kInvalidArgument);
    EXPECT_TRUE(Mentions(status, "unknown setting \"ftp\"")) << status.message();
    EXPECT_TRUE(Mentions(status, "max_hr, resting_hr, lthr, sex")) << status.message();
  }
}

TEST(Settings, RestingBelowLthrBelowMax) {
  Settings s;
  ASSERT_TRUE(SetSetting(s, "lthr", "170").ok());
  Status max = SetSetting(s, "max_hr", "160");
  EXPECT_EQ(max.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(max.message(), "cannot set max_hr to \"160\": lthr (170) must be below max_hr (160)");
  EXPECT_FALSE(s.athlete.max_hr_bpm);
  EXPECT_FALSE(SetSetting(s, "resting_hr", "170").ok());
  ASSERT_TRUE(SetSetting(s, "resting_hr", "169").ok());
  ASSERT_TRUE(UnsetSetting(s, "lthr").ok());
  EXPECT_FALSE(SetSetting(s, "max_hr", "169").ok());  // resting 169 < max
  EXPECT_TRUE(SetSetting(s, "max_hr", "170").ok());
}

TEST(Settings, ValidateChecksValuesSetInCode) {
  Settings s;
  EXPECT_TRUE(ValidateSettings(s.athlete).ok());
  s.athlete.max_hr_bpm = 300;
  EXPECT_TRUE(Mentions(ValidateSettings(s.athlete), "max_hr must be a whole number"));
  s.athlete.max_hr_bpm = 180;
  s.athlete.resting_hr_bpm = 180;
  EXPECT_EQ(ValidateSettings(s.athlete).message(), "resting_hr (180) must be below max_hr (180)");
}

TEST(Settings, MessagesStayOnOneLine) {
  Settings s;
  Status status = SetSetting(s, "max\nhr", "1\r\n2");
  EXPECT_EQ(status.message().find('\n'), std::string::npos) << status.message();
  Status value = SetSetting(s, "lthr", std::string(100, 'x') + "\n");
  EXPECT_EQ(value.message().find('\n'), std::string::npos);
  EXPECT_LT(value.message().size(), 120u) << value.message();
}

}  // namespace
}  // namespace pelo::config
