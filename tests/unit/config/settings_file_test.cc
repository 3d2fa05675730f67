// The settings file on disk: parse errors naming file and line, and save/load round trips.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pelo/config/settings.h"

namespace pelo::config {
namespace {

namespace fs = std::filesystem;
using analytics::Sex;

class SettingsFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("pelo_settings_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& text) {
    const std::string path = (dir_ / "config").string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }

  fs::path dir_;
};

TEST_F(SettingsFileTest, MissingFileMeansAllUnset) {
  auto s = LoadSettings((dir_ / "nothing/here/config").string());
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(*s, Settings{});
}

TEST_F(SettingsFileTest, ReadsKeysCommentsAndBlankLines) {
  auto s = LoadSettings(
      Write("# my numbers\r\n\n  max_hr = 186   # lab test, 2024\nsex=male\n\tlthr =171\n"
            "resting_hr = 47"));
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->athlete.max_hr_bpm, 186);
  EXPECT_EQ(s->athlete.lthr_bpm, 171);
  EXPECT_EQ(s->athlete.resting_hr_bpm, 47);
  EXPECT_EQ(s->athlete.sex, Sex::kMale);
}

TEST_F(SettingsFileTest, BadLinesAreNamedByFileAndLine) {
  struct Case {
    const char* text;
    const char* message;  // after "PATH:"
  };
  for (const Case& c : {
           Case{"max_hr = 180\n# ok\nftp = 250\n",
                "3: unknown setting \"ftp\" (the keys are max_hr, resting_hr, lthr, sex, "
                "fit_device.cycling, fit_device.running, fit_device.walking, fit_device.rowing, "
                "fit_device.strength, fit_device.other)"},
           Case{"\nmax_hr 180\n", "2: expected KEY = VALUE, got \"max_hr 180\""},
           Case{"lthr = 300\n",
                "1: lthr must be a whole number of bpm from 30 to 250, got \"300\""},
           Case{"sex = m\n", "1: sex must be male or female, got \"m\""},
           Case{"max_hr = 180\nmax_hr = 181\n", "2: max_hr is set twice (also on line 1)"},
           Case{"max_hr = 150\nlthr = 170\n", " lthr (170) must be below max_hr (150)"},
       }) {
    const std::string path = Write(c.text);
    auto s = LoadSettings(path);
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_EQ(s.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.status().message(), path + ":" + c.message);
  }
}

TEST_F(SettingsFileTest, BinaryGarbageGivesAOneLineError) {
  const std::string path =
      Write(std::string("\x7f"
                        "ELF\x02\x01\n\0\0=\x01\n",
                        12));
  auto s = LoadSettings(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message().find('\n'), std::string::npos) << s.status().message();
  EXPECT_EQ(s.status().message().rfind(path + ":1: ", 0), 0u) << s.status().message();
}

TEST_F(SettingsFileTest, UnreadableOrHugeFilesAreErrors) {
  auto dir = LoadSettings(dir_.string());  // a directory
  EXPECT_EQ(dir.status().code(), ErrorCode::kStorage);
  EXPECT_NE(dir.status().message().find(dir_.string()), std::string::npos);
  auto huge = LoadSettings(Write(std::string(100 * 1024, '#')));
  EXPECT_EQ(huge.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(huge.status().message().find("too large"), std::string::npos);
}

TEST_F(SettingsFileTest, SaveThenLoadRoundTrips) {
  const std::string path = (dir_ / "new/pelo/config").string();
  Settings s;
  s.athlete.max_hr_bpm = 183;
  s.athlete.sex = Sex::kFemale;
  ASSERT_TRUE(SaveSettings(path, s).ok());
  auto loaded = LoadSettings(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(*loaded, s);
  const std::string text = Read(path);
  EXPECT_NE(text.find("\nmax_hr = 183\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nsex = female\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("lthr ="), std::string::npos) << text;
  struct stat st {};
  ASSERT_EQ(::stat((dir_ / "new/pelo").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);

  s.athlete.lthr_bpm = 165;
  s.athlete.max_hr_bpm.reset();
  ASSERT_TRUE(SaveSettings(path, s).ok());
  EXPECT_EQ(*LoadSettings(path), s);
  EXPECT_EQ(*LoadSettings(path), *ParseSettings(FormatSettings(s), "text"));
}

TEST_F(SettingsFileTest, InvalidSettingsAreNotSaved) {
  const std::string path = Write("max_hr = 190\n");
  Settings s;
  s.athlete.max_hr_bpm = 150;
  s.athlete.lthr_bpm = 170;
  Status saved = SaveSettings(path, s);
  EXPECT_EQ(saved.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Read(path), "max_hr = 190\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(SettingsFileTest, SaveReportsWhereItCannotWrite) {
  Write("");
  Status saved = SaveSettings((dir_ / "config/inside-a-file").string(), Settings{});
  EXPECT_EQ(saved.code(), ErrorCode::kStorage);
  EXPECT_NE(saved.message().find("not a directory"), std::string::npos) << saved.message();
}

}  // namespace
}  // namespace pelo::config
