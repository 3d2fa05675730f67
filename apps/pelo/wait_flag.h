// --wait DURATION of the commands that write a whole database (sync, rebuild): how long to wait
// for another pelo that holds the database's lock (app/database_lock.h, ADR 0028).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "pelo/app/database_lock.h"
#include "pelo/common/status.h"

namespace pelo::cli {

// A manual sync that finds the timer's run (seconds, as a rule) should just wait for it, and a
// first sync of years of workouts takes minutes at 10 requests a second.
inline constexpr const char* kDefaultWait = "10m";

// Adds --wait to `cmd`, into `wait` (which holds the default).
void AddWaitOption(CLI::App* cmd, std::string& wait);

// The lock options of `command` ("sync") on the database at `db_path` for a --wait of
// `wait_text` (0 to 24h; kInvalidArgument naming --wait otherwise): while it waits, one line
// on stderr says for whom and how long.
StatusOr<app::LockOptions> WaitingLock(const std::string& command, const std::string& wait_text,
                                       const std::string& db_path);

// `status`, with what to do about it when it is kBusy.
Status WithWaitHint(Status status);

}  // namespace pelo::cli
