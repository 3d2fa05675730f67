// What the scripts are made of; that bash, zsh and fish complete with them is shown by
// tests/cli/cli_docs_test.cc, which drives the shells.
#include "completion.h"

#include <gtest/gtest.h>

#include "sample_command_doc.h"

namespace pelo::cli {
namespace {

TEST(ShellQuoting, SingleQuotesForEachShell) {
  EXPECT_EQ(ShellQuote("it's $HOME `x` \\"), "'it'\\''s $HOME `x` \\'");
  EXPECT_EQ(FishQuote("it's \\ $HOME"), "'it\\'s \\\\ $HOME'");
  EXPECT_EQ(FunctionName("pelo-sim.v2"), "pelo_sim_v2");
  EXPECT_EQ(ReplaceAll("FN FN_x", "FN", "_pelo"), "_pelo _pelo_x");
}

TEST(BashCompletion, TablesOfCommandsFlagsAndValues) {
  const std::string script = BashCompletion(SampleCommandDoc());
  for (const char* part : {
           "complete -F _tool 'tool'\n",
           "    'tool') REPLY='run stop stats' ;;\n",
           "    'tool stats') REPLY='zones' ;;\n",
           // A command's flags with those of the commands above it, --help once.
           "    'tool stats zones') REPLY='-h --help --by --level --db' ;;\n",
           "      'tool stats zones --by') REPLY='week month'; return 0 ;;\n",
           "      'tool --db') REPLY='@file'; return 0 ;;\n",
           "      'tool run -o'|'tool run --out') REPLY='@file'; return 0 ;;\n",
           "    'tool run 0') REPLY='' ;;\n",
           // compgen -W expands its words again: a suggested value cannot run anything.
           "    'tool stats zones 0') REPLY='\\$\\(rm\\ -rf\\ \\~\\) a\\ b' ;;\n",
       }) {
    EXPECT_NE(script.find(part), std::string::npos) << part << "\n---\n" << script;
  }
}

TEST(ZshCompletion, AnArgumentsFunctionPerCommand) {
  const std::string script = ZshCompletion(SampleCommandDoc());
  EXPECT_EQ(script.rfind("#compdef tool\n", 0), 0u);
  for (const char* part : {
           "_tool__stats__zones() {\n",
           "    '--by=[Period]:TEXT:(week month)' \\\n",
           "    '--db=[Database]:FILE:_files' \\\n",  // inherited from tool
           "    '(-o --out)-o+[Where to]:FILE:_files' \\\n",
           "    '(--out)--mode=[Which way]:TEXT:(a b)' \\\n",
           "      _arguments '1:name: ' && ret=0\n",
           "    '1::name:(\\$\\(rm\\ -rf\\ \\~\\) a\\ b)' \\\n",
           "        'zones:Zones\\: it'\\''s \\[hot\\]'\n",
           "        'zones') _tool__stats__zones && ret=0 ;;\n",
           "  compdef _tool tool\n",
       }) {
    EXPECT_NE(script.find(part), std::string::npos) << part << "\n---\n" << script;
  }
}

TEST(FishCompletion, CompleteLinesWithCommandConditions) {
  const std::string script = FishCompletion(SampleCommandDoc());
  for (const char* part : {
           "complete -c 'tool' -n '__fish_tool_at \\'tool stats\\'' -a 'zones' -d 'Zones: it\\'s "
           "[hot]'\n",
           "complete -c 'tool' -n '__fish_tool_in \\'tool stats zones\\'' -l 'by' -x -a 'week "
           "month' -d 'Period'\n",
           "complete -c 'tool' -n '__fish_tool_in \\'tool\\'' -l 'db' -r -F -d 'Database'\n",
           "-n '__fish_tool_arg \\'tool stats zones\\' 0' -x -a '\\\\$\\\\(rm\\\\ -rf\\\\ "
           "\\\\~\\\\) a\\\\ b'",
           "set -g __fish_tool_valued \\\n    'tool --level' \\\n",
       }) {
    EXPECT_NE(script.find(part), std::string::npos) << part << "\n---\n" << script;
  }
}

}  // namespace
}  // namespace pelo::cli
