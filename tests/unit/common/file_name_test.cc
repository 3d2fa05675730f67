#include "pelo/common/file_name.h"

#include <gtest/gtest.h>

#include <string>

namespace pelo {
namespace {

TEST(SafeFileName, KeepsAnOrdinaryTitleReadable) {
  EXPECT_EQ(SafeFileName("30 min Power Zone Ride with Matt Wilpers"),
            "30-min-Power-Zone-Ride-with-Matt-Wilpers");
  EXPECT_EQ(SafeFileName("Pop Ride - 2000s (Live)"), "Pop-Ride-2000s-(Live)");
  EXPECT_EQ(SafeFileName("Häagen Dazs: Ride & Rünning"), "Häagen-Dazs-Ride-&-Rünning");
  EXPECT_EQ(SafeFileName("ライド 30分"), "ライド-30分");
}

TEST(SafeFileName, NeverLeavesTheDirectory) {
  EXPECT_EQ(SafeFileName("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(SafeFileName(".."), "untitled");
  EXPECT_EQ(SafeFileName("."), "untitled");
  EXPECT_EQ(SafeFileName("/"), "untitled");
  EXPECT_EQ(SafeFileName("a/../b"), "a-b");
  EXPECT_EQ(SafeFileName("a..b...c"), "a.b.c");
  EXPECT_EQ(SafeFileName("..\\..\\Windows\\win.ini"), "Windows-win.ini");
  EXPECT_EQ(SafeFileName(".hidden"), "hidden");
  EXPECT_EQ(SafeFileName(""), "untitled");
  EXPECT_EQ(SafeFileName("   \t  "), "untitled");
}

TEST(SafeFileName, DropsControlAndForbiddenCharacters) {
  EXPECT_EQ(SafeFileName(std::string("a\0b", 3)), "a-b");
  EXPECT_EQ(SafeFileName("line\nbreak\r\x1b[31mred"), "line-break-[31mred");
  EXPECT_EQ(SafeFileName("a*b?c\"d<e>f|g:h"), "a-b-c-d-e-f-g-h");
  EXPECT_EQ(SafeFileName("del\x7f"
                         "end"),
            "del-end");
  EXPECT_EQ(SafeFileName("c1\xc2\x85next"), "c1-next");  // U+0085, NEL
}

TEST(SafeFileName, DropsInvisibleCharactersThatCouldDisguiseAName) {
  // U+202E (right-to-left override) would show "ride-fdp.exe" as "ride-exe.pdf".
  EXPECT_EQ(SafeFileName("ride\xe2\x80\xae"
                         "fdp.exe"),
            "ride-fdp.exe");
  EXPECT_EQ(SafeFileName("zero\xe2\x80\x8bwidth"), "zero-width");  // U+200B
  EXPECT_EQ(SafeFileName("\xef\xbb\xbf"
                         "bom"),
            "bom");  // U+FEFF
  EXPECT_EQ(SafeFileName("no\xc2\xa0"
                         "break"),
            "no-break");  // U+00A0
}

TEST(SafeFileName, DropsBytesThatAreNotUtf8) {
  EXPECT_EQ(SafeFileName("ab\xff\xfe"
                         "cd"),
            "abcd");
  EXPECT_EQ(SafeFileName("\xc0\xaf"), "untitled");    // overlong '/'
  EXPECT_EQ(SafeFileName("x\xed\xa0\x80y"), "xy");    // a surrogate
  EXPECT_EQ(SafeFileName("cut\xe3\x83"), "cut");      // a sequence cut short
  EXPECT_EQ(SafeFileName("\xf4\x90\x80\x80z"), "z");  // past U+10FFFF
}

TEST(SafeFileName, AvoidsTheNamesWindowsReserves) {
  EXPECT_EQ(SafeFileName("CON"), "CON_");
  EXPECT_EQ(SafeFileName("nul.csv"), "nul_.csv");
  EXPECT_EQ(SafeFileName("Com1"), "Com1_");
  EXPECT_EQ(SafeFileName("LPT9.txt"), "LPT9_.txt");
  EXPECT_EQ(SafeFileName("aux.x", 8), "aux_.x");
  EXPECT_EQ(SafeFileName("COM1.abc", 8), "COM1_.ab");
  // Found by the file_name fuzz target: what the '_' pushes out must not leave a trailing '-'
  // or half a character.
  EXPECT_EQ(SafeFileName("CON.ab-cd", 8), "CON_.ab");
  EXPECT_EQ(SafeFileName("CON.abé", 8), "CON_.ab");
  EXPECT_EQ(SafeFileName("CONSOLE"), "CONSOLE");
  EXPECT_EQ(SafeFileName("COM10"), "COM10");
}

TEST(SafeFileName, CutsLongNamesAtACharacterBoundary) {
  EXPECT_EQ(SafeFileName(std::string(200, 'a')), std::string(80, 'a'));
  EXPECT_EQ(SafeFileName("abcdefgh ijkl", 10), "abcdefgh-i");
  // Each "é" is 2 bytes: 9 bytes hold 4 of them, never half of the fifth.
  EXPECT_EQ(SafeFileName("ééééééé", 9), "éééé");
  EXPECT_EQ(SafeFileName("abcdefg-----", 8), "abcdefg");  // no trailing '-'
  EXPECT_EQ(SafeFileName("abcdefghij", 3), "abcdefgh");   // max_bytes is at least 8
}

}  // namespace
}  // namespace pelo
