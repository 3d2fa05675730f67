#include "man_page.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "sample_command_doc.h"

namespace pelo::cli {
namespace {

ManContext SampleManContext() {
  ManContext context;
  context.tagline = "does things";
  context.source = "tool 1.0";
  context.exit_status = {{"0", "ok"}, {"2", "usage"}};
  context.environment = {{"TOOL_HOME", "where it lives"}};
  context.files = {{"~/.tool", "its settings"}};
  context.see_also = {"other(1)"};
  return context;
}

std::vector<ManPage> SamplePages() { return ManPages(SampleCommandDoc(), SampleManContext()); }

// The requests of a page, in order ("TH", "SH", ...).
std::vector<std::string> RequestsOf(const std::string& page) {
  std::vector<std::string> requests;
  std::istringstream lines(page);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && (line[0] == '.' || line[0] == '\'')) {
      requests.push_back(line.substr(1, line.find(' ') - 1));
    }
  }
  return requests;
}

TEST(ManPages, OnePerTopLevelCommand) {
  const auto pages = SamplePages();
  ASSERT_EQ(pages.size(), 4u);
  EXPECT_EQ(pages[0].name, "tool");
  EXPECT_EQ(pages[1].name, "tool-run");
  EXPECT_EQ(pages[2].name, "tool-stop");
  EXPECT_EQ(pages[3].name, "tool-stats");
}

TEST(ManPages, TheProgramPageListsOptionsCommandsAndTheTables) {
  const std::string page = SamplePages()[0].text;
  EXPECT_EQ(page.rfind(".TH \"TOOL\" 1 \"\" \"tool 1.0\" \"tool manual\"\n.nh\n.ad l\n", 0), 0u)
      << page;
  for (const char* part : {
           ".SH NAME\ntool \\- does things\n",
           ".SH SYNOPSIS\n\\fBtool\\fR [\\fIOPTIONS\\fR] \\fICOMMAND\\fR\n",
           ".SH DESCRIPTION\ntool 1.0: does things.\n",
           ".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nPrint this help message and exit.\n",
           ".TP\n\\fB\\-\\-level\\fR \\fITEXT\\fR\nHow loud. Values such as: low, high.\n",
           ".TP\n\\fBrun\\fR\nRun it. See \\fBtool\\-run\\fR(1).\n",
           ".SH EXIT STATUS\n.TP\n\\fB0\\fR\nok.\n.TP\n\\fB2\\fR\nusage.\n",
           ".SH ENVIRONMENT\n.TP\n\\fBTOOL_HOME\\fR\nwhere it lives.\n",
           ".SH FILES\n.TP\n\\fI~/.tool\\fR\nits settings.\n",
           ".SH SEE ALSO\n\\fBtool\\-run\\fR(1), \\fBtool\\-stop\\fR(1), \\fBtool\\-stats\\fR(1), "
           "\\fBother\\fR(1)\n",
       }) {
    EXPECT_NE(page.find(part), std::string::npos) << part << "\n---\n" << page;
  }
}

TEST(ManPages, ACommandPageHoldsItsOptionsAndSubcommands) {
  const std::string page = SamplePages()[1].text;
  for (const char* part : {
           ".SH NAME\ntool\\-run \\- Run it\n",
           ".SH SYNOPSIS\n\\fBtool run\\fR [\\fIOPTIONS\\fR] \\fIname\\fR [\\fICOMMAND\\fR]\n",
           "The options of \\fBtool\\fR(1) also work after the command's name.",
           ".SH ARGUMENTS\n.TP\n\\fIname\\fR \\fITEXT\\fR\nWhat to run. Required.\n",
           ".TP\n\\fB\\-o\\fR, \\fB\\-\\-out\\fR \\fIFILE\\fR\nWhere to.\n",
           ".TP\n\\fB\\-\\-mode\\fR \\fITEXT:{a,b}\\fR\nWhich way. Default: a. Excludes: "
           "\\-\\-out.\n",
           ".SH COMMANDS\n.SS\ntool run fast\n\\fBtool run fast\\fR [\\fIOPTIONS\\fR]\n.PP\nRun it "
           "fast.\n",
           ".SH EXIT STATUS\n",
           ".SH SEE ALSO\n\\fBtool\\fR(1)\n",
       }) {
    EXPECT_NE(page.find(part), std::string::npos) << part << "\n---\n" << page;
  }
  // Nested two deep: stats' page describes `tool stats zones` with its flags.
  const std::string stats = SamplePages()[3].text;
  EXPECT_NE(stats.find(".SS\ntool stats zones\n\\fBtool stats zones\\fR [\\fIOPTIONS\\fR] "
                       "[\\fIname\\fR]\n"),
            std::string::npos)
      << stats;
  EXPECT_NE(stats.find("\\fB\\-\\-by\\fR \\fITEXT:{week,month}\\fR\nPeriod.\n"), std::string::npos);
}

TEST(ManPages, ADescriptionAddsNoRequest) {
  const std::string page = SamplePages()[2].text;
  const std::set<std::string> allowed = {"TH", "nh", "ad", "SH", "SS", "TP", "PP"};
  for (const std::string& request : RequestsOf(page)) {
    EXPECT_TRUE(allowed.count(request)) << request << "\n" << page;
  }
  EXPECT_NE(page.find("\\&.TH EVIL 1 'sp \\efBno\\efR"), std::string::npos) << page;
}

TEST(WriteManPages, WritesEachPageAsNameDot1) {
  const std::string dir = ::testing::TempDir() + "/pelo-man-page-test";
  const auto pages = SamplePages();
  ASSERT_TRUE(WriteManPages(pages, dir).ok());
  for (const ManPage& page : pages) {
    std::ifstream file(dir + "/" + page.name + ".1");
    std::stringstream text;
    text << file.rdbuf();
    EXPECT_EQ(text.str(), page.text);
  }
  EXPECT_EQ(WriteManPages(pages, "/proc/no-such-dir").code(), ErrorCode::kStorage);
}

}  // namespace
}  // namespace pelo::cli
