// Running the built binaries as real processes, for the CLI tests.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pelo::testing {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal when killed by a signal
  std::string out;
  std::string err;
};

// Runs `argv` with the current environment plus `env` (an empty value unsets the variable),
// feeding `input` to stdin, and waits for it; sends SIGINT after `interrupt_after` if given.
ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env = {},
                         const std::string& input = "",
                         std::optional<std::chrono::milliseconds> interrupt_after = std::nullopt);

// Runs `argv` like RunProcess and kills it with SIGKILL as soon as `kill_when()` (polled every
// millisecond while it runs) returns true. exit_code is 137 when it was killed.
ProcessResult RunProcessKilledWhen(const std::vector<std::string>& argv,
                                   const std::map<std::string, std::string>& env,
                                   const std::function<bool()>& kill_when);

// Runs `argv` with its stderr on a pseudo-terminal (so isatty(2) is true) and stdout on a pipe;
// `err` is everything written to the terminal, control sequences included.
ProcessResult RunProcessWithTerminalStderr(const std::vector<std::string>& argv,
                                           const std::map<std::string, std::string>& env);

// Runs `argv` with stdout and stderr on one pseudo-terminal in raw mode (so isatty(1) and
// isatty(2) are true and the bytes arrive as written, "\n" not turned into "\r\n"); `out` is
// everything written to the terminal, `err` is empty.
ProcessResult RunProcessOnTerminal(const std::vector<std::string>& argv,
                                   const std::map<std::string, std::string>& env);

// A process started in the background, its stdout and stderr going to files that no thread
// reads: a test can run several at once, look at what each has written so far, and signal it.
// Killed (SIGKILL) and waited for on scope exit if it is still running.
class BackgroundProcess {
 public:
  BackgroundProcess(const std::vector<std::string>& argv,
                    const std::map<std::string, std::string>& env);
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  pid_t pid() const { return pid_; }
  std::string Out() const;  // what it has written so far
  std::string Err() const;
  void Signal(int signal) const;
  // Polls `condition` every millisecond until it holds (true) or the process has ended without
  // it holding (false).
  bool WaitUntil(const std::function<bool()>& condition);
  // Waits for the process to end; if it has not after `limit`, kills it (exit_code 137).
  ProcessResult Wait(std::chrono::milliseconds limit);

 private:
  bool Ended();  // reaps it when it has ended

  std::string dir_;
  pid_t pid_ = -1;
  std::optional<int> exit_code_;
};

// A pelo-sim process on an ephemeral loopback port, stopped (SIGTERM, then waited) on scope exit.
class SimProcess {
 public:
  explicit SimProcess(std::vector<std::string> extra_args = {});
  // The same with another pelo-sim binary (an installed or unpacked one).
  SimProcess(const std::string& binary, std::vector<std::string> extra_args);
  ~SimProcess();
  SimProcess(const SimProcess&) = delete;
  SimProcess& operator=(const SimProcess&) = delete;

  const std::string& url() const { return url_; }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::string url_;
};

// `pelo serve --port 0 ARGS...` with the current environment plus `env`, stopped (SIGTERM, then
// waited) on scope exit or by Stop().
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> args,
                        const std::map<std::string, std::string>& env = {});
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  const std::string& url() const { return url_; }
  // SIGTERM, then its exit code.
  int Stop();

 private:
  pid_t pid_ = -1;
  std::string url_;
};

// A fresh temporary directory, removed with its contents on scope exit.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path);

// Rows of a CSV file (RFC 4180 quoting), header included.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

// first-column value -> column name -> cell, for a CSV with a header row.
using CsvTable = std::map<std::string, std::map<std::string, std::string>>;
CsvTable CsvRowsByFirstColumn(const std::string& text);

}  // namespace pelo::testing
