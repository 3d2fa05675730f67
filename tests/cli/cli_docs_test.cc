// The manual pages and shell completions as a user gets them (ADR 0026): installed from this
// build (`cmake --install --component runtime` into a temporary prefix), then driven by the real
// programs: bash's completion function with COMP_WORDS, also loaded by the bash-completion
// package; fish's `complete -C`; zsh's completion system on a pseudo-terminal; man(1). And the
// no-drift check: every option each command's --help lists is in its manual page. Release-only
// (ADR 0014: tests that drive other programs).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "describe_command_line.h"
#include "man_page.h"
#include "process.h"

namespace pelo::testing {
namespace {

namespace fs = std::filesystem;

using Completions = std::map<std::string, std::set<std::string>>;

// "### LINE" headers, each followed by what the driver printed for it: a word a line (bash),
// "WORD<TAB>DESCRIPTION" (fish) or words separated by spaces (zsh).
Completions ParseDriverOutput(const std::string& out) {
  Completions all;
  std::set<std::string>* current = nullptr;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("### ", 0) == 0) {
      current = &all[line.substr(4)];
      continue;
    }
    if (current == nullptr) continue;
    line = line.substr(0, line.find('\t'));
    std::istringstream words(line);
    for (std::string word; words >> word;) current->insert(word);
  }
  return all;
}

// The lines under `heading` ("Options:") of a --help text, up to the next blank line.
std::vector<std::string> HelpSection(const std::string& help, const std::string& heading) {
  std::vector<std::string> section;
  std::istringstream lines(help);
  bool in = false;
  for (std::string line; std::getline(lines, line);) {
    if (line == heading) {
      in = true;
    } else if (in && line.empty()) {
      break;
    } else if (in) {
      section.push_back(line);
    }
  }
  return section;
}

