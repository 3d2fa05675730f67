// The Debian packages CPack makes of this build (docs/adr/0027), looked at as Debian would and
// unpacked with dpkg-deb -x (never installed into this machine's system): their names, what
// each carries, their Depends, lintian's verdict, and the unpacked pelo at work.
#include <gtest/gtest.h>

#include <cctype>
#include <memory>
#include <sstream>

#include "install/install_env.h"

namespace pelo::testing {
namespace {

std::string Trimmed(std::string text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  return text;
}

// One cpack run, both packages unpacked, and this build installed whole for comparison.
class PackageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    const std::string arch = Trimmed(Step({DPKG, "--print-architecture"}).out);
    runtime_deb_ = *dir_ / ("out/pelo_" PELO_VERSION "_" + arch + ".deb");
    dev_deb_ = *dir_ / ("out/libpelo-dev_" PELO_VERSION "_" + arch + ".deb");
    packed_ = Step({CPACK_COMMAND, "-G", "DEB", "--config", PELO_BINARY_DIR "/CPackConfig.cmake",
                    "-B", *dir_ / "out"});
    Step({DPKG_DEB, "-x", runtime_deb_, *dir_ / "runtime"});
    Step({DPKG_DEB, "-x", dev_deb_, *dir_ / "dev"});
    Step({CMAKE_COMMAND, "--install", PELO_BINARY_DIR, "--prefix", *dir_ / "all"});
  }
  static void TearDownTestSuite() { dir_.reset(); }

  static std::string Field(const std::string& deb, const std::string& field) {
    return Trimmed(Step({DPKG_DEB, "-f", deb, field}).out);
  }

  static std::unique_ptr<TempDir> dir_;
  static std::string runtime_deb_;
  static std::string dev_deb_;
  static ProcessResult packed_;
};
std::unique_ptr<TempDir> PackageTest::dir_;
std::string PackageTest::runtime_deb_;
std::string PackageTest::dev_deb_;
ProcessResult PackageTest::packed_;

// pelo_<version>_<arch>.deb and libpelo-dev_<version>_<arch>.deb, nothing else.
TEST_F(PackageTest, NamesArePackageVersionArchitecture) {
  ASSERT_EQ(packed_.exit_code, 0);
  std::set<std::string> debs;
  for (const std::string& file : FilesUnder(*dir_ / "out")) {
    if (file.find('/') == std::string::npos) debs.insert(*dir_ / ("out/" + file));
  }
  EXPECT_EQ(debs, (std::set<std::string>{runtime_deb_, dev_deb_}));
}

// Between them the packages carry every file `cmake --install` installs, under /usr: the
// programs and whatever else the runtime component installs in pelo, the development component
// in libpelo-dev.
TEST_F(PackageTest, CarryEveryInstalledFileUnderUsr) {
  ASSERT_EQ(packed_.exit_code, 0);
  const std::set<std::string> runtime = FilesUnder(*dir_ / "runtime/usr");
  const std::set<std::string> dev = FilesUnder(*dir_ / "dev/usr");
  std::set<std::string> both = runtime;
  both.insert(dev.begin(), dev.end());
  EXPECT_EQ(both, FilesUnder(*dir_ / "all"));
  EXPECT_EQ(FilesUnder(*dir_ / "runtime").size(), runtime.size()) << "outside /usr";
  EXPECT_EQ(FilesUnder(*dir_ / "dev").size(), dev.size()) << "outside /usr";
  EXPECT_TRUE(runtime.contains("bin/pelo"));
  EXPECT_TRUE(runtime.contains("share/doc/pelo/copyright"));
  EXPECT_TRUE(runtime.contains("share/doc/pelo/changelog.gz"));
  // The systemd user units are the one runtime file under lib/, where systemd looks (ADR 0028).
  EXPECT_TRUE(runtime.contains("lib/systemd/user/pelo-sync.service"));
  EXPECT_TRUE(runtime.contains("lib/systemd/user/pelo-sync.timer"));
  for (const std::string& file : runtime) {
    EXPECT_FALSE(file.starts_with("include/") ||
                 (file.starts_with("lib/") && !file.starts_with("lib/systemd/user/")))
        << file;
  }
  EXPECT_TRUE(dev.contains(kLibDir + "/cmake/pelo/pelo-config.cmake"));
  EXPECT_TRUE(dev.contains("include/pelo/app/history.h"));
  EXPECT_TRUE(dev.contains("share/doc/libpelo-dev/copyright"));
  for (const std::string& file : dev) EXPECT_FALSE(file.starts_with("bin/")) << file;
}

