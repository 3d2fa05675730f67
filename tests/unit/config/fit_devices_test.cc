// The fit_device settings: their values, defaults, and the devices the export takes from them.
#include "pelo/config/fit_devices.h"

#include <gtest/gtest.h>

#include "pelo/config/settings.h"
#include "pelo/export/fit.h"

namespace pelo::config {
namespace {

TEST(FitDeviceSettings, TakeANameOrFitNumbers) {
  EXPECT_EQ(*ParseFitDevice("forerunner-945"), *exporter::FitDevicePreset("forerunner-945"));
  const auto numbers = ParseFitDevice("1:3113:19.2");
  ASSERT_TRUE(numbers.ok()) << numbers.status().message();
  EXPECT_EQ(numbers->manufacturer, 1);
  EXPECT_EQ(numbers->product, 3113);
  EXPECT_EQ(numbers->software_version, 1920);
  EXPECT_EQ(ParseFitDevice("89:20533")->software_version, 0);
  for (const char* bad : {"", "garmin", "1", "1:", ":3113", "1:x", "70000:1", "1:3113:abc",
                          "1:3113:-1", "1:3113:19.2:4", "65535:1", "Forerunner-945"}) {
    const auto parsed = ParseFitDevice(bad);
    EXPECT_FALSE(parsed.ok()) << bad;
    EXPECT_NE(parsed.status().message().find("forerunner-945"), std::string::npos) << bad;
  }
}

TEST(FitDeviceSettings, AreKeysOfTheSettingsFile) {
  Settings s;
  ASSERT_TRUE(SetSetting(s, "fit_device.cycling", "forerunner-945").ok());
  ASSERT_TRUE(SetSetting(s, "fit_device.rowing", "1:3113:19.2").ok());
  ASSERT_TRUE(SetSetting(s, "fit_device.other", "epix-gen2").ok());
  EXPECT_EQ(GetSetting(s, "fit_device.cycling")->value_or(""), "forerunner-945");
  const Status bad = SetSetting(s, "fit_device.running", "my watch");
  EXPECT_EQ(bad.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.message().find("fit_device.running"), std::string::npos) << bad.message();
  EXPECT_FALSE(GetSetting(s, "fit_device.running")->has_value());
  EXPECT_FALSE(SetSetting(s, "fit_device.swimming", "epix-gen2").ok());

  const auto parsed = ParseSettings(FormatSettings(s), "text");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(*parsed, s);
  const auto broken = ParseSettings("fit_device.cycling = garmin\n", "config");
  EXPECT_EQ(broken.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(broken.status().message().find("config:1:"), std::string::npos);

  const auto devices = FitDevicesByDiscipline(s.fit_devices);
  EXPECT_EQ(devices.at("cycling"), *exporter::FitDevicePreset("forerunner-945"));
  EXPECT_EQ(devices.at("caesar").product, 3113);  // rowing is Peloton's "caesar"
  EXPECT_EQ(devices.at("yoga"), *exporter::FitDevicePreset("epix-gen2"));
  EXPECT_FALSE(devices.contains("running"));
  ASSERT_TRUE(UnsetSetting(s, "fit_device.cycling").ok());
  EXPECT_FALSE(FitDevicesByDiscipline(s.fit_devices).contains("cycling"));
}

TEST(FitDeviceSettings, DefaultsAreTheDevicesKnownToGetTrainingEffect) {
  EXPECT_EQ(DefaultFitDeviceName("fit_device.cycling"), "tacx-training-app");
  EXPECT_EQ(DefaultFitDeviceName("fit_device.rowing"), "epix-gen2");
  EXPECT_EQ(DefaultFitDeviceName("fit_device.running"), "forerunner-945");
  EXPECT_EQ(DefaultFitDeviceName("fit_device.other"), "forerunner-945");
}

}  // namespace
}  // namespace pelo::config
