// The fish completion script: `complete` lines whose conditions ask a helper which command the
// words before the cursor name (nested commands repeat names: `config set`, `settings set`,
// so __fish_seen_subcommand_from alone cannot tell them apart).
#include <cctype>

#include "completion.h"

namespace pelo::cli {
namespace {

// Words for `complete -a`, which fish splits and expands as a command line would.
std::string FishWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += ' ';
    for (char c : word) {
      if (!std::isalnum(static_cast<unsigned char>(c)) &&
          std::string_view("-_.:/+=,@%").find(c) == std::string_view::npos) {
        out += '\\';
      }
      out += c;
    }
  }
  return FishQuote(out);
}

std::string Condition(const std::string& helper, const std::string& path,
                      const std::string& more = "") {
  return " -n " + FishQuote(helper + " " + FishQuote(path) + more);
}

// `complete` options of a flag's or an argument's value.
std::string ValueOptions(const OptionDoc& option) {
  switch (option.values.kind) {
    case ValueKind::kWords:
      return " -x -a " + FishWords(option.values.words);
    case ValueKind::kFile:
      return " -r -F";
    case ValueKind::kDirectory:
      return " -x -a " + FishQuote("(__fish_complete_directories (commandline -ct))");
    case ValueKind::kAny:
      break;
  }
  return option.positional.empty() ? " -x" : "";
}

constexpr const char* kHelpers = R"(complete -c PROGRAM -e
complete -c PROGRAM -f

# The command the words before the cursor name, and how many arguments it has been given
# (two lines); kept for as long as the command line stays the same.
function FN_state
    set -l words (commandline -opc)
    set -l key "$words"
    if test "$key" = "$FN_state_key"
        printf '%s\n' $FN_state_is
        return
    end
    set -l path PROGRAM
    set -l n 0
    set -l skip 0
    set -e words[1]
    for word in $words
        if test $skip = 1
            set skip 0
            continue
        end
        switch $word
            case '-*=*'
            case '-?*'
                FN_takes_value "$path" $word; and set skip 1
            case '*'
                if contains -- "$path $word" $FN_commands
                    set path "$path $word"
                    set n 0
                else
                    set n (math $n + 1)
                end
        end
    end
    set -g FN_state_key $key
    set -g FN_state_is $path $n
    printf '%s\n' $path $n
end

# Whether a flag takes a value after a command: a flag works after the commands under its own.
function FN_takes_value --argument-names path flag
    while true
        contains -- "$path $flag" $FN_valued; and return 0
        contains -- $path $FN_closed; and return 1
        string match -q '* *' -- $path; or return 1
        set path (string replace -r ' [^ ]*$' '' -- $path)
    end
end

# Whether the cursor is after this command.
function FN_at --argument-names command
    test (FN_state)[1] = "$command"
end

# Whether the flags of this command work where the cursor is: after it or a command under it.
function FN_in --argument-names command
    set -l path (FN_state)[1]
    while true
        test "$path" = "$command"; and return 0
        contains -- $path $FN_closed; and return 1
        string match -q '* *' -- $path; or return 1
        set path (string replace -r ' [^ ]*$' '' -- $path)
    end
end

# Whether the cursor is on argument N (from 0) of this command; with "rest", N or later.
function FN_arg --argument-names command index rest
    set -l state (FN_state)
    test "$state[1]" = "$command"; or return 1
    if test "$rest" = rest
        test $state[2] -ge $index
    else
        test $state[2] -eq $index
    end
end

)";

}  // namespace

std::string FishCompletion(const CommandDoc& program) {
  const std::string fn = "__fish_" + FunctionName(program.name());
  const std::string complete = "complete -c " + FishQuote(program.name());
  std::string out = "# fish completion for " + program.name() +
                    ", generated from its command line by `" + program.name() +
                    " completion fish`.\n# Install it as " + program.name() +
                    ".fish in a directory of $fish_complete_path, or: " + program.name() +
                    " completion fish | source\n";
  out += ReplaceAll(ReplaceAll(kHelpers, "FN", fn), "PROGRAM", FishQuote(program.name()));

  std::string commands, valued, closed, lines;
  ForEachCommand(program, [&](const CommandDoc& command, const auto& ancestors) {
    const std::string path = command.FullName();
    if (!ancestors.empty()) commands += " \\\n    " + FishQuote(path);
    if (!ancestors.empty() && !command.inherits_flags) closed += " " + FishQuote(path);
    lines += "\n# " + path + "\n";
    for (const CommandDoc& sub : command.commands) {
      lines += complete + Condition(fn + "_at", path) + " -a " + FishQuote(sub.name()) + " -d " +
               FishQuote(sub.description) + "\n";
    }
    for (size_t i = 0; i < command.positionals.size(); ++i) {
      const OptionDoc& arg = command.positionals[i];
      if (arg.values.kind == ValueKind::kAny) continue;
      const bool rest = arg.repeatable && i + 1 == command.positionals.size();
      lines += complete +
               Condition(fn + "_arg", path, " " + std::to_string(i) + (rest ? " rest" : "")) +
               ValueOptions(arg) + " -d " + FishQuote(arg.description) + "\n";
    }
    for (const OptionDoc& flag : command.flags) {
      std::string names;
      for (const std::string& name : flag.names) {
        const bool is_long = name.size() > 2 && name[1] == '-';
        names += (is_long ? " -l " : " -s ") + FishQuote(name.substr(is_long ? 2 : 1));
        if (flag.takes_value()) valued += " \\\n    " + FishQuote(path + " " + name);
      }
      lines += complete + Condition(fn + "_in", path) + names +
               (flag.takes_value() ? ValueOptions(flag) : "") + " -d " +
               FishQuote(flag.description) + "\n";
    }
  });
  out += "set -g " + fn + "_commands" + commands + "\n";
  out += "set -g " + fn + "_valued" + valued + "\n";
  out += "set -g " + fn + "_closed" + closed + "\n";
  return out + lines;
}

}  // namespace pelo::cli
