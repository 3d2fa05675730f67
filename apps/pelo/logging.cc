#include "logging.h"

#include <fcntl.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>

#include "terminal_text.h"

namespace pelo::cli {
namespace {

std::optional<spdlog::level::level_enum> ParseLevel(const std::string& name) {
  static constexpr std::pair<const char*, spdlog::level::level_enum> kLevels[] = {
      {"trace", spdlog::level::trace}, {"debug", spdlog::level::debug},
      {"info", spdlog::level::info},   {"warn", spdlog::level::warn},
      {"error", spdlog::level::err},   {"off", spdlog::level::off}};
  for (const auto& [text, level] : kLevels) {
    if (name == text) return level;
  }
  return std::nullopt;
}

StatusOr<spdlog::level::level_enum> ChooseLevel(const LogOptions& options) {
  auto parse = [](const std::string& name,
                  const char* where) -> StatusOr<spdlog::level::level_enum> {
    if (auto level = ParseLevel(name)) return *level;
    return Status(ErrorCode::kInvalidArgument,
                  std::string(where) + ": '" + name +
                      "' is not a log level (trace, debug, info, warn, error, off)");
  };
  if (!options.level.empty()) return parse(options.level, "--log-level");
  if (options.verbosity >= 2) return spdlog::level::trace;
  if (options.verbosity == 1) return spdlog::level::debug;
  if (const char* env = std::getenv("PELO_LOG_LEVEL"); env && *env) {
    return parse(env, "PELO_LOG_LEVEL");
  }
  return spdlog::level::warn;
}

// The log file exists, mode 0600 when pelo creates it (a log holds no secret, but it does hold
// what a person did and when).
Status PrepareLogFile(const std::string& path) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Status(ErrorCode::kStorage, "--log-file " + path + ": " + std::strerror(errno));
  }
  close(fd);
  return OkStatus();
}

// Log messages quote what the API sent (error bodies, titles): on a terminal, or read later with
// `less`, each goes through TerminalText like every other line for a person, so it stays one line
// and steers nothing. The sink behind it adds the time, the level and (on a terminal) colours.
class TerminalTextSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit TerminalTextSink(spdlog::sink_ptr inner) : inner_(std::move(inner)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    const std::string safe = TerminalText(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg copy = msg;
    copy.payload = safe;
    inner_->log(copy);
  }
  void flush_() override { inner_->flush(); }

 private:
  spdlog::sink_ptr inner_;
};

}  // namespace

Status ConfigureLogging(const LogOptions& options) {
  PELO_ASSIGN_OR_RETURN(spdlog::level::level_enum level, ChooseLevel(options));
  spdlog::sink_ptr sink;
  if (!options.file.empty()) {
    PELO_RETURN_IF_ERROR(PrepareLogFile(options.file));
    try {
      sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(options.file);
    } catch (const spdlog::spdlog_ex& e) {
      return Status(ErrorCode::kStorage, "--log-file " + options.file + ": " + e.what());
    }
  } else {
    sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  }
  auto logger = std::make_shared<spdlog::logger>("pelo", std::make_shared<TerminalTextSink>(sink));
  logger->set_level(level);
  logger->flush_on(spdlog::level::trace);  // a crash or ^C loses no line
  spdlog::set_default_logger(logger);
  spdlog::set_level(level);
  return OkStatus();
}

}  // namespace pelo::cli
