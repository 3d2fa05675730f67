// The test main's check (test_main.cc): a test that starts a thread fails unless its binary is
// labelled `threads`. Runs the probe binaries (thread_check_probe.cc) as processes, so it also
// checks that counting pthread_create works under each preset's sanitizer runtime.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace pelo::testing {
namespace {

struct ProbeRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

ProbeRun RunProbe(const std::string& binary, const std::string& test) {
  const std::string command = binary + " --gtest_filter=" + test + " 2>&1";
  ProbeRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.output.append(buffer, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

constexpr const char* kUnlabelled = PELO_THREAD_CHECK_PROBE;
constexpr const char* kLabelled = PELO_THREAD_CHECK_PROBE_THREADS;

TEST(ThreadCheck, ATestWithoutThreadsPassesInAnUnlabelledBinary) {
  const ProbeRun run = RunProbe(kUnlabelled, "ThreadCheckProbe.StartsNoThread");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("[  PASSED  ] 1 test"), std::string::npos) << run.output;
}

TEST(ThreadCheck, AStdThreadStartedAndJoinedFailsTheTestInAnUnlabelledBinary) {
  const ProbeRun run = RunProbe(kUnlabelled, "ThreadCheckProbe.StartsAStdThreadAndJoinsIt");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("ThreadCheckProbe.StartsAStdThreadAndJoinsIt started 1 thread(s) in "
                            "the test process, but its binary lacks the ctest label `threads`"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("[  FAILED  ] ThreadCheckProbe.StartsAStdThreadAndJoinsIt"),
            std::string::npos)
      << run.output;
}

TEST(ThreadCheck, ADirectPthreadCreateFailsTheTestInAnUnlabelledBinary) {
  const ProbeRun run = RunProbe(kUnlabelled, "ThreadCheckProbe.StartsAThreadThroughPthreadCreate");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("[  FAILED  ] ThreadCheckProbe.StartsAThreadThroughPthreadCreate"),
            std::string::npos)
      << run.output;
}

TEST(ThreadCheck, AThreadFromASuiteSetUpFailsInAnUnlabelledBinary) {
  const ProbeRun run = RunProbe(kUnlabelled, "ThreadCheckProbeSuite.*");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("1 thread(s) started in the suite's set-up, but the binary lacks the "
                            "ctest label `threads`"),
            std::string::npos)
      << run.output;
}

TEST(ThreadCheck, EveryProbeTestPassesInABinaryLabelledThreads) {
  const ProbeRun run = RunProbe(kLabelled, "*");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("[  PASSED  ] 4 tests"), std::string::npos) << run.output;
}

}  // namespace
}  // namespace pelo::testing
