// What the export tests share: running a checker (Garmin's decoder under node, xmllint) on the
// files they write, as a child process of the test's own thread (these binaries start none).
#pragma once

#include <string>
#include <vector>

namespace pelo::exporter::testing {

struct ToolRun {
  int exit_code = -1;  // -1: could not start; 128 + n: killed by signal n
  std::string out;
  std::string err;
};

// Runs argv[0] (a path) with `argv`, its stdout and stderr sent to files in `dir`.
ToolRun RunTool(const std::vector<std::string>& argv, const std::string& dir);

// The whole file at `path` ("" when unreadable).
std::string ReadWholeFile(const std::string& path);

// A new directory under the system's temp directory ("" on failure).
std::string MakeTempDir(const std::string& prefix);

}  // namespace pelo::exporter::testing
