// A small command line as the generators see it, built by hand (no CLI11), for the tests of the
// manual pages and the completions:
//   tool [-h] [--level low|high] [--db FILE]
//   tool run [--out FILE] [--mode {a,b}] NAME        (and tool run fast)
//   tool stop                                         (a description that tries to be roff)
//   tool stats zones [--by {week,month}] [NAME]       (suggested names that try to be shell)
#pragma once

#include "command_doc.h"

namespace pelo::cli {

inline OptionDoc SampleFlag(std::vector<std::string> names, std::string description,
                            std::string value_name = "", FlagValues values = {}) {
  OptionDoc flag;
  flag.names = std::move(names);
  flag.description = std::move(description);
  flag.value_name = std::move(value_name);
  flag.values = std::move(values);
  return flag;
}

inline OptionDoc SampleArgument(std::string name, std::string description, bool required,
                                FlagValues values = {}) {
  OptionDoc arg;
  arg.positional = std::move(name);
  arg.description = std::move(description);
  arg.value_name = "TEXT";
  arg.required = required;
  arg.values = std::move(values);
  return arg;
}

inline CommandDoc SampleCommand(std::vector<std::string> path, std::string description) {
  CommandDoc command;
  command.path = std::move(path);
  command.description = std::move(description);
  command.inherits_flags = command.path.size() > 1;
  command.flags.push_back(SampleFlag({"-h", "--help"}, "Print this help message and exit"));
  return command;
}

inline CommandDoc SampleCommandDoc() {
  CommandDoc tool = SampleCommand({"tool"}, "tool 1.0: does things");
  tool.needs_command = true;
  tool.flags.push_back(
      SampleFlag({"--level"}, "How loud", "TEXT", {ValueKind::kWords, {"low", "high"}, false}));
  tool.flags.push_back(SampleFlag({"--db"}, "Database", "FILE", {ValueKind::kFile, {}, false}));

  CommandDoc run = SampleCommand({"tool", "run"}, "Run it");
  run.flags.push_back(
      SampleFlag({"-o", "--out"}, "Where to", "FILE", {ValueKind::kFile, {}, false}));
  OptionDoc mode =
      SampleFlag({"--mode"}, "Which way", "TEXT:{a,b}", {ValueKind::kWords, {"a", "b"}, true});
  mode.default_value = "a";
  mode.excludes = {"--out"};
  run.flags.push_back(mode);
  run.positionals.push_back(SampleArgument("name", "What to run", true));
  run.commands.push_back(SampleCommand({"tool", "run", "fast"}, "Run it fast"));
  tool.commands.push_back(run);

  tool.commands.push_back(SampleCommand({"tool", "stop"}, ".TH EVIL 1\n'sp \\fBno\\fR"));

  CommandDoc stats = SampleCommand({"tool", "stats"}, "Numbers");
  stats.needs_command = true;
  CommandDoc zones = SampleCommand({"tool", "stats", "zones"}, "Zones: it's [hot]");
  zones.flags.push_back(SampleFlag({"--by"}, "Period", "TEXT:{week,month}",
                                   {ValueKind::kWords, {"week", "month"}, true}));
  zones.positionals.push_back(
      SampleArgument("name", "A name", false, {ValueKind::kWords, {"$(rm -rf ~)", "a b"}, false}));
  stats.commands.push_back(zones);
  tool.commands.push_back(stats);
  return tool;
}

}  // namespace pelo::cli
