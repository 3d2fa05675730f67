#include "process.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace pelo::testing {
namespace {

std::vector<std::string> MergedEnv(const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> all;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    auto eq = kv.find('=');
    if (eq != std::string::npos) all[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  for (const auto& [k, v] : extra) {
    if (v.empty()) {
      all.erase(k);
    } else {
      all[k] = v;
    }
  }
  std::vector<std::string> out;
  for (const auto& [k, v] : all) out.push_back(k + "=" + v);
  return out;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> p;
  for (auto& s : strings) p.push_back(s.data());
  p.push_back(nullptr);
  return p;
}

// Forks and execs; the child's stdin/stdout/stderr are the given fds.
pid_t Spawn(std::vector<std::string> argv, std::vector<std::string> env, int in, int out, int err) {
  auto args = Pointers(argv);
  auto envp = Pointers(env);
  const pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0) {
    // Dies with the test: a test that aborts (no destructors run) must not leave a simulator
    // holding ctest's output pipe open.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    setsid();  // no controlling terminal: password prompts must not reach the developer's tty
    execve(args[0], args.data(), envp.data());
    _exit(127);
  }
  return pid;
}

int ExitCode(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// Writes `input` to `in_fd` and drains out/err until both close.
void Pump(int in_fd, const std::string& input, int out_fd, int err_fd, ProcessResult& r) {
  size_t written = 0;
  if (input.empty()) {
    close(in_fd);
    in_fd = -1;
  }
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0 || in_fd >= 0) {
    pollfd fds[3] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}, {in_fd, POLLOUT, 0}};
    poll(fds, in_fd >= 0 ? 3 : 2, -1);
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof(buf));
      if (n > 0) {
        (i == 0 ? r.out : r.err).append(buf, static_cast<size_t>(n));
      } else {
        close(fds[i].fd);
        (i == 0 ? out_fd : err_fd) = -1;
        --open_fds;
      }
    }
    if (in_fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = write(in_fd, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<size_t>(n);
      if (n <= 0 || written == input.size()) {
        close(in_fd);
        in_fd = -1;
      }
    }
  }
}

// A child started with stdin, stdout and stderr on pipes; the parent's ends.
struct Piped {
  pid_t pid;
  int in;   // write end of the child's stdin
  int out;  // read end of its stdout
  int err;  // read end of its stderr
};

Piped SpawnPiped(const std::vector<std::string>& argv,
                 const std::map<std::string, std::string>& env) {
  signal(SIGPIPE, SIG_IGN);
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) {
    throw std::runtime_error("pipe failed");
  }
  const pid_t pid = Spawn(argv, MergedEnv(env), in[0], out[1], err[1]);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  return {pid, in[1], out[0], err[0]};
}

}  // namespace

ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env, const std::string& input,
                         std::optional<std::chrono::milliseconds> interrupt_after) {
  const Piped p = SpawnPiped(argv, env);
  const pid_t pid = p.pid;
  ProcessResult r;
  std::thread interrupter;
  if (interrupt_after) {
    interrupter = std::thread([pid, after = *interrupt_after] {
      std::this_thread::sleep_for(after);
      kill(pid, SIGINT);  // the process is not reaped before the join below, so pid is valid
    });
  }
  Pump(p.in, input, p.out, p.err, r);
  if (interrupter.joinable()) interrupter.join();
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = ExitCode(status);
  return r;
}

