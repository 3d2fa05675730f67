// Reading secrets without ever taking them from argv: a no-echo prompt, stdin, or environment.
#pragma once

#include <string>

#include "pelo/common/status.h"

namespace pelo::cli {

// Prompts on the terminal (/dev/tty) with echo off. kInvalidArgument when there is no terminal.
StatusOr<std::string> PromptNoEcho(const std::string& prompt);

// All of standard input with the trailing newline(s) removed.
std::string ReadStdinTrimmed();

// The environment variable's value, or "".
std::string EnvOrEmpty(const char* name);

}  // namespace pelo::cli
