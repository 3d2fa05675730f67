#include "pelo/common/strings.h"

#include <gtest/gtest.h>

namespace pelo {
namespace {

TEST(Strings, LowerChangesOnlyAsciiCapitals) {
  EXPECT_EQ(Lower("Set-Cookie: ÄB"), "set-cookie: Äb");
  EXPECT_EQ(Lower(""), "");
}

TEST(Strings, TrimRemovesAsciiWhiteSpaceAtBothEnds) {
  EXPECT_EQ(Trim(" \t a b \r\n"), "a b");
  EXPECT_EQ(Trim("   "), "");
  EXPECT_EQ(Trim("\xc2\xa0x"), "\xc2\xa0x");  // a no-break space is not ASCII white space
}

TEST(Strings, EqualsIgnoreCaseComparesAsciiLettersOnly) {
  EXPECT_TRUE(EqualsIgnoreCase("Content-Type", "content-type"));
  EXPECT_FALSE(EqualsIgnoreCase("Content-Type", "content-typ"));
  EXPECT_FALSE(EqualsIgnoreCase("É", "é"));
}

TEST(Strings, FormDecodeReadsPlusAndPercentAndKeepsAMalformedPercent) {
  EXPECT_EQ(FormDecode("pass%77ord+x%2B%zz%4"), "password x+%zz%4");
  EXPECT_EQ(FormDecode("%E2%82%AC"), "\xe2\x82\xac");
}

TEST(Strings, HtmlEscapeWritesTheFiveSpecialCharactersAsEntities) {
  EXPECT_EQ(HtmlEscape(R"(<a href="x" title='y'>&</a>)"),
            "&lt;a href=&#34;x&#34; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape("plain \xe2\x82\xac"), "plain \xe2\x82\xac");
}

}  // namespace
}  // namespace pelo