ProcessResult RunProcessKilledWhen(const std::vector<std::string>& argv,
                                   const std::map<std::string, std::string>& env,
                                   const std::function<bool()>& kill_when) {
  const Piped p = SpawnPiped(argv, env);
  const pid_t pid = p.pid;
  ProcessResult r;
  std::atomic<bool> exited{false};
  // The process is not reaped before the join below, so pid stays valid for kill().
  std::thread killer([&] {
    while (!exited) {
      if (kill_when()) {
        kill(pid, SIGKILL);
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  Pump(p.in, "", p.out, p.err, r);
  exited = true;
  killer.join();
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = ExitCode(status);
  return r;
}

ProcessResult RunProcessWithTerminalStderr(const std::vector<std::string>& argv,
                                           const std::map<std::string, std::string>& env) {
  signal(SIGPIPE, SIG_IGN);
  int terminal = -1, child_terminal = -1;
  if (openpty(&terminal, &child_terminal, nullptr, nullptr, nullptr) != 0) {
    throw std::runtime_error("openpty failed");
  }
  fcntl(terminal, F_SETFD, FD_CLOEXEC);
  fcntl(child_terminal, F_SETFD, FD_CLOEXEC);
  int out[2];
  if (pipe2(out, O_CLOEXEC)) throw std::runtime_error("pipe failed");
  const int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
  pid_t pid = Spawn(argv, MergedEnv(env), devnull, out[1], child_terminal);
  close(devnull);
  close(out[1]);
  close(child_terminal);
  ProcessResult r;
  // The terminal reads EIO once the child (its last user) has closed it.
  std::thread terminal_reader([&] {
    char buf[4096];
    ssize_t n;
    while ((n = read(terminal, buf, sizeof(buf))) > 0) r.err.append(buf, static_cast<size_t>(n));
  });
  char buf[65536];
  ssize_t n;
  while ((n = read(out[0], buf, sizeof(buf))) > 0) r.out.append(buf, static_cast<size_t>(n));
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  terminal_reader.join();
  close(terminal);
  r.exit_code = ExitCode(status);
  return r;
}

ProcessResult RunProcessOnTerminal(const std::vector<std::string>& argv,
                                   const std::map<std::string, std::string>& env) {
  signal(SIGPIPE, SIG_IGN);
  int terminal = -1, child_terminal = -1;
  termios raw{};
  cfmakeraw(&raw);
  if (openpty(&terminal, &child_terminal, nullptr, &raw, nullptr) != 0) {
    throw std::runtime_error("openpty failed");
  }
  fcntl(terminal, F_SETFD, FD_CLOEXEC);
  fcntl(child_terminal, F_SETFD, FD_CLOEXEC);
  const int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
  pid_t pid = Spawn(argv, MergedEnv(env), devnull, child_terminal, child_terminal);
  close(devnull);
  close(child_terminal);
  ProcessResult r;
  // The terminal reads EIO once the child (its last user) has closed it.
  char buf[4096];
  ssize_t n;
  while ((n = read(terminal, buf, sizeof(buf))) > 0) r.out.append(buf, static_cast<size_t>(n));
  int status = 0;
  waitpid(pid, &status, 0);
  close(terminal);
  r.exit_code = ExitCode(status);
  return r;
}

namespace {

// Starts `argv`, a server that prints "... listening on URL[ ...]" as the first line of its
// stdout, and returns its pid once it has; `url` gets URL.
pid_t StartListening(const std::vector<std::string>& argv,
                     const std::map<std::string, std::string>& env, std::string* url) {
  int out[2];
  if (pipe2(out, O_CLOEXEC)) throw std::runtime_error("pipe failed");
  int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
  const pid_t pid = Spawn(argv, MergedEnv(env), devnull, out[1], 2);
  close(out[1]);
  close(devnull);
  std::string line;
  char c;
  while (read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
  close(out[0]);
  const std::string marker = "listening on ";
  auto at = line.find(marker);
  if (at == std::string::npos) {
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
    throw std::runtime_error(argv[0] + " did not start: " + line);
  }
  *url = line.substr(at + marker.size());
  *url = url->substr(0, url->find(' '));
  return pid;
}

// SIGTERM, then the exit code (128 + signal when killed by one).
int Terminate(pid_t pid) {
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  return ExitCode(status);
}

}  // namespace

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv,
                                     const std::map<std::string, std::string>& env) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "pelo-bg-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = tmpl;
  const int out = open((dir_ + "/out").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  const int err = open((dir_ + "/err").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  const int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (out < 0 || err < 0 || devnull < 0) throw std::runtime_error("cannot open output files");
  pid_ = Spawn(argv, MergedEnv(env), devnull, out, err);
  close(out);
  close(err);
  close(devnull);
}

BackgroundProcess::~BackgroundProcess() {
  if (!Ended()) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string BackgroundProcess::Out() const { return ReadFile(dir_ + "/out"); }
std::string BackgroundProcess::Err() const { return ReadFile(dir_ + "/err"); }

void BackgroundProcess::Signal(int signal) const {
  if (!exit_code_) kill(pid_, signal);  // not reaped yet, so the pid is still its own
}

bool BackgroundProcess::Ended() {
  if (exit_code_) return true;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) != pid_) return false;
  exit_code_ = ExitCode(status);
  return true;
}

bool BackgroundProcess::WaitUntil(const std::function<bool()>& condition) {
  for (;;) {
    if (condition()) return true;
    if (Ended()) return condition();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

ProcessResult BackgroundProcess::Wait(std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!Ended()) {
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(pid_, SIGKILL);
      int status = 0;
      waitpid(pid_, &status, 0);
      exit_code_ = ExitCode(status);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return {*exit_code_, Out(), Err()};
}

SimProcess::SimProcess(std::vector<std::string> extra_args)
    : SimProcess(PELO_SIM_BIN, std::move(extra_args)) {}

SimProcess::SimProcess(const std::string& binary, std::vector<std::string> extra_args) {
  std::vector<std::string> argv = {binary, "--port", "0"};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  // The first line is "pelo-sim listening on http://127.0.0.1:PORT".
  pid_ = StartListening(argv, {}, &url_);
}

SimProcess::~SimProcess() {
  if (pid_ > 0) Terminate(pid_);
}

ServeProcess::ServeProcess(std::vector<std::string> args,
                           const std::map<std::string, std::string>& env) {
  args.insert(args.begin(), {PELO_BIN, "serve", "--port", "0"});
  // The first line is "pelo serve: listening on http://127.0.0.1:PORT (Ctrl-C stops)".
  pid_ = StartListening(args, env, &url_);
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) Terminate(pid_);
}

int ServeProcess::Stop() {
  const int code = Terminate(pid_);
  pid_ = -1;
  return code;
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "pelo-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

CsvTable CsvRowsByFirstColumn(const std::string& text) {
  const auto rows = ParseCsv(text);
  CsvTable table;
  if (rows.empty()) return table;
  const auto& header = rows[0];
  for (size_t i = 1; i < rows.size(); ++i) {
    auto& cells = table[rows[i][0]];
    for (size_t c = 0; c < header.size() && c < rows[i].size(); ++c) cells[header[c]] = rows[i][c];
  }
  return table;
}

}  // namespace pelo::testing
