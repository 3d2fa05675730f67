#include "roff.h"

#include <gtest/gtest.h>

namespace pelo::cli {
namespace {

TEST(RoffText, RequestsAtTheStartOfALineAreGuarded) {
  EXPECT_EQ(RoffText(".so /etc/passwd"), "\\&.so /etc/passwd");
  EXPECT_EQ(RoffText("'br"), "\\&'br");
  EXPECT_EQ(RoffText("  .TH X"), "\\&.TH X");  // leading white space goes, the guard stays
  EXPECT_EQ(RoffText("a.b 'c'"), "a.b 'c'");   // not at a line's start: nothing to guard
}

TEST(RoffText, NewlinesCannotStartALine) {
  const std::string text = RoffText("fine\n.TH EVIL 1\n\n'sp 100\r\n\tend ");
  EXPECT_EQ(text, "fine .TH EVIL 1 'sp 100 end");
  EXPECT_EQ(text.find('\n'), std::string::npos);
}

TEST(RoffText, BackslashesAndHyphensAreLiteral) {
  EXPECT_EQ(RoffText("\\fBbold\\fR \\n(.t \\\\"), "\\efBbold\\efR \\en(.t \\e\\e");
  EXPECT_EQ(RoffText("--db YYYY-MM-DD -v"), "\\-\\-db YYYY\\-MM\\-DD \\-v");
  EXPECT_EQ(RoffText("trailing\\"), "trailing\\e");
}

TEST(RoffText, NonAsciiBecomesNamedCodePoints) {
  EXPECT_EQ(RoffText("\xc2\xa7"
                     "5.2 caf\xc3\xa9"),
            "\\[u00A7]5.2 caf\\[u00E9]");
  EXPECT_EQ(RoffText("\xf0\x9f\x9a\xb4"), "\\[u1F6B4]");
  // Not UTF-8: a stray byte, an overlong '/', a surrogate, a sequence cut short.
  EXPECT_EQ(RoffText("a\xff"
                     "b"),
            "a\\[uFFFD]b");
  EXPECT_EQ(RoffText("\xc0\xaf"), "\\[uFFFD]\\[uFFFD]");
  EXPECT_EQ(RoffText("\xed\xa0\x80"), "\\[uFFFD]\\[uFFFD]\\[uFFFD]");
  EXPECT_EQ(RoffText("x\xe2\x82"), "x\\[uFFFD]\\[uFFFD]");
}

TEST(RoffText, ControlAndBidiCharactersAreDropped) {
  EXPECT_EQ(RoffText("\x1b[31mred\x1b[0m\x07"), "[31mred[0m");
  EXPECT_EQ(RoffText("a\xc2\x9b"
                     "b\xe2\x80\xae"
                     "c\x7f"),
            "abc");
}

TEST(RoffText, EveryResultIsOneLineOfAscii) {
  for (const char* hostile : {".\\\"", "\n.\n'\n", "\xff\xfe\x00", "\\", "-", "\"\"\"", "\t.x"}) {
    for (char c : RoffText(hostile)) {
      EXPECT_TRUE(c >= 0x20 && c < 0x7f) << static_cast<int>(c) << " in " << RoffText(hostile);
    }
  }
}

TEST(RoffArgument, QuotesAreEscapedInsideTheQuotes) {
  EXPECT_EQ(RoffArgument("pelo 0.1.0"), "\"pelo 0.1.0\"");
  EXPECT_EQ(RoffArgument("say \"hi\" -x"), "\"say \\(dqhi\\(dq \\-x\"");
}

TEST(RoffFonts, BoldAndItalicCloseTheirFont) {
  EXPECT_EQ(RoffBold("--db"), "\\fB\\-\\-db\\fR");
  EXPECT_EQ(RoffItalic("\\fI"), "\\fI\\efI\\fR");
}

}  // namespace
}  // namespace pelo::cli
