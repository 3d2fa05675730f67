// The bash completion script: tables of the command line as `case` statements, and one function
// that walks the words before the cursor to find the command, then completes what comes next.
#include <cctype>

#include "completion.h"

namespace pelo::cli {
namespace {

// A word for `compgen -W`, which expands each word of its list again: anything but letters,
// digits and -_.:/+=,@% behind a backslash.
std::string CompgenWord(const std::string& word) {
  std::string out;
  for (char c : word) {
    if (!std::isalnum(static_cast<unsigned char>(c)) &&
        std::string_view("-_.:/+=,@%").find(c) == std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string BashWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : " ") + CompgenWord(word);
  return out;
}

// What completes an option's value: its words, @file, @dir, or "" (anything, nothing offered).
std::string ValueSpec(const OptionDoc& option) {
  switch (option.values.kind) {
    case ValueKind::kWords:
      return BashWords(option.values.words);
    case ValueKind::kFile:
      return "@file";
    case ValueKind::kDirectory:
      return "@dir";
    case ValueKind::kAny:
      break;
  }
  return "";
}

std::string FlagNames(const CommandDoc& program, const std::string& fn) {
  std::string out = "# Every flag of a command: its own and those of the commands above it.\n" +
                    fn + "_flags() {\n  case $1 in\n";
  ForEachCommand(
      program, [&out](const CommandDoc& command, const std::vector<const CommandDoc*>& ancestors) {
        std::vector<std::string> names;
        for (const OptionDoc& flag : command.EffectiveFlags(ancestors)) {
          names.insert(names.end(), flag.names.begin(), flag.names.end());
        }
        out += "    " + ShellQuote(command.FullName()) + ") REPLY=" + ShellQuote(BashWords(names)) +
               " ;;\n";
      });
  return out + "    *) REPLY= ;;\n  esac\n}\n\n";
}

std::string Subcommands(const CommandDoc& program, const std::string& fn) {
  std::string out = "# The subcommands of a command.\n" + fn + "_commands() {\n  case $1 in\n";
  ForEachCommand(program, [&out](const CommandDoc& command, const auto&) {
    if (command.commands.empty()) return;
    std::vector<std::string> names;
    for (const CommandDoc& sub : command.commands) names.push_back(sub.name());
    out += "    " + ShellQuote(command.FullName()) + ") REPLY=" + ShellQuote(BashWords(names)) +
           " ;;\n";
  });
  return out + "    *) REPLY= ;;\n  esac\n}\n\n";
}

// _pelo_value COMMAND FLAG: whether FLAG takes a value there, and in REPLY what completes it.
// Each flag is listed under the command that defines it; the lookup goes up the command's
// ancestors, as CLI11 hands an unknown flag to the parent (fallthrough), unless one of them
// keeps its flags to itself.
std::string FlagValueSpecs(const CommandDoc& program, const std::string& fn) {
  std::string out =
      "# Whether a flag takes a value after a command, and in REPLY how the value completes:\n"
      "# words, @file, @dir, or nothing. A flag works after the commands under its own.\n" +
      fn + "_value() {\n  local path=$1\n  while :; do\n    case \"$path $2\" in\n";
  std::string closed;
  ForEachCommand(program, [&](const CommandDoc& command, const auto& ancestors) {
    for (const OptionDoc& flag : command.flags) {
      if (!flag.takes_value()) continue;
      std::string patterns;
      for (const std::string& name : flag.names) {
        patterns += (patterns.empty() ? "" : "|") + ShellQuote(command.FullName() + " " + name);
      }
      out += "      " + patterns + ") REPLY=" + ShellQuote(ValueSpec(flag)) + "; return 0 ;;\n";
    }
    if (!ancestors.empty() && !command.inherits_flags) {
      closed += "      " + ShellQuote(command.FullName() + " ") + "*) return 1 ;;\n";
    }
  });
  return out + closed +
         "    esac\n    [[ $path == *' '* ]] || return 1\n    path=${path% *}\n  done\n}\n\n";
}

// _pelo_arg COMMAND N: in REPLY, what completes the command's argument N (from 0).
std::string Arguments(const CommandDoc& program, const std::string& fn) {
  std::string out = "# How argument N (from 0) of a command completes, as " + fn + "_value.\n" +
                    fn + "_arg() {\n  case \"$1 $2\" in\n";
  ForEachCommand(program, [&out](const CommandDoc& command, const auto&) {
    for (size_t i = 0; i < command.positionals.size(); ++i) {
      const OptionDoc& arg = command.positionals[i];
      const bool rest = arg.repeatable && i + 1 == command.positionals.size();
      out += "    " + ShellQuote(command.FullName() + " " + (rest ? "" : std::to_string(i))) +
             (rest ? "*" : "") + ") REPLY=" + ShellQuote(ValueSpec(arg)) + " ;;\n";
    }
  });
  return out + "    *) REPLY= ;;\n  esac\n}\n\n";
}

constexpr const char* kMain =
    R"(# COMPREPLY: the words of $1 that start with $2, or paths for @file and @dir.
FN_reply() {
  case $1 in
    @file) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$2") ;;
    @dir) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$2") ;;
    *) mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2") ;;
  esac
}

FN() {
  local cur=${COMP_WORDS[COMP_CWORD]} path=PROGRAM flag= word commands REPLY
  local -i i=1 n=0
  # The command the words before the cursor name, and how many arguments it has been given;
  # flag is set when the cursor is on a flag's value (--flag value, --flag=value).
  while (( i < COMP_CWORD )); do
    word=${COMP_WORDS[i]}
    if [[ $word == -?* ]]; then
      if [[ $word != *=* ]] && FN_value "$path" "$word"; then
        if [[ ${COMP_WORDS[i+1]-} == = ]]; then i+=1; fi
        i+=1
        if (( i >= COMP_CWORD )); then flag=$word; fi
      fi
    else
      FN_commands "$path"
      if [[ " $REPLY " == *" $word "* ]]; then
        path+=" $word"
        n=0
      else
        n+=1
      fi
    fi
    i+=1
  done
  if [[ -n $flag ]]; then
    [[ $cur == = ]] && cur=
    FN_value "$path" "$flag"
    FN_reply "$REPLY" "$cur"
  elif [[ $cur == -* ]]; then
    FN_flags "$path"
    FN_reply "$REPLY" "$cur"
  else
    FN_commands "$path"
    commands=$REPLY
    FN_arg "$path" "$n"
    if [[ $REPLY == @* ]]; then
      FN_reply "$REPLY" "$cur"
      local -a paths=("${COMPREPLY[@]}")
      FN_reply "$commands" "$cur"
      COMPREPLY+=("${paths[@]}")
    else
      FN_reply "$commands $REPLY" "$cur"
    fi
  fi
  return 0
}

complete -F FN PROGRAM
)";

}  // namespace

std::string BashCompletion(const CommandDoc& program) {
  const std::string fn = "_" + FunctionName(program.name());
  std::string out = "# bash completion for " + program.name() +
                    ", generated from its command line by `" + program.name() +
                    " completion bash`.\n"
                    "# Needs bash 4.1 or later, not the bash-completion package (works with it). "
                    "To try it:\n#   source <(" +
                    program.name() + " completion bash)\n\n";
  out += Subcommands(program, fn) + FlagNames(program, fn) + FlagValueSpecs(program, fn) +
         Arguments(program, fn);
  return out + ReplaceAll(ReplaceAll(kMain, "FN", fn), "PROGRAM", ShellQuote(program.name()));
}

}  // namespace pelo::cli