// The first word of each entry of a --help section ("  -o,--output FILE ..." -> "-o,--output");
// the description lines of long entries, indented further, are skipped.
std::vector<std::string> EntryNames(const std::vector<std::string>& section) {
  std::vector<std::string> names;
  for (const std::string& line : section) {
    if (line.size() < 3 || line.rfind("  ", 0) != 0 || line[2] == ' ') continue;
    names.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  return names;
}

std::string RoffOf(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

// The programs these tests drive come from Debian packages: a missing one is a failure that says
// how to install it, never a skip.
::testing::AssertionResult Installed(const std::string& program) {
  if (fs::exists(program)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << program << " is missing: install it with scripts/install-deps.sh --tests";
}

std::string Sorted(const std::set<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

class InstalledDocsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    prefix_ = new TempDir();
    install_ = new ProcessResult(RunProcess({PELO_CMAKE, "--install", PELO_BINARY_DIR, "--prefix",
                                             prefix_->path(), "--component", "runtime"}));
  }
  static void TearDownTestSuite() {
    delete install_;
    delete prefix_;
  }
  void SetUp() override { ASSERT_EQ(install_->exit_code, 0) << install_->out << install_->err; }

  static std::string Share() { return prefix_->path() + "/share"; }
  static std::string Bin() { return prefix_->path() + "/bin"; }
  // A home of the test's own, so that no shell reads or writes the developer's dotfiles.
  std::map<std::string, std::string> ShellEnv() const {
    return {{"HOME", home_.path()},
            {"XDG_CONFIG_HOME", home_ / "config"},
            {"XDG_DATA_HOME", home_ / "data"},
            {"XDG_DATA_DIRS", Share()},
            {"PATH", Bin() + ":/usr/bin:/bin"},
            {"LC_ALL", "C.UTF-8"}};
  }
  // FILES/subdir and FILES/subfile, for path completion.
  std::string Files() const {
    fs::create_directories(files_ / "subdir");
    std::ofstream(files_ / "subfile") << "x";
    return files_.path();
  }

  static TempDir* prefix_;
  static ProcessResult* install_;
  TempDir home_;
  TempDir files_;
};

TempDir* InstalledDocsTest::prefix_ = nullptr;
ProcessResult* InstalledDocsTest::install_ = nullptr;

void ExpectCompletions(const Completions& got,
                       const std::vector<std::pair<std::string, std::string>>& want,
                       const std::string& shell) {
  for (const auto& [line, words] : want) {
    auto it = got.find(line);
    ASSERT_NE(it, got.end()) << shell << ": no answer for '" << line << "'";
    EXPECT_EQ(Sorted(it->second), words) << shell << ": '" << line << "'";
  }
}

TEST_F(InstalledDocsTest, BashCompletesCommandsFlagsAndTheirValues) {
  const std::string files = Files();
  const std::vector<std::pair<std::string, std::string>> want = {
      {"pelo sy", "sync"},
      {"pelo stats ", "curve drivers fitness ftp ride rides zones"},
      {"pelo stats zones --by ", "month week"},
      {"pelo stats zones --by =", "month week"},  // --by= (readline splits at '=')
      {"pelo stats zones --by = m", "month"},
      {"pelo export ", "fit gpx history-csv samples tcx workouts"},
      {"pelo export fit --laps ", "distance none segments targets"},
      {"pelo sync --log-l", "--log-level"},  // a global flag after the command
      {"pelo sync --log-level ", "debug error info off trace warn"},
      {"pelo sync --discipline cy", "cycling"},
      {"pelo -v --api-url http://127.0.0.1:9 sy", "sync"},
      {"pelo --log-file stats zo", ""},  // a flag's value is no command
      {"pelo challenges ", "current join leave past upcoming"},
      {"pelo completion ", "bash fish zsh"},
      {"pelo export fit --dir " + files + "/sub", files + "/subdir"},
      {"pelo --config " + files + "/sub", files + "/subdir " + files + "/subfile"},
  };
  std::vector<std::string> argv = {PELO_BASH, PELO_SOURCE_DIR "/tests/cli/complete_bash.sh",
                                   Share() + "/bash-completion/completions/pelo"};
  for (const auto& [line, words] : want) argv.push_back(line);
  ASSERT_TRUE(Installed(PELO_BASH));
  auto r = RunProcess(argv, ShellEnv());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  ExpectCompletions(ParseDriverOutput(r.out), want, "bash");
}

// The bash-completion package loads completions on first use from
// $XDG_DATA_DIRS/bash-completion/completions/<command>: where pelo's is installed.
TEST_F(InstalledDocsTest, BashCompletionPackageFindsAndRunsIt) {
  const std::vector<std::pair<std::string, std::string>> want = {
      {"pelo sy", "sync"},
      {"pelo export fit --laps ", "distance none segments targets"},
  };
  std::vector<std::string> argv = {PELO_BASH, PELO_SOURCE_DIR "/tests/cli/complete_bash.sh",
                                   "--loader"};
  for (const auto& [line, words] : want) argv.push_back(line);
  ASSERT_TRUE(Installed("/usr/share/bash-completion/bash_completion"));
  auto r = RunProcess(argv, ShellEnv());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ExpectCompletions(ParseDriverOutput(r.out), want, "bash-completion");
}

TEST_F(InstalledDocsTest, FishCompletesFromItsVendorDirectory) {
  const std::string files = Files();
  const std::vector<std::pair<std::string, std::string>> want = {
      {"pelo sy", "sync"},
      {"pelo stats ", "curve drivers fitness ftp ride rides zones"},
      {"pelo stats zones --by ", "month week"},
      {"pelo export fit --laps ", "distance none segments targets"},
      {"pelo sync --log-l", "--log-level"},
      {"pelo -v --api-url http://127.0.0.1:9 sy", "sync"},
      {"pelo --log-file stats zo", ""},
      {"pelo challenges ", "current join leave past upcoming"},
      {"pelo config set lthr ", ""},  // a value of free text: nothing, and no file names
      {"pelo export fit --dir " + files + "/sub", files + "/subdir/"},
  };
  std::vector<std::string> argv = {PELO_FISH, PELO_SOURCE_DIR "/tests/cli/complete_fish.fish"};
  for (const auto& [line, words] : want) argv.push_back(line);
  ASSERT_TRUE(Installed(PELO_FISH));
  auto r = RunProcess(argv, ShellEnv());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  ExpectCompletions(ParseDriverOutput(r.out), want, "fish");
}

TEST_F(InstalledDocsTest, ZshCompletionParsesAndCompletes) {
  ASSERT_TRUE(Installed(PELO_ZSH));
  const std::string files = Files();
  const std::string dir = Share() + "/zsh/vendor-completions";
  auto syntax = RunProcess({PELO_ZSH, "-n", dir + "/_pelo"}, ShellEnv());
  EXPECT_EQ(syntax.exit_code, 0) << syntax.err;
  EXPECT_EQ(syntax.err, "");

  const std::vector<std::pair<std::string, std::string>> want = {
      {"pelo sy", "sync"},
      {"pelo stats zones --by ", "month week"},
      {"pelo stats zones --by=", "month week"},
      {"pelo export fit --laps ", "distance none segments targets"},
      {"pelo sync --log-l", "--log-level"},
      {"pelo --log-file stats zo", ""},
      {"pelo challenges ", "current join leave past upcoming"},
      {"pelo export fit --dir " + files + "/sub", "subdir"},
      {"pelo --config " + files + "/sub", "subdir subfile"},
  };
  // A guard, not a timed assertion: a shell waiting forever must not hang the test run.
  std::vector<std::string> argv = {
      PELO_TIMEOUT, "120", PELO_ZSH, "-f", PELO_SOURCE_DIR "/tests/cli/complete_zsh.zsh", dir};
  for (const auto& [line, words] : want) argv.push_back(line);
  auto r = RunProcess(argv, ShellEnv());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ExpectCompletions(ParseDriverOutput(r.out), want, "zsh");
}

// `pelo completion SHELL` prints what is installed, so a build tree's pelo serves as well.
TEST_F(InstalledDocsTest, CompletionCommandPrintsTheInstalledScripts) {
  const std::map<std::string, std::string> installed = {
      {"bash", Share() + "/bash-completion/completions/pelo"},
      {"zsh", Share() + "/zsh/vendor-completions/_pelo"},
      {"fish", Share() + "/fish/vendor_completions.d/pelo.fish"}};
  for (const auto& [shell, path] : installed) {
    auto r = RunProcess({Bin() + "/pelo", "completion", shell});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, ReadFile(path)) << shell;
  }
  auto bad = RunProcess({Bin() + "/pelo", "completion", "tcsh"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("tcsh"), std::string::npos) << bad.err;
}

TEST_F(InstalledDocsTest, EveryPageRendersWithoutWarningsAndManFindsThem) {
  ASSERT_TRUE(Installed(PELO_MAN));
  const std::string man1 = Share() + "/man/man1";
  // pelo(1), pelo-sim(1) and one per top-level command, gzipped as Debian wants them.
  std::set<std::string> pages;
  for (const auto& entry : fs::directory_iterator(man1)) {
    pages.insert(entry.path().filename().string());
  }
  auto help = RunProcess({Bin() + "/pelo", "--help"});
  std::set<std::string> want = {"pelo.1.gz", "pelo-sim.1.gz"};
  for (const std::string& command : EntryNames(HelpSection(help.out, "Subcommands:"))) {
    want.insert("pelo-" + command + ".1.gz");
  }
  EXPECT_GT(want.size(), 30u);
  EXPECT_EQ(pages, want);

  // Every page through man's own pipeline (preconv, tbl, groff -man) in one run: the gzipped
  // pages joined are one gzip file of the pages one after the other, each opening with its .TH
  // (man per page costs 60 ms, and there are 39). A warning is looked for page by page.
  std::string joined;
  for (const std::string& page : pages) joined += ReadFile(man1 + "/" + page);
  std::ofstream(home_ / "all.1.gz", std::ios::binary) << joined;
  const std::map<std::string, std::string> env = {
      {"MANPAGER", "cat"}, {"MANWIDTH", "80"}, {"LC_ALL", "C.UTF-8"}, {"MANOPT", ""}};
  auto all = RunProcess({PELO_MAN, "--warnings", "-l", home_ / "all.1.gz"}, env);
  EXPECT_EQ(all.exit_code, 0) << all.err;
  if (!all.err.empty()) {
    for (const std::string& page : pages) {
      auto one = RunProcess({PELO_MAN, "--warnings", "-l", man1 + "/" + page}, env);
      EXPECT_EQ(one.err, "") << page;
    }
  }
  for (std::string page : pages) {
    page = page.substr(0, page.find('.'));
    std::transform(page.begin(), page.end(), page.begin(), ::toupper);
    EXPECT_NE(all.out.find(page + "(1)"), std::string::npos) << page << " has no header";
  }
  EXPECT_NE(all.out.find("pelo-sync - Fetch new workouts"), std::string::npos);

  // Looked up by name in the installed tree, as `man pelo-sync` finds it.
  auto sync = RunProcess({PELO_MAN, "-M", Share() + "/man", "pelo-sync"}, env);
  EXPECT_EQ(sync.exit_code, 0) << sync.err;
  EXPECT_NE(sync.out.find("--every-n"), std::string::npos) << sync.out;
  EXPECT_NE(sync.out.find("EXIT STATUS"), std::string::npos);
  EXPECT_NE(sync.out.find("PELO_LOG_LEVEL"), std::string::npos);
}

// The no-drift check: each option and argument that `--help` lists for a command, nested ones
// included, is in the manual page of its top-level command (pelo's global ones in pelo(1)).
TEST_F(InstalledDocsTest, EveryOptionOfEachHelpIsInItsPage) {
  const std::string man1 = PELO_BINARY_DIR "/docs/share/man/man1/";
  struct Command {
    std::vector<std::string> path;
    std::string binary;
    std::string page;
  };
  std::vector<Command> queue = {{{}, Bin() + "/pelo", "pelo"},
                                {{}, Bin() + "/pelo-sim", "pelo-sim"}};
  int checked = 0;
  while (!queue.empty()) {
    Command command = queue.back();
    queue.pop_back();
    std::vector<std::string> argv = {command.binary};
    argv.insert(argv.end(), command.path.begin(), command.path.end());
    argv.push_back("--help");
    auto help = RunProcess(argv);
    ASSERT_EQ(help.exit_code, 0) << help.err;
    const std::string page = ReadFile(man1 + command.page + ".1");
    ASSERT_FALSE(page.empty()) << command.page;
    for (const std::string& entry : EntryNames(HelpSection(help.out, "Options:"))) {
      std::istringstream names(entry);
      for (std::string name; std::getline(names, name, ',');) {
        EXPECT_NE(page.find("\\fB" + RoffOf(name) + "\\fR"), std::string::npos)
            << command.page << ".1 lacks " << name << " of `" << help.out.substr(0, 60) << "`";
        ++checked;
      }
    }
    for (const std::string& name : EntryNames(HelpSection(help.out, "Positionals:"))) {
      EXPECT_NE(page.find("\\fI" + RoffOf(name) + "\\fR"), std::string::npos)
          << command.page << ".1 lacks argument " << name;
      ++checked;
    }
    for (const std::string& sub : EntryNames(HelpSection(help.out, "Subcommands:"))) {
      Command next = command;
      next.path.push_back(sub);
      if (command.path.empty()) next.page = "pelo-" + sub;
      queue.push_back(next);
    }
  }
  EXPECT_GT(checked, 200);
}

// Descriptions that try to be roff: requests, escapes, font changes, quotes, control and
// non-ASCII characters all render as the text they are, with no warning from groff.
TEST(ManPageRoff, HostileDescriptionsRenderAsWritten) {
  ASSERT_TRUE(Installed(PELO_MAN));
  CLI::App app(
      ".so /etc/passwd\n'br \\fBbold\\fR \"quoted\" \x1b[31mred\xe2\x80\xae \xc2\xa7"
      "5");
  std::string value;
  app.add_option("--evil", value, ".TH X 9\n.\\\" a comment? \\\\ back-slash --not-a-flag");
  app.add_subcommand("sub", "\\n(.t 'sq");
  cli::ManContext context;
  context.source = "pelo 0.1.0";
  context.exit_status = {{"0", ".ok"}};
  TempDir dir;
  ASSERT_TRUE(
      cli::WriteManPages(cli::ManPages(cli::DescribeCommandLine(app, "evil"), context), dir.path())
          .ok());
  auto r = RunProcess({PELO_MAN, "--warnings", "-l", dir / "evil.1", dir / "evil-sub.1"},
                      {{"MANPAGER", "cat"}, {"MANWIDTH", "250"}, {"LC_ALL", "C.UTF-8"}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  for (const char* text :
       {".so /etc/passwd 'br \\fBbold\\fR \"quoted\" [31mred \xc2\xa7"
        "5",
        ".TH X 9 .\\\" a comment? \\\\ back-slash --not-a-flag", "\\n(.t 'sq", ".ok."}) {
    EXPECT_NE(r.out.find(text), std::string::npos) << text << "\n" << r.out;
  }
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(r.out.find("\xe2\x80\xae"), std::string::npos);
}

}  // namespace
}  // namespace pelo::testing
