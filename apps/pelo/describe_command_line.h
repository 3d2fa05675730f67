// A CLI11 command line as a CommandDoc: what the manual pages and completions are made from.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "command_doc.h"

namespace pelo::cli {

// Reads `app` and its subcommands; `program` is the name to document it under. Hidden options
// and commands (CLI11's empty group) are left out; the values of each option are those
// flag_values.h recorded on it.
CommandDoc DescribeCommandLine(CLI::App& app, const std::string& program);

}  // namespace pelo::cli
