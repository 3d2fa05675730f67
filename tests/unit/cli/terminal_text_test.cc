// TerminalText, DisplayWidth, PrefixOfWidth and TerminalStreambuf (apps/pelo/terminal_text.h).
#include "terminal_text.h"

#include <gtest/gtest.h>

#include <clocale>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace pelo::cli {
namespace {

using namespace std::string_literals;

// True when `text` holds a byte or code point that can steer a terminal: C0, DEL, C1, bidi
// controls, U+2028/U+2029 (all by their UTF-8 bytes), or a byte that is not UTF-8. '\n' is
// allowed when `newlines`.
bool HasRawControl(const std::string& text, bool newlines = false) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '\n' && newlines) continue;
    if (b < 0x20 || b == 0x7F) return true;
    if (b == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return true;  // C1
    }
    for (const char* bidi :
         {"\u061C", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066",
          "\u2067", "\u2068", "\u2069", "\u2028", "\u2029"}) {
      if (text.compare(i, std::char_traits<char>::length(bidi), bidi) == 0) return true;
    }
  }
  return false;
}

TEST(TerminalText, PrintableTextOfEveryScriptStaysAsIs) {
  for (const std::string& text :
       {"30 min Power Zone Ride"s, "Olivia Amato"s, "東京 ラン"s, "Ride 🚴‍♀️ 🔥"s,
        "Café"s, "e\u0301"s /* e + combining acute */, "עברית and العربية"s, "C:\\path\\x1b"s,
        ""s}) {
    EXPECT_EQ(TerminalText(text), text);
    EXPECT_EQ(TerminalText(text, Lines::kKeep), text);
  }
}

TEST(TerminalText, TheIssuesTitleShowsItsEscapeSequencesAsText) {
  const std::string hostile = "Ride \x1b[31mRED\x1b[0m \x1b]0;pwned\x07";
  EXPECT_EQ(TerminalText(hostile), "Ride \\x1b[31mRED\\x1b[0m \\x1b]0;pwned\\x07");
  EXPECT_FALSE(HasRawControl(TerminalText(hostile)));
}

TEST(TerminalText, EveryC0ControlAndDelIsEscaped) {
  for (int c = 0; c < 0x20; ++c) {
    const std::string text = "a"s + static_cast<char>(c) + "b";
    const std::string safe = TerminalText(text);
    EXPECT_FALSE(HasRawControl(safe)) << c;
    EXPECT_EQ(safe.front(), 'a');
    EXPECT_EQ(safe.back(), 'b');
  }
  EXPECT_EQ(TerminalText("a\nb\tc\rd"), "a\\nb\\tc\\rd");
  EXPECT_EQ(TerminalText("nul\0!"s), "nul\\x00!");
  EXPECT_EQ(TerminalText("\x7f"), "\\u007f");
}

TEST(TerminalText, C1ControlsAreEscapedCsiIncluded) {
  EXPECT_EQ(TerminalText("\u009b31mred"), "\\u009b31mred");  // C1 CSI: ESC [ in one code point
  for (char32_t c = 0x80; c <= 0x9F; ++c) {
    std::string text = "\xC2"s + static_cast<char>(c & 0xFF);
    const std::string safe = TerminalText(text);
    EXPECT_EQ(safe.substr(0, 2), "\\u") << static_cast<int>(c);
    EXPECT_FALSE(HasRawControl(safe));
  }
  EXPECT_EQ(TerminalText("\u00a0"), "\u00a0");  // no-break space, just past C1: printable
}

TEST(TerminalText, BidiControlsAndLineSeparatorsAreEscaped) {
  EXPECT_EQ(TerminalText("ride\u202Efdp.exe"), "ride\\u202efdp.exe");
  EXPECT_EQ(TerminalText("\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069"),
            "\\u061c\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069");
  EXPECT_EQ(TerminalText("one\u2028two\u2029"), "one\\u2028two\\u2029");
  // Zero-width joiners hold emoji together: they stay.
  EXPECT_EQ(TerminalText("👨\u200D👩\u200D👧"), "👨\u200D👩\u200D👧");
}

