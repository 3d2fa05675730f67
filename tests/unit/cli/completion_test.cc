// What the scripts are made of; that bash, zsh and fish complete with them is shown by
// tests/cli/cli_docs_test.cc, which drives the shells.
#include "completion.h"

#include <gtest/gtest.h>

namespace pelo::cli {
namespace {

struct CompletionSample {
  CLI::App app{"my-tool: does things"};
  std::string by, db, name;
  CompletionSample() {
    app.fallthrough();
    FileValue(app.add_option("--db", db, "Database"));
    CLI::App* stats = app.add_subcommand("stats", "Numbers");
    CLI::App* zones = stats->add_subcommand("zones", "Zones: it's [hot]");
    OneOf(zones->add_option("--by", by, "Period"), {"week", "month"});
    Suggest(zones->add_option("name", name, "A name"), {"$(rm -rf ~)", "a b"});
  }
};

TEST(ShellQuoting, SingleQuotesForEachShell) {
  EXPECT_EQ(ShellQuote("it's $HOME `x` \\"), "'it'\\''s $HOME `x` \\'");
  EXPECT_EQ(FishQuote("it's \\ $HOME"), "'it\\'s \\\\ $HOME'");
  EXPECT_EQ(FunctionName("pelo-sim.v2"), "pelo_sim_v2");
}

TEST(BashCompletion, TablesOfCommandsFlagsAndValues) {
  CompletionSample sample;
  const std::string script = BashCompletion(DescribeCommandLine(sample.app, "my-tool"));
  EXPECT_NE(script.find("complete -F _my_tool 'my-tool'\n"), std::string::npos);
  EXPECT_NE(script.find("    'my-tool stats') REPLY='zones' ;;"), std::string::npos) << script;
  EXPECT_NE(script.find("    'my-tool stats zones') REPLY='-h --help --by --db' ;;"),
            std::string::npos);
  EXPECT_NE(script.find("'my-tool stats zones --by') REPLY='week month'; return 0 ;;"),
            std::string::npos);
  EXPECT_NE(script.find("'my-tool --db') REPLY='@file'; return 0 ;;"), std::string::npos);
  // compgen -W expands its words again: a suggested value cannot run anything.
  EXPECT_NE(script.find("'my-tool stats zones 0') REPLY='\\$\\(rm\\ -rf\\ \\~\\) a\\ b' ;;"),
            std::string::npos)
      << script;
}

TEST(ZshCompletion, AnArgumentsFunctionPerCommand) {
  CompletionSample sample;
  const std::string script = ZshCompletion(DescribeCommandLine(sample.app, "my-tool"));
  EXPECT_EQ(script.rfind("#compdef my-tool\n", 0), 0u);
  EXPECT_NE(script.find("_my_tool__stats__zones() {"), std::string::npos);
  EXPECT_NE(script.find("'--by=[Period]:TEXT:(week month)'"), std::string::npos) << script;
  EXPECT_NE(script.find("'--db=[Database]:FILE:_files'"), std::string::npos);
  EXPECT_NE(script.find("'zones:Zones\\: it'\\''s \\[hot\\]'"), std::string::npos) << script;
  EXPECT_NE(script.find("'zones') _my_tool__stats__zones && ret=0 ;;"), std::string::npos);
  EXPECT_NE(script.find("compdef _my_tool my-tool"), std::string::npos);
}

TEST(FishCompletion, CompleteLinesWithCommandConditions) {
  CompletionSample sample;
  const std::string script = FishCompletion(DescribeCommandLine(sample.app, "my-tool"));
  EXPECT_NE(script.find("complete -c 'my-tool' -n '__fish_my_tool_at \\'my-tool stats\\'' -a "
                        "'zones' -d 'Zones: it\\'s [hot]'"),
            std::string::npos)
      << script;
  EXPECT_NE(script.find("-n '__fish_my_tool_in \\'my-tool stats zones\\'' -l 'by' -x -a "
                        "'week month'"),
            std::string::npos);
  EXPECT_NE(script.find("-l 'db' -r -F"), std::string::npos);
  EXPECT_NE(script.find("'my-tool stats zones --by'"), std::string::npos) << "a flag with a value";
}

}  // namespace
}  // namespace pelo::cli
