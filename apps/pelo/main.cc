// pelo: get your Peloton data out, keep it, understand it.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <malloc.h>
#include <unistd.h>

#include <csignal>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "command_line.h"
#include "exit_code.h"
#include "logging.h"
#include "pelo/common/cancel.h"
#include "terminal_text.h"

using pelo::cli::TerminalText;

namespace {

// First ^C asks the running command to stop at a safe point; a second one kills the process.
extern "C" void OnInterrupt(int) {
  pelo::RequestCancel();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

// "pelo stats drivers": the program and the subcommands the command line named.
std::string CommandPath(const CLI::App& app) {
  std::string path = "pelo";
  for (const CLI::App* at = &app;;) {
    const std::vector<CLI::App*> named = at->get_subcommands();
    if (named.empty()) return path;
    at = named.front();
    path += " " + at->get_name();
  }
}

// What no option or argument took. CLI11 (2.1) lists those words last first, after a ": ".
std::string Unexpected(const CLI::ExtrasError& e) {
  const std::string what = e.what();
  const auto colon = what.find(": ");
  if (colon == std::string::npos) return what;
  std::istringstream words(what.substr(colon + 2));
  std::vector<std::string> given{std::istream_iterator<std::string>(words), {}};
  std::string text;
  for (auto it = given.rbegin(); it != given.rend(); ++it) text += (text.empty() ? "" : " ") + *it;
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  // glibc gives each thread that allocates its own malloc arena; sync's workers would then
  // hold on to freed graph buffers in up to 8 x cores arenas. Two keep the peak RSS of a
  // 2,000-workout sync under 64 MB (bench/sync_noop_and_rss.sh) at no measurable cost.
  mallopt(M_ARENA_MAX, 2);
  // On a terminal every byte of standard output goes through TerminalText (ADR 0012): a CSV or
  // a response body cannot steer it either. In a pipe or a file the data stays exact.
  std::optional<pelo::cli::TerminalGuard> terminal;
  if (isatty(STDOUT_FILENO)) terminal.emplace(std::cout);
  pelo::cli::Context ctx;
  CLI::App app;
  pelo::cli::LogOptions log;
  pelo::cli::DefineCommandLine(app, ctx, log);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError& e) {
    std::cerr << "pelo: usage: not expected: " << TerminalText(Unexpected(e)) << " (see `"
              << CommandPath(app) << " --help`)\n";
    return 2;
  } catch (const CLI::ParseError& e) {
    std::cerr << "pelo: usage: " << TerminalText(e.what()) << " (see `" << CommandPath(app)
              << " --help`)\n";
    return 2;
  }

  if (pelo::Status logging = pelo::cli::ConfigureLogging(log); !logging.ok()) {
    std::cerr << "pelo: " << TerminalText(logging.ToString()) << "\n";
    return pelo::cli::ExitCodeFor(logging.code());
  }
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  pelo::Status status =
      ctx.run ? ctx.run() : pelo::Status(pelo::ErrorCode::kInvalidArgument, "no command given");
  // Whatever the command printed must have got there: a cut output is no success.
  if (status.ok() && !std::cout.flush()) {
    status = pelo::Status(pelo::ErrorCode::kStorage, "cannot write standard output");
  }
  if (!status.ok()) {
    // One line, whatever the message quotes (an API error body, a title, a file name).
    std::cerr << "pelo: " << TerminalText(status.ToString()) << "\n";
    return pelo::cli::ExitCodeFor(status.code());
  }
  return 0;
}
