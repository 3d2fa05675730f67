// Shell completion scripts made from a CommandDoc (ADR 0026): subcommands at each level, the
// flags of the command being typed and of the commands above it (which work after its name),
// and the values of flags and arguments whose values are known (flag_values.h). What
// `pelo completion bash|zsh|fish` prints and the build installs.
#pragma once

#include <string>
#include <string_view>

#include "command_doc.h"

namespace pelo::cli {

// A bash script defining _<program> and registering it with `complete -F`; needs none of the
// bash-completion package's helpers, and works with them.
std::string BashCompletion(const CommandDoc& program);

// A zsh completion function file (`#compdef <program>`, _arguments style), to install as
// _<program> in a directory of $fpath; sourced after compinit, it registers itself.
std::string ZshCompletion(const CommandDoc& program);

// fish `complete -c <program>` lines, to install as <program>.fish in a completions directory.
std::string FishCompletion(const CommandDoc& program);

// `text` as one word in single quotes for bash and zsh ('it'\''s').
std::string ShellQuote(std::string_view text);

// `text` as one word in single quotes for fish, which also reads \\ and \' inside them.
std::string FishQuote(std::string_view text);

// `text` with every `from` replaced by `to`: the program's name into a script's template.
std::string ReplaceAll(std::string text, const std::string& from, const std::string& to);

// `program` as a part of a shell function's name: letters, digits and '_' ("pelo-sim": pelo_sim).
std::string FunctionName(std::string_view program);

}  // namespace pelo::cli
