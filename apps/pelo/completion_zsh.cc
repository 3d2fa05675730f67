// The zsh completion function: one _arguments function per command, each listing the command's
// flags with those of the commands above it, its arguments, and its subcommands by name.
#include <cctype>

#include "completion.h"

namespace pelo::cli {
namespace {

// `text` with the characters _arguments reads in an explanation or a value list ([ ] : \ and
// white space or parentheses in words) behind a backslash.
std::string Escaped(const std::string& text, std::string_view special) {
  std::string out;
  for (char c : text) {
    if (special.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string Explanation(const std::string& text) {
  std::string flat;
  for (char c : text) flat += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
  return Escaped(flat, "[]:\\");
}

// ":message:action" of a flag's value or an argument.
std::string ValueAction(const OptionDoc& option) {
  std::string message = option.positional.empty() ? option.value_name : option.positional;
  message = message.substr(0, message.find(':'));
  std::string action = " ";
  switch (option.values.kind) {
    case ValueKind::kWords: {
      action = "(";
      for (const std::string& word : option.values.words) {
        action += (action.size() > 1 ? " " : "") + Escaped(word, "()[]:\\ '\"$`;&|<>*?#~");
      }
      action += ")";
      break;
    }
    case ValueKind::kFile:
      action = "_files";
      break;
    case ValueKind::kDirectory:
      action = "_files -/";
      break;
    case ValueKind::kAny:
      break;
  }
  return ":" + Escaped(message, ":\\") + ":" + action;
}

// One _arguments spec per name of the flag: "(-o --output --dir)--output=[Output
// file]:TEXT:_files".
std::string FlagSpecs(const OptionDoc& flag) {
  // A flag excludes its other names (unless it may be given again) and what it excludes.
  std::vector<std::string> names = flag.excludes;
  if (!flag.repeatable && flag.names.size() > 1) {
    names.insert(names.begin(), flag.names.begin(), flag.names.end());
  }
  std::string excluded;
  for (const std::string& name : names) excluded += (excluded.empty() ? "" : " ") + name;
  if (!excluded.empty()) excluded = "(" + excluded + ")";
  std::string out;
  for (const std::string& name : flag.names) {
    std::string spec = excluded + (flag.repeatable ? "*" : "") + name;
    if (flag.takes_value()) spec += name.size() == 2 ? "+" : "=";
    spec += "[" + Explanation(flag.description) + "]";
    if (flag.takes_value()) spec += ValueAction(flag);
    out += "    " + ShellQuote(spec) + " \\\n";
  }
  return out;
}

std::string CommandFunction(const CommandDoc& command,
                            const std::vector<const CommandDoc*>& ancestors) {
  std::string fn = "_" + FunctionName(command.path[0]);
  for (size_t i = 1; i < command.path.size(); ++i) fn += "__" + FunctionName(command.path[i]);
  std::string out = "# " + command.FullName() + "\n" + fn + "() {\n";
  out +=
      "  local curcontext=$curcontext state state_descr line ret=1\n"
      "  typeset -A opt_args\n"
      "  _arguments -C -S \\\n";
  for (const OptionDoc& flag : command.EffectiveFlags(ancestors)) out += FlagSpecs(flag);
  const bool has_commands = !command.commands.empty();
  // With subcommands, the first word is one of them or the first argument (->command), and
  // what follows is the subcommand's (->argument).
  for (size_t i = 0; !has_commands && i < command.positionals.size(); ++i) {
    const OptionDoc& arg = command.positionals[i];
    if (arg.repeatable && i + 1 == command.positionals.size()) {
      out += "    " + ShellQuote("*" + ValueAction(arg)) + " \\\n";
    } else {
      out += "    " +
             ShellQuote(std::to_string(i + 1) + (arg.required ? "" : ":") + ValueAction(arg)) +
             " \\\n";
    }
  }
  if (has_commands) out += "    ': :->command' '*:: :->argument' \\\n";
  out += "    && ret=0\n";
  if (has_commands) {
    out += "  case $state in\n    command)\n      local -a commands=(\n";
    for (const CommandDoc& sub : command.commands) {
      out += "        " +
             ShellQuote(Escaped(sub.name(), ":\\") + ":" + Explanation(sub.description)) + "\n";
    }
    out += "      )\n      _describe -t commands " + ShellQuote(command.FullName() + " command") +
           " commands && ret=0\n";
    if (!command.positionals.empty()) {
      const OptionDoc& first = command.positionals[0];
      out += "      _arguments " + ShellQuote("1" + ValueAction(first)) + " && ret=0\n";
    }
    out +=
        "      ;;\n    argument)\n"
        "      curcontext=${curcontext%:*:*}:" +
        FunctionName(command.FullName()) +
        "-$words[1]:\n"
        "      case $words[1] in\n";
    for (const CommandDoc& sub : command.commands) {
      out += "        " + ShellQuote(sub.name()) + ") " + fn + "__" + FunctionName(sub.name()) +
             " && ret=0 ;;\n";
    }
    out += "      esac\n      ;;\n  esac\n";
  }
  return out + "  return ret\n}\n\n";
}

}  // namespace

std::string ZshCompletion(const CommandDoc& program) {
  const std::string fn = "_" + FunctionName(program.name());
  std::string out = "#compdef " + program.name() + "\n# zsh completion for " + program.name() +
                    ", generated from its command line by `" + program.name() +
                    " completion zsh`.\n# Install it as " + fn +
                    " in a directory of $fpath, or, after compinit:\n#   source <(" +
                    program.name() + " completion zsh)\n\n";
  ForEachCommand(program, [&out](const CommandDoc& command, const auto& ancestors) {
    out += CommandFunction(command, ancestors);
  });
  // Autoloaded from $fpath, this file is the body of the function: run it. Sourced, register.
  return out + "if [[ $funcstack[1] == " + fn + " ]]; then\n  " + fn + " \"$@\"\nelse\n  compdef " +
         fn + " " + program.name() + "\nfi\n";
}

}  // namespace pelo::cli
