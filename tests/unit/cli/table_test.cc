// Tables and field lists (apps/pelo/render.h): aligned by display width, hostile text escaped.
#include <gtest/gtest.h>

#include <algorithm>
#include <clocale>
#include <sstream>
#include <string>
#include <vector>

#include "render.h"
#include "support/screen_text.h"

namespace pelo::cli {
namespace {

using pelo::testing::ColumnOf;
using pelo::testing::Lines;

bool HasByteBelowSpace(const std::string& line) {
  for (char c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return true;
  }
  return false;
}

TEST(Table, AlignsCjkEmojiAndCombiningMarksByDisplayWidth) {
  std::setlocale(LC_ALL, "C");  // no UTF-8 locale: the widths must not depend on it
  Table table({{"title", 12}, {"min", 3, true}, {"id", 8}});
  table.Add({"東京ラン", "30", "ID-A"});
  table.Add({"🚴 Ride 🔥", "45", "ID-B"});
  table.Add({"Cafe\u0301 ride", "5", "ID-C"});
  table.Add({"plain", "20", "ID-D"});
  table.Add({"東京タワー東京タワー", "60", "ID-E"});  // 20 columns: cut to 12
  std::ostringstream out;
  table.Print(out);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 6u) << out.str();
  const int header = ColumnOf(lines[0], "id");
  EXPECT_EQ(header, 12 + 2 + 3 + 2) << out.str();
  for (const char* id : {"ID-A", "ID-B", "ID-C", "ID-D", "ID-E"}) {
    const auto line = std::find_if(lines.begin(), lines.end(), [&](const std::string& l) {
      return l.find(id) != std::string::npos;
    });
    ASSERT_NE(line, lines.end());
    EXPECT_EQ(ColumnOf(*line, id), header) << *line;
  }
  // Cut between characters, by columns: 東京タワー東 (12) does not fit with the ellipsis.
  EXPECT_NE(out.str().find("東京タワー…"), std::string::npos) << out.str();
  EXPECT_EQ(ColumnOf(lines[5], "…"), 10);
}

TEST(Table, EscapesHostileCellsAndMeasuresTheEscapes) {
  Table table({{"title", 60}, {"instructor", 30}, {"id", 4}});
  table.Add({"Ride \x1b[31mRED\x1b[0m \x1b]0;pwned\x07", "\u202Eevil\u009b", "ID-1"});
  table.Add({"line one\nline two", "tab\there", "ID-2"});
  std::ostringstream out;
  table.Print(out);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 3u) << out.str();  // a newline in a cell stays in its row
  for (const std::string& line : lines) EXPECT_FALSE(HasByteBelowSpace(line)) << line;
  EXPECT_NE(lines[1].find("Ride \\x1b[31mRED\\x1b[0m \\x1b]0;pwned\\x07"), std::string::npos);
  EXPECT_NE(lines[1].find("\\u202eevil\\u009b"), std::string::npos);
  EXPECT_NE(lines[2].find("line one\\nline two"), std::string::npos);
  EXPECT_EQ(out.str().find("\u202E"), std::string::npos);
  EXPECT_EQ(out.str().find("\u009b"), std::string::npos);
  EXPECT_EQ(ColumnOf(lines[1], "ID-1"), ColumnOf(lines[0], "id"));
  EXPECT_EQ(ColumnOf(lines[2], "ID-2"), ColumnOf(lines[0], "id"));
}

TEST(TableStream, EscapesAndAlignsEachRowAsItComes) {
  std::ostringstream out;
  TableStream table({{"name", 10}, {"location", 12}, {"id", 4}}, out);
  table.Add({"山田太郎", "\x1b[2J東京", "ID-1"});
  table.Add({"🏃 runner", "Berlin", "ID-2"});
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 3u);
  for (const std::string& line : lines) EXPECT_FALSE(HasByteBelowSpace(line)) << line;
  EXPECT_NE(lines[1].find("\\x1b[2J東京"), std::string::npos) << lines[1];
  EXPECT_EQ(ColumnOf(lines[1], "ID-1"), ColumnOf(lines[0], "id"));
  EXPECT_EQ(ColumnOf(lines[2], "ID-2"), ColumnOf(lines[0], "id"));
}

TEST(PrintFields, EscapesValuesAndKeepsOneLineEach) {
  std::ostringstream out;
  PrintFields({{"username", "mallory\x1b]0;pwned\x07"},
               {"location", "Berlin\nSecond line \u202Eevil"},
               {"bio", ""}},
              out);
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 2u) << out.str();
  EXPECT_EQ(lines[0], "username  mallory\\x1b]0;pwned\\x07");
  EXPECT_EQ(lines[1], "location  Berlin\\nSecond line \\u202eevil");
}

}  // namespace
}  // namespace pelo::cli