TEST(TerminalText, BytesThatAreNotUtf8AreEscaped) {
  EXPECT_EQ(TerminalText("a\xff"
                         "b"),
            "a\\xffb");
  EXPECT_EQ(TerminalText("\x80"), "\\x80");                             // a stray continuation byte
  EXPECT_EQ(TerminalText("\xC0\xAF"), "\\xc0\\xaf");                    // an overlong '/'
  EXPECT_EQ(TerminalText("\xED\xA0\x80"), "\\xed\\xa0\\x80");           // a UTF-16 surrogate
  EXPECT_EQ(TerminalText("cut \xE6\x9D"), "cut \\xe6\\x9d");            // 東 without its last byte
  EXPECT_EQ(TerminalText("\xF4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // past U+10FFFF
  EXPECT_EQ(TerminalText("\xC2\x9B"), "\\u009b");  // C1 CSI in UTF-8 is a code point
}

TEST(TerminalText, KeepLinesKeepsLineEndsOnly) {
  EXPECT_EQ(TerminalText("a,b\r\nc,\x1b[2J\n", Lines::kKeep), "a,b\r\nc,\\x1b[2J\n");
  EXPECT_EQ(TerminalText("over\rwrite\n", Lines::kKeep), "over\\rwrite\n");
  EXPECT_EQ(TerminalText("tab\there\n", Lines::kKeep), "tab\\there\n");
}

TEST(TerminalText, IsIdempotent) {
  const std::string hostile = "\x1b]0;x\x07\u009b\u202e\xff\n\t東";
  const std::string once = TerminalText(hostile);
  EXPECT_EQ(TerminalText(once), once);
  EXPECT_EQ(TerminalText(once, Lines::kKeep), once);
}

// JSON on a terminal goes through the same rule: it stays JSON, with the same data.
TEST(TerminalText, JsonStaysValidJsonWithTheSameData) {
  const nlohmann::json data = {
      {"title", "Ride \x1b[31mRED\x1b[0m \x1b]0;pwned\x07"},
      {"instructor", "\u202Eevil\u2066\u009b\x7f"},
      {"note", "a\\\u202E b\u2028"},  // a backslash right before an escaped code point
      {"cjk", "東京 🚴"}};
  for (int indent : {-1, 2}) {
    const std::string safe = TerminalText(data.dump(indent), Lines::kKeep);
    EXPECT_FALSE(HasRawControl(safe, /*newlines=*/true)) << safe;
    const auto parsed = nlohmann::json::parse(safe, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << safe;
    EXPECT_EQ(parsed, data);
  }
}

TEST(DisplayWidth, CountsColumnsByUnicodeWhateverTheLocale) {
  // The C locale knows no multibyte characters; the widths must not depend on it.
  std::setlocale(LC_ALL, "C");
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("Power Zone"), 10u);
  EXPECT_EQ(DisplayWidth("東京"), 4u);
  EXPECT_EQ(DisplayWidth("ラン"), 4u);
  EXPECT_EQ(DisplayWidth("🚴"), 2u);
  EXPECT_EQ(DisplayWidth("🔥 HIIT"), 7u);
  EXPECT_EQ(DisplayWidth("e\u0301"), 1u);  // a combining mark takes no column
  EXPECT_EQ(DisplayWidth("Café"), 4u);
  EXPECT_EQ(DisplayWidth("…"), 1u);  // East Asian ambiguous: 1 outside CJK encodings
  EXPECT_EQ(DisplayWidth("한국어"), 6u);
  // Escaped hostile text is as wide as its escapes.
  EXPECT_EQ(DisplayWidth(TerminalText("\x1b[0m")), 7u);
  std::setlocale(LC_ALL, "C.UTF-8");
  EXPECT_EQ(DisplayWidth("東京"), 4u);
  std::setlocale(LC_ALL, "C");
}

TEST(PrefixOfWidth, CutsBetweenCharactersByColumns) {
  EXPECT_EQ(PrefixOfWidth("abcdef", 3), "abc");
  EXPECT_EQ(PrefixOfWidth("abc", 10), "abc");
  EXPECT_EQ(PrefixOfWidth("東京タワー", 5), "東京");  // 東京 is 4; タ would make 6
  EXPECT_EQ(PrefixOfWidth("東京タワー", 6), "東京タ");
  EXPECT_EQ(PrefixOfWidth("🚴🚴", 3), "🚴");
  EXPECT_EQ(PrefixOfWidth("e\u0301x", 1), "e\u0301");  // the mark stays with its letter
  EXPECT_EQ(PrefixOfWidth("東", 1), "");
  EXPECT_EQ(PrefixOfWidth("", 0), "");
}

TEST(TerminalStreambuf, EscapesWhatGoesThroughItLineByLine) {
  std::ostringstream target;
  {
    std::ostream out(nullptr);
    TerminalStreambuf filter(target.rdbuf());
    out.rdbuf(&filter);
    out << "title,instructor\n"
        << "\"Ride \x1b[31mRED\",\u202Eevil\n";
    out << "no newline yet \x07";
    out.flush();
    EXPECT_EQ(target.str(),
              "title,instructor\n\"Ride \\x1b[31mRED\",\\u202eevil\nno newline yet \\x07");
    out << "\xE6\x9D";  // the first two bytes of 東: a flush holds them back
    out.flush();
    out << "\xB1\n";
    EXPECT_EQ(target.str().substr(target.str().size() - 4), "東\n");
    out << "tail \x1b";
  }  // the rest is written when the filter goes
  EXPECT_EQ(target.str().substr(target.str().size() - 9), "tail \\x1b");
}

TEST(TerminalGuard, PutsTheStreamsOwnBufferBack) {
  std::ostringstream text;
  std::ostream& stream = text;  // the stream's buffer, not ostringstream's own stringbuf
  std::streambuf* own = stream.rdbuf();
  {
    TerminalGuard guard(stream);
    EXPECT_NE(stream.rdbuf(), own);
    stream << "\x1b[2J" << 42;
  }
  EXPECT_EQ(stream.rdbuf(), own);
  EXPECT_EQ(text.str(), "\\x1b[2J42");
}

}  // namespace
}  // namespace pelo::cli
