// A program's command line as plain data (describe_command_line.h reads it from the CLI11
// definition): the one source of its manual pages and shell completions (ADR 0026), so neither
// can drift from `--help`.
#pragma once

#include <string>
#include <vector>

namespace pelo::cli {

enum class ValueKind {
  kAny,        // free text: nothing to complete
  kWords,      // one of `words`
  kFile,       // a file's path
  kDirectory,  // a directory's path
};

// What a flag's or an argument's value is (flag_values.h records it on the CLI11 option).
struct FlagValues {
  ValueKind kind = ValueKind::kAny;
  std::vector<std::string> words;  // kWords
  bool checked = false;            // kWords: a value not among them is refused
};

// A flag (`--db FILE`, `-v`) or a positional argument (`workout_id`).
struct OptionDoc {
  std::vector<std::string> names;  // flags: "-o", "--output" (short ones first); empty otherwise
  std::string positional;          // positionals: the argument's name
  std::string value_name;          // as --help shows it ("TEXT", "INT:INT>=1"); "" for a flag
  std::string description;
  std::string default_value;  // what --help shows after '=', if anything
  bool required = false;
  bool repeatable = false;  // takes any number of values, or may be given again
  FlagValues values;
  std::vector<std::string> excludes;  // names of the options it cannot be given with
  std::vector<std::string> needs;     // names of the options it needs

  bool takes_value() const { return !value_name.empty() || !positional.empty(); }
  // "--output" (or "-v" when there is no long name); an argument's name for a positional.
  const std::string& main_name() const { return names.empty() ? positional : names.back(); }
};

// A program or one of its (sub)commands.
struct CommandDoc {
  std::vector<std::string> path;  // {"pelo", "stats", "rides"}
  std::string description;
  std::vector<OptionDoc> flags;        // its own, --help included, in definition order
  std::vector<OptionDoc> positionals;  // in order
  std::vector<CommandDoc> commands;    // its subcommands, in definition order
  bool needs_command = false;          // runs only with one of `commands`
  bool inherits_flags = false;         // its parent's flags also work after its name

  const std::string& name() const { return path.back(); }
  std::string FullName() const;  // "pelo stats rides"
  // Its flags and, while each inherits them, its ancestors' (a name once: the nearest wins).
  std::vector<OptionDoc> EffectiveFlags(const std::vector<const CommandDoc*>& ancestors) const;
};

// Calls `visit(command, ancestors)` for `root` and every command under it, depth first in
// definition order; `ancestors` starts at the root.
template <typename Visit>
void ForEachCommand(const CommandDoc& root, Visit&& visit,
                    std::vector<const CommandDoc*>* ancestors = nullptr) {
  std::vector<const CommandDoc*> none;
  if (ancestors == nullptr) ancestors = &none;
  visit(root, *ancestors);
  ancestors->push_back(&root);
  for (const CommandDoc& sub : root.commands) ForEachCommand(sub, visit, ancestors);
  ancestors->pop_back();
}

}  // namespace pelo::cli
