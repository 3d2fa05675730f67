#include "describe_command_line.h"

#include <gtest/gtest.h>

#include "flag_values.h"

namespace pelo::cli {
namespace {

// prog [-v] [--log-file FILE]; prog sub [--db FILE] ID; prog sub deep; hidden prog secret.
struct SampleCommandLine {
  CLI::App app{"prog: does things"};
  int verbosity = 0;
  std::string log_file, db, id, secret;
  std::vector<std::string> ids;

  SampleCommandLine() {
    app.fallthrough();
    app.add_flag("-v,--verbose", verbosity, "Say more");
    FileValue(app.add_option("--log-file", log_file, "Log here"));
    CLI::App* sub = app.add_subcommand("sub", "A command");
    sub->require_subcommand(0, 1);
    FileValue(sub->add_option("--db", db, "Database"));
    sub->add_option("id", id, "The id")->required();
    sub->add_option("more", ids, "More ids");
    sub->add_subcommand("deep", "Nested");
    app.add_subcommand("secret", "Hidden")->group("");
    app.add_option("--hidden", secret, "Hidden too")->group("");
  }
};

TEST(DescribeCommandLine, ReadsCommandsFlagsAndArguments) {
  SampleCommandLine line;
  const CommandDoc doc = DescribeCommandLine(line.app, "prog");
  EXPECT_EQ(doc.FullName(), "prog");
  EXPECT_EQ(doc.description, "prog: does things");
  ASSERT_EQ(doc.commands.size(), 1u) << "the hidden command is left out";
  const CommandDoc& sub = doc.commands[0];
  EXPECT_EQ(sub.FullName(), "prog sub");
  EXPECT_FALSE(sub.needs_command);
  EXPECT_TRUE(sub.inherits_flags);
  ASSERT_EQ(sub.commands.size(), 1u);
  EXPECT_EQ(sub.commands[0].path, (std::vector<std::string>{"prog", "sub", "deep"}));

  ASSERT_EQ(sub.positionals.size(), 2u);
  EXPECT_EQ(sub.positionals[0].positional, "id");
  EXPECT_TRUE(sub.positionals[0].required);
  EXPECT_FALSE(sub.positionals[0].repeatable);
  EXPECT_TRUE(sub.positionals[1].repeatable);

  std::vector<std::string> flags;
  for (const OptionDoc& flag : doc.flags) flags.push_back(flag.main_name());
  EXPECT_EQ(flags, (std::vector<std::string>{"--help", "--verbose", "--log-file"}));
  EXPECT_EQ(doc.flags[1].names, (std::vector<std::string>{"-v", "--verbose"}));
  EXPECT_TRUE(doc.flags[1].repeatable) << "-vv counts";
  EXPECT_FALSE(doc.flags[1].takes_value());
  EXPECT_EQ(doc.flags[2].value_name, "FILE");
  EXPECT_EQ(doc.flags[2].values.kind, ValueKind::kFile);
}

TEST(DescribeCommandLine, FlagsOfTheCommandsAboveWorkBelowThem) {
  SampleCommandLine line;
  const CommandDoc doc = DescribeCommandLine(line.app, "prog");
  const CommandDoc& sub = doc.commands[0];
  std::vector<std::string> names;
  for (const OptionDoc& flag : sub.EffectiveFlags({&doc})) names.push_back(flag.main_name());
  // --help once: the command's own.
  EXPECT_EQ(names, (std::vector<std::string>{"--help", "--db", "--verbose", "--log-file"}));
  std::vector<std::string> deep;
  for (const OptionDoc& flag : sub.commands[0].EffectiveFlags({&doc, &sub})) {
    deep.push_back(flag.main_name());
  }
  EXPECT_EQ(deep, (std::vector<std::string>{"--help", "--db", "--verbose", "--log-file"}));
}

TEST(DescribeCommandLine, ACommandThatKeepsItsFlagsInheritsNone) {
  CLI::App app;
  bool quiet = false;
  app.add_flag("--quiet", quiet, "Quiet");
  app.add_subcommand("sub", "No fallthrough");  // added before fallthrough(): not inherited
  const CommandDoc doc = DescribeCommandLine(app, "p");
  EXPECT_FALSE(doc.commands[0].inherits_flags);
  EXPECT_EQ(doc.commands[0].EffectiveFlags({&doc}).size(), 1u);  // its --help
}

TEST(ForEachCommand, VisitsDepthFirstWithAncestors) {
  SampleCommandLine line;
  const CommandDoc doc = DescribeCommandLine(line.app, "prog");
  std::vector<std::string> seen;
  ForEachCommand(doc, [&seen](const CommandDoc& command, const auto& ancestors) {
    seen.push_back(command.FullName() + "/" + std::to_string(ancestors.size()));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"prog/0", "prog sub/1", "prog sub deep/2"}));
}

}  // namespace
}  // namespace pelo::cli
