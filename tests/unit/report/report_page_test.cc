// The pages (the report, the workouts list, the workout page): each template filled in once,
// data that cannot end its script element, and a Content-Security-Policy whose hashes are those
// of the page's scripts.
#include <gtest/gtest.h>
#include <openssl/sha.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "pelo/common/base64.h"
#include "pelo/report/assets.h"
#include "pelo/report/report.h"

namespace pelo::report {
namespace {

// The text of every <script ...>...</script> element of `page`, in order.
std::vector<std::string> Scripts(const std::string& page) {
  std::vector<std::string> out;
  size_t from = 0;
  while (true) {
    const size_t open = page.find("<script", from);
    if (open == std::string::npos) break;
    const size_t body = page.find('>', open) + 1;
    const size_t close = page.find("</script>", body);
    EXPECT_NE(close, std::string::npos);
    out.push_back(page.substr(body, close - body));
    from = close + 9;
  }
  return out;
}

std::string Sha256Base64(const std::string& text) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  return Base64Encode(std::string(reinterpret_cast<const char*>(digest), sizeof(digest)));
}

struct PageCase {
  Page page;
  const char* script;  // the page's own script
};

class Pages : public ::testing::TestWithParam<PageCase> {};

TEST_P(Pages, DataThatLooksLikeMarkupOrAMarkerStaysData) {
  const std::string hostile =
      R"({"title":"</script><script>alert(1)</script><!-- @PELO_DATA@ @PELO_CSP@ &amp;"})";
  auto page = RenderPage(GetParam().page, hostile);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->find("alert(1)</script>"), std::string::npos);
  EXPECT_EQ(page->find("<!-- @PELO"), std::string::npos);
  const std::vector<std::string> scripts = Scripts(*page);
  ASSERT_EQ(scripts.size(), 4u);  // the data, uPlot, the shared script, the page's own
  EXPECT_EQ(nlohmann::json::parse(scripts[0]), nlohmann::json::parse(hostile));
  EXPECT_EQ(scripts[1], std::string(FindAsset("uPlot.iife.min.js")->bytes));
  EXPECT_EQ(scripts[2], std::string(FindAsset("common.js")->bytes));
  EXPECT_EQ(scripts[3], std::string(FindAsset(GetParam().script)->bytes));
}

TEST_P(Pages, OnlyTheirOwnScriptsMayRunAndNothingIsFetched) {
  auto page = RenderPage(GetParam().page, "{}");
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  std::smatch csp;
  ASSERT_TRUE(std::regex_search(
      *page, csp, std::regex(R"re(http-equiv="Content-Security-Policy" content="([^"]*)")re")));
  const std::vector<std::string> scripts = Scripts(*page);
  ASSERT_EQ(scripts.size(), 4u);
  EXPECT_EQ(csp[1].str(), "default-src 'none'; script-src 'sha256-" + Sha256Base64(scripts[1]) +
                              "' 'sha256-" + Sha256Base64(scripts[2]) + "' 'sha256-" +
                              Sha256Base64(scripts[3]) +
                              "'; style-src 'unsafe-inline'; img-src data:");
  // No marker left, no address to fetch.
  EXPECT_EQ(page->find("@PELO_"), std::string::npos);
  EXPECT_FALSE(std::regex_search(*page, std::regex(R"((src|href)\s*=\s*["']?(https?:|//))")));
}

TEST_P(Pages, TheChartLibrarysLicenceIsInThePage) {
  auto page = RenderPage(GetParam().page, "{}");
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->find("uPlot (https://github.com/leeoniya/uPlot)"), std::string::npos);
  EXPECT_NE(page->find("MIT License"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Report, Pages,
    ::testing::Values(PageCase{Page::kReport, "report.js"},
                      PageCase{Page::kWorkouts, "workouts.js"},
                      PageCase{Page::kWorkout, "workout.js"}),
    [](const ::testing::TestParamInfo<PageCase>& param) {
      return std::string(param.param.script).substr(0, std::string(param.param.script).find('.'));
    });

TEST(ReportAssets, OnlyTheEmbeddedNamesAreFound) {
  EXPECT_TRUE(FindAsset("report.js"));
  EXPECT_TRUE(FindAsset("uPlot.min.css"));
  for (const char* name : {"", "../report.js", "/report.js", "report.js/", "REPORT.JS"}) {
    EXPECT_FALSE(FindAsset(name)) << name;
  }
}

}  // namespace
}  // namespace pelo::report
