// `cmake --install` of this build into a temporary prefix, then the installed tree used as its
// users would (docs/adr/0027): the GNU layout, the installed programs, the examples built
// against the CMake package from a separate build directory and against pelo.pc, and the public
// headers compiled with nothing but the installed include directory.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "install/install_env.h"

namespace pelo::testing {
namespace {

// Every file `cmake --install` puts under the prefix besides the headers (include/pelo/**.h,
// checked against the source tree) and CMake's per-configuration pelo-targets-*.cmake.
// THE LIST TO EXTEND when an install rule is added: e.g. the systemd user units of the runtime
// component. A file installed but not listed fails the test as much as one missing.
std::set<std::string> ExpectedFiles() {
  std::set<std::string> files = {
      "bin/pelo",
      "bin/pelo-sim",
      "share/bash-completion/completions/pelo",
      "share/zsh/vendor-completions/_pelo",
      "share/fish/vendor_completions.d/pelo.fish",
      "lib/systemd/user/pelo-sync.service",
      "lib/systemd/user/pelo-sync.timer",
      kLibDir + "/cmake/pelo/pelo-config.cmake",
      kLibDir + "/cmake/pelo/pelo-config-version.cmake",
      kLibDir + "/cmake/pelo/pelo-targets.cmake",
      kLibDir + "/pkgconfig/pelo.pc",
      "share/doc/pelo/copyright",
      "share/doc/pelo/changelog.gz",
      "share/doc/libpelo-dev/copyright",
      "share/doc/libpelo-dev/changelog.gz",
  };
  for (const char* layer :
       {"common", "http", "oauth2", "model", "auth", "api", "store", "analytics", "insights",
        "export", "config", "sync", "sim", "app", "report", "dashboard"}) {
    files.insert(kLibDir + "/libpelo_" + layer + ".a");
  }
  // The manual pages: pelo(1), pelo-sim(1) and one per top-level command, as the build wrote and
  // gzipped them (ADR 0026; pelo_cli_docs_test checks that each command has one).
  const std::set<std::string> pages = FilesUnder(PELO_BINARY_DIR "/docs/man-gz/man1");
  EXPECT_TRUE(pages.contains("pelo.1.gz") && pages.contains("pelo-sim.1.gz") &&
              pages.contains("pelo-sync.1.gz"))
      << ::testing::PrintToString(pages);
  for (const std::string& page : pages) files.insert("share/man/man1/" + page);
  return files;
}

// A history the installed `pelo demo` makes, and a pelo-sim that serves the same athlete.
constexpr const char* kWorkouts = "24";
constexpr const char* kEndDate = "2026-06-30";

// One install, demo database and build of the examples for all the tests of the suite.
class InstallTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    installed_ = Step({CMAKE_COMMAND, "--install", PELO_BINARY_DIR, "--prefix", Prefix()});
    std::filesystem::create_directories(*dir_ / "demo");
    demo_ = Step({"/bin/sh", "-c",
                  "cd '" + (*dir_ / "demo") + "' && exec '" + Bin("pelo") + "' demo --workouts " +
                      kWorkouts + " --end-date " + kEndDate});
    examples_ =
        Step({CMAKE_COMMAND, "-S", PELO_SOURCE_DIR "/examples", "-B", *dir_ / "examples", "-G",
              CMAKE_GENERATOR, "-DCMAKE_MAKE_PROGRAM=" CMAKE_MAKE_PROGRAM,
              "-DCMAKE_CXX_COMPILER=" CMAKE_CXX_COMPILER, "-DCMAKE_PREFIX_PATH=" + Prefix()});
    if (examples_.exit_code == 0) examples_ = Step({CMAKE_COMMAND, "--build", *dir_ / "examples"});
  }
  static void TearDownTestSuite() { dir_.reset(); }

  static std::string Prefix() { return *dir_ / "prefix"; }
  static std::string Bin(const std::string& name) { return Prefix() + "/bin/" + name; }
  static std::string Db() { return *dir_ / "demo/pelo-demo.db"; }
  static std::string Example(const std::string& name) {
    return *dir_ / ("examples/" + name + "/" + name);
  }

  static std::unique_ptr<TempDir> dir_;
  static ProcessResult installed_;
  static ProcessResult demo_;
  static ProcessResult examples_;
};
std::unique_ptr<TempDir> InstallTest::dir_;
ProcessResult InstallTest::installed_;
ProcessResult InstallTest::demo_;
ProcessResult InstallTest::examples_;

TEST_F(InstallTest, PutsEachFileInItsGnuDirectory) {
  ASSERT_EQ(installed_.exit_code, 0);
  std::set<std::string> expected = ExpectedFiles();
  const std::string include = PELO_SOURCE_DIR "/include";
  std::set<std::string> headers = FilesUnder(include);
  ASSERT_GT(headers.size(), 50u);
  for (const std::string& header : headers) expected.insert("include/" + header);

  std::set<std::string> installed = FilesUnder(Prefix());
  std::erase_if(installed, [](const std::string& f) {
    return std::regex_match(f, std::regex(".*/cmake/pelo/pelo-targets-[a-z]+\\.cmake"));
  });
  std::vector<std::string> missing;
  std::vector<std::string> unexpected;
  std::ranges::set_difference(expected, installed, std::back_inserter(missing));
  std::ranges::set_difference(installed, expected, std::back_inserter(unexpected));
  EXPECT_TRUE(missing.empty()) << "not installed: " << ::testing::PrintToString(missing);
  EXPECT_TRUE(unexpected.empty()) << "installed, but not in ExpectedFiles(): "
                                  << ::testing::PrintToString(unexpected);
  ExpectVersionNamesTheCommit(Bin("pelo"), "pelo");
  ExpectVersionNamesTheCommit(Bin("pelo-sim"), "pelo-sim");
}

