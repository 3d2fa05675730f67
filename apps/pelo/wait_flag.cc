#include "wait_flag.h"

#include <chrono>
#include <iostream>

#include "flags.h"
#include "pelo/common/time.h"
#include "terminal_text.h"

namespace pelo::cli {

void AddWaitOption(CLI::App* cmd, std::string& wait) {
  cmd->add_option("--wait", wait,
                  "When another pelo is writing the database, wait this long for it (default " +
                      std::string(kDefaultWait) + "; 0: not at all), then exit 7")
      ->type_name("DURATION");
}

StatusOr<app::LockOptions> WaitingLock(const std::string& command, const std::string& wait_text,
                                       const std::string& db_path) {
  PELO_ASSIGN_OR_RETURN(
      std::chrono::seconds wait,
      ParseDurationFlag("--wait", wait_text, std::chrono::seconds(0), std::chrono::hours(24)));
  app::LockOptions lock;
  lock.command = command;
  lock.wait = wait;
  lock.on_wait = [db_path, wait](const app::LockHolder& holder) {
    std::cerr << "pelo: " << TerminalText(db_path) << " is busy: waiting up to "
              << FormatDuration(wait) << " for " << app::DescribeHolder(holder) << " to finish"
              << std::endl;
  };
  return lock;
}

Status WithWaitHint(Status status) {
  if (status.code() != ErrorCode::kBusy) return status;
  return Status(ErrorCode::kBusy, status.message() + " (--wait sets how long to wait for it)");
}

}  // namespace pelo::cli
