// The values a flag or an argument takes, recorded on its CLI11 option so that the shell
// completions and the manual pages read them from the same definition `--help` prints (ADR 0026).
// A list of words is either a hard choice (checked: anything else is a usage error) or a
// suggestion (completed, not checked: Peloton adds disciplines without telling anyone).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "command_doc.h"

namespace pelo::cli {

// `option` takes one of `values` and refuses any other (as CLI::IsMember, whose check and
// message it is); `--help` shows them in the value's type, e.g. TEXT:{week,month}.
CLI::Option* OneOf(CLI::Option* option, const std::vector<std::string>& values,
                   bool ignore_case = false);

// `option` usually takes one of `values`: the completions offer them, nothing checks them.
CLI::Option* Suggest(CLI::Option* option, const std::vector<std::string>& values);

// `option` names a file (a directory): the completions complete paths, and `--help` shows the
// value as FILE (DIR) unless `type_name` says otherwise ("" keeps the option's own).
CLI::Option* FileValue(CLI::Option* option, const std::string& type_name = "FILE");
CLI::Option* DirectoryValue(CLI::Option* option, const std::string& type_name = "DIR");

// What OneOf, Suggest, FileValue or DirectoryValue recorded on `option`; kAny if none did.
FlagValues ValuesOf(CLI::Option& option);

}  // namespace pelo::cli