// The public headers include only each other and the standard library: one source including
// all of them compiles with the installed include directory alone.
TEST_F(InstallTest, HeadersNeedNothingButEachOther) {
  ASSERT_EQ(installed_.exit_code, 0);
  std::ostringstream source;
  for (const std::string& header : FilesUnder(Prefix() + "/include")) {
    source << "#include \"" << header << "\"\n";
  }
  const std::string file = *dir_ / "all_headers.cc";
  std::ofstream(file) << source.str();
  Step({CMAKE_CXX_COMPILER, "-std=c++20", "-fsyntax-only", "-Wall", "-Wextra", "-Werror",
        "-I" + Prefix() + "/include", file});
}

// The example prints what `pelo stats curve` prints at its durations, from the same database.
TEST_F(InstallTest, PowerCurveExampleReadsTheDemoDatabase) {
  ASSERT_EQ(demo_.exit_code, 0);
  ASSERT_EQ(examples_.exit_code, 0);
  const ProcessResult curve = Step({Example("power_curve"), Db()});
  const nlohmann::json want =
      nlohmann::json::parse(Step({Bin("pelo"), "stats", "curve", "--json", "--db", Db()}).out);
  std::istringstream lines(curve.out);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "seconds\twatts\tdate\tworkout");
  int rows = 0;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    int seconds = 0;
    double watts = 0;
    std::string date;
    std::string workout;
    ASSERT_TRUE(fields >> seconds >> watts >> date >> workout) << line;
    const auto point = std::ranges::find_if(
        want, [seconds](const nlohmann::json& p) { return p["duration_s"] == seconds; });
    ASSERT_NE(point, want.end()) << line;
    EXPECT_NEAR(watts, (*point)["watts"].get<double>(), 0.05) << line;
    EXPECT_EQ(workout, (*point)["workout_id"].get<std::string>()) << line;
    EXPECT_EQ(date, (*point)["date"].get<std::string>()) << line;
    ++rows;
  }
  // 1 s to 20 min at least: the demo's history has rides of 20 minutes and more.
  EXPECT_GE(rows, 6) << curve.out;
}

// Signed in to the installed pelo-sim (the password on stdin), the example lists the workouts
// the simulator serves: those `pelo demo` synced from the same athlete, newest first.
TEST_F(InstallTest, ListWorkoutsExampleListsTheSimulatorsWorkouts) {
  ASSERT_EQ(demo_.exit_code, 0);
  ASSERT_EQ(examples_.exit_code, 0);
  SimProcess sim(Bin("pelo-sim"), {"--workouts", kWorkouts, "--end-date", kEndDate});
  const ProcessResult listed = Step({Example("list_workouts"), sim.url(), "demo@example.com"},
                                    {{"PELOTON_PASSWORD", ""}}, "demo\n");
  std::vector<std::string> ids;
  std::istringstream lines(listed.out);
  for (std::string line; std::getline(lines, line);) ids.push_back(line.substr(0, line.find('\t')));
  std::vector<std::string> stored;
  const nlohmann::json workouts =
      nlohmann::json::parse(Step({Bin("pelo"), "workouts", "--json", "--db", Db()}).out);
  for (const nlohmann::json& w : workouts) stored.push_back(w["workout_id"].get<std::string>());
  EXPECT_EQ(ids.size(), 24u);
  EXPECT_EQ(ids, stored);

  const ProcessResult wrong = RunProcess({Example("list_workouts"), sim.url(), "demo@example.com"},
                                         {{"PELOTON_PASSWORD", "not-the-password"}});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_EQ((wrong.out + wrong.err).find("not-the-password"), std::string::npos) << wrong.err;
}

// pkg-config --cflags --libs pelo is all another build system needs: the power curve example
// compiled that way prints what the CMake-built one prints.
TEST_F(InstallTest, PkgConfigBuildsAnExample) {
  ASSERT_EQ(demo_.exit_code, 0);
  ASSERT_EQ(examples_.exit_code, 0);
  const std::map<std::string, std::string> env = {
      {"PKG_CONFIG_PATH", Prefix() + "/" + kLibDir + "/pkgconfig"}};
  const ProcessResult flags = Step({PKG_CONFIG_EXECUTABLE, "--cflags", "--libs", "pelo"}, env);
  const std::string binary = *dir_ / "power_curve_pc";
  std::vector<std::string> argv = {CMAKE_CXX_COMPILER, "-std=c++20", "-o", binary,
                                   PELO_SOURCE_DIR "/examples/power_curve/main.cc"};
  std::istringstream words(flags.out);
  for (std::string word; words >> word;) argv.push_back(word);
  Step(argv);
  EXPECT_EQ(Step({binary, Db()}).out, Step({Example("power_curve"), Db()}).out);
}

}  // namespace
}  // namespace pelo::testing
