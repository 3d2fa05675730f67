// What the install and package tests share: the build's tools and directories (compile
// definitions from tests/install/CMakeLists.txt), running a tool with its output kept for the
// failure message, and the check of what `--version` says.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "cli/process.h"

namespace pelo::testing {

// The libraries' directory under a prefix: lib/x86_64-linux-gnu on Debian (CMAKE_INSTALL_LIBDIR).
inline const std::string kLibDir = PELO_INSTALL_LIBDIR;

// "cmake ... : exit 1\n<stdout><stderr>", for a failed step's message.
inline std::string Describe(const std::vector<std::string>& argv, const ProcessResult& r) {
  std::string text;
  for (const std::string& arg : argv) text += arg + " ";
  return text + ": exit " + std::to_string(r.exit_code) + "\n" + r.out + r.err;
}

// Runs a step that must succeed; its failure is a test failure naming the command and its output.
inline ProcessResult Step(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env = {},
                          const std::string& input = "") {
  ProcessResult r = RunProcess(argv, env, input);
  EXPECT_EQ(r.exit_code, 0) << Describe(argv, r);
  return r;
}

// Every regular file under `root`, as paths relative to it, sorted.
inline std::set<std::string> FilesUnder(const std::string& root) {
  std::set<std::string> files;
  if (!std::filesystem::is_directory(root)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files.insert(std::filesystem::relative(entry.path(), root).string());
    }
  }
  return files;
}

// What `binary --version` must say: "<program> <version> (commit <c>)", where c is the 12 hex
// digits of the source tree's HEAD (with "-dirty" if its tracked files differed from it at build
// time), the -DPELO_COMMIT= of the configure step, or "unknown" when the sources are no git
// checkout.
inline void ExpectVersionNamesTheCommit(const std::string& binary, const std::string& program) {
  const ProcessResult r = Step({binary, "--version"});
  const std::string override_commit = PELO_COMMIT_OVERRIDE;
  if (!override_commit.empty()) {
    EXPECT_EQ(r.out, program + " " PELO_VERSION " (commit " + override_commit + ")\n");
    return;
  }
  const ProcessResult head =
      RunProcess({GIT_EXECUTABLE, "-C", PELO_SOURCE_DIR, "rev-parse", "HEAD"});
  if (head.exit_code != 0) {
    EXPECT_EQ(r.out, program + " " PELO_VERSION " (commit unknown)\n");
    return;
  }
  std::smatch m;
  ASSERT_TRUE(std::regex_match(
      r.out, m, std::regex(program + " " PELO_VERSION R"( \(commit ([0-9a-f]{12})(-dirty)?\)\n)")))
      << r.out;
  EXPECT_EQ(head.out.substr(0, 12), m[1].str())
      << binary << " was built from another commit than HEAD: rebuild it";
}

}  // namespace pelo::testing
