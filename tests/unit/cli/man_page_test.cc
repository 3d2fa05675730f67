#include "man_page.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

namespace pelo::cli {
namespace {

// tool [--level L]; tool run [--out FILE] [--mode a|b] NAME; tool run fast; tool stop.
struct ManSample {
  CLI::App app{"tool 1.0: does things"};
  std::string level, out, mode, name;
  ManSample() {
    app.fallthrough();
    Suggest(app.add_option("--level", level, "How loud"), {"low", "high"});
    CLI::App* run = app.add_subcommand("run", "Run it");
    FileValue(app.get_subcommand("run")->add_option("--out", out, "Where to"));
    OneOf(run->add_option("--mode", mode, "Which way")->capture_default_str(), {"a", "b"});
    run->add_option("name", name, "What to run")->required();
    run->add_subcommand("fast", "Run it fast");
    app.add_subcommand("stop", ".TH EVIL 1\n'sp \\fBno\\fR");
  }
  ManContext Context() const {
    ManContext context;
    context.tagline = "does things";
    context.source = "tool 1.0";
    context.exit_status = {{"0", "ok"}, {"2", "usage"}};
    context.environment = {{"TOOL_HOME", "where it lives"}};
    context.files = {{"~/.tool", "its settings"}};
    context.see_also = {"other(1)"};
    return context;
  }
};

// The requests of a page, in order ("TH", "SH", ...).
std::vector<std::string> Requests(const std::string& page) {
  std::vector<std::string> requests;
  std::istringstream lines(page);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && (line[0] == '.' || line[0] == '\'')) {
      requests.push_back(line.substr(
          1, line.find(' ') == std::string::npos ? std::string::npos : line.find(' ') - 1));
    }
  }
  return requests;
}

TEST(ManPages, OnePerTopLevelCommand) {
  ManSample sample;
  const auto pages = ManPages(DescribeCommandLine(sample.app, "tool"), sample.Context());
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].name, "tool");
  EXPECT_EQ(pages[1].name, "tool-run");
  EXPECT_EQ(pages[2].name, "tool-stop");
}

TEST(ManPages, TheProgramPageListsOptionsCommandsAndTheTables) {
  ManSample sample;
  const std::string page =
      ManPages(DescribeCommandLine(sample.app, "tool"), sample.Context())[0].text;
  EXPECT_EQ(page.rfind(".TH \"TOOL\" 1 \"\" \"tool 1.0\" \"tool manual\"\n", 0), 0u) << page;
  EXPECT_NE(page.find(".SH NAME\ntool \\- does things\n"), std::string::npos);
  EXPECT_NE(page.find("\\fBtool\\fR [\\fIOPTIONS\\fR] [\\fICOMMAND\\fR]"), std::string::npos);
  EXPECT_NE(page.find("\\fB\\-\\-level\\fR \\fITEXT\\fR\nHow loud. Values such as: low, high."),
            std::string::npos)
      << page;
  EXPECT_NE(page.find(".TP\n\\fBrun\\fR\nRun it. See \\fBtool\\-run\\fR(1).\n"), std::string::npos);
  for (const char* section :
       {".SH EXIT STATUS\n.TP\n\\fB0\\fR\nok.\n", ".SH ENVIRONMENT\n",
        "\\fBTOOL_HOME\\fR\nwhere it lives.", ".SH FILES\n.TP\n\\fI~/.tool\\fR",
        ".SH SEE ALSO\n\\fBtool\\-run\\fR(1), \\fBtool\\-stop\\fR(1), "
        "\\fBother\\fR(1)\n"}) {
    EXPECT_NE(page.find(section), std::string::npos) << section << "\n" << page;
  }
}

TEST(ManPages, ACommandPageHoldsItsSubcommands) {
  ManSample sample;
  const std::string page =
      ManPages(DescribeCommandLine(sample.app, "tool"), sample.Context())[1].text;
  EXPECT_NE(page.find(".SH NAME\ntool\\-run \\- Run it\n"), std::string::npos) << page;
  EXPECT_NE(page.find("\\fBtool run\\fR [\\fIOPTIONS\\fR] \\fIname\\fR [\\fICOMMAND\\fR]"),
            std::string::npos);
  EXPECT_NE(page.find("\\fIname\\fR \\fITEXT\\fR\nWhat to run. Required."), std::string::npos);
  EXPECT_NE(page.find("\\fB\\-\\-mode\\fR \\fITEXT:{a,b}\\fR"), std::string::npos);
  EXPECT_NE(page.find("\\fB\\-\\-out\\fR \\fIFILE\\fR"), std::string::npos);
  EXPECT_NE(page.find(".SS\ntool run fast\n\\fBtool run fast\\fR [\\fIOPTIONS\\fR]\n.PP\nRun it "
                      "fast.\n"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("The options of \\fBtool\\fR(1) also work"), std::string::npos);
  EXPECT_NE(page.find(".SH EXIT STATUS"), std::string::npos);
  EXPECT_NE(page.find(".SH SEE ALSO\n\\fBtool\\fR(1)\n"), std::string::npos);
}

TEST(ManPages, ADescriptionAddsNoRequest) {
  ManSample sample;
  const std::string page =
      ManPages(DescribeCommandLine(sample.app, "tool"), sample.Context())[2].text;
  const std::vector<std::string> requests = Requests(page);
  const std::set<std::string> allowed = {"TH", "nh", "ad", "SH", "SS", "TP", "PP"};
  for (const std::string& request : requests) EXPECT_TRUE(allowed.count(request)) << request;
  EXPECT_NE(page.find("\\&.TH EVIL 1 'sp \\efBno\\efR"), std::string::npos) << page;
}

TEST(WriteManPages, WritesEachPageAsNameDot1) {
  ManSample sample;
  const std::string dir = ::testing::TempDir() + "/pelo-man-page-test";
  const auto pages = ManPages(DescribeCommandLine(sample.app, "tool"), sample.Context());
  ASSERT_TRUE(WriteManPages(pages, dir).ok());
  for (const ManPage& page : pages) {
    std::ifstream file(dir + "/" + page.name + ".1");
    std::stringstream text;
    text << file.rdbuf();
    EXPECT_EQ(text.str(), page.text);
  }
  const Status bad = WriteManPages(pages, "/proc/no-such-dir");
  EXPECT_EQ(bad.code(), ErrorCode::kStorage);
}

}  // namespace
}  // namespace pelo::cli