// The unpacked programs are stripped, say which commit they are, and `pelo demo` works.
TEST_F(PackageTest, UnpackedPeloRunsTheDemo) {
  ASSERT_EQ(packed_.exit_code, 0);
  const std::string bin = *dir_ / "runtime/usr/bin/";
  ExpectVersionNamesTheCommit(bin + "pelo", "pelo");
  ExpectVersionNamesTheCommit(bin + "pelo-sim", "pelo-sim");
  for (const char* program : {"pelo", "pelo-sim"}) {
    const std::string sections = Step({READELF, "-S", "-W", bin + program}).out;
    EXPECT_EQ(sections.find(".symtab"), std::string::npos) << program << " is not stripped";
    EXPECT_EQ(sections.find(".debug_"), std::string::npos) << program << " has debug sections";
  }
  const std::string demo = *dir_ / "demo";
  std::filesystem::create_directories(demo);
  const ProcessResult r =
      Step({"/bin/sh", "-c", "cd '" + demo + "' && exec '" + bin + "pelo' demo --workouts 12"});
  EXPECT_NE(r.out.find("Synced 12 new workouts"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::is_regular_file(demo + "/pelo-demo.db"));
  EXPECT_TRUE(std::filesystem::is_regular_file(demo + "/pelo-demo-report.html"));
}

// dpkg-shlibdeps computed the runtime package's Depends from its binaries (versioned shared
// library packages); libpelo-dev depends on the -dev packages pelo-config.cmake and pelo.pc need.
TEST_F(PackageTest, DependsNameWhatTheFilesNeed) {
  ASSERT_EQ(packed_.exit_code, 0);
  const std::string runtime = Field(runtime_deb_, "Depends");
  for (const char* library : {"libc6 (>= ", "libstdc++6 (>= ", "libcurl4 (>= ", "libsqlite3-0 (>= ",
                              "libssl3 (>= ", "libzstd1 (>= ", "libcpp-httplib"}) {
    EXPECT_NE(runtime.find(library), std::string::npos) << library << " not in " << runtime;
  }
  const std::string dev = Field(dev_deb_, "Depends");
  for (const char* package :
       {"libcurl4-openssl-dev", "libsimdjson-dev", "nlohmann-json3-dev", "libspdlog-dev",
        "libsqlite3-dev", "libssl-dev", "libhowardhinnant-date-dev", "libeigen3-dev",
        "libcpp-httplib-dev", "libzstd-dev", "pkg-config"}) {
    EXPECT_NE(dev.find(package), std::string::npos) << package << " not in " << dev;
  }
  EXPECT_EQ(Field(runtime_deb_, "Section"), "utils");
  EXPECT_EQ(Field(dev_deb_, "Section"), "libdevel");
  EXPECT_NE(Field(runtime_deb_, "Maintainer").find('@'), std::string::npos);
}

// lintian, Debian's package checker, finds no error in either package (the warnings left are
// listed in docs/adr/0027). libpelo-dev only where each library is one object file (the unity
// builds of the CI presets): lintian takes minutes over the dev preset's object per source.
TEST_F(PackageTest, LintianFindsNoError) {
  ASSERT_EQ(packed_.exit_code, 0);
  ASSERT_TRUE(std::filesystem::exists(LINTIAN))
      << "no lintian: bash scripts/install-deps.sh --tests";
  std::vector<std::string> argv = {LINTIAN, runtime_deb_};
  if (PELO_UNITY_BUILD) argv.push_back(dev_deb_);
  const ProcessResult r = RunProcess(argv);
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_FALSE(line.starts_with("E: ")) << line;
  }
  EXPECT_EQ(r.exit_code, 0) << Describe(argv, r);
}

}  // namespace
}  // namespace pelo::testing
