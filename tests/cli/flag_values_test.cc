#include "flag_values.h"

#include <gtest/gtest.h>

namespace pelo::cli {
namespace {

TEST(FlagValues, OneOfRecordsAndChecksTheValues) {
  CLI::App app;
  std::string by;
  OneOf(app.add_option("--by", by, "week or month"), {"week", "month"});
  EXPECT_NO_THROW(app.parse("--by month"));
  EXPECT_EQ(by, "month");
  EXPECT_THROW(app.parse("--by day"), CLI::ValidationError);
  const FlagValues values = ValuesOf(*app.get_option("--by"));
  EXPECT_EQ(values.kind, ValueKind::kWords);
  EXPECT_TRUE(values.checked);
  EXPECT_EQ(values.words, (std::vector<std::string>{"week", "month"}));
  EXPECT_EQ(app.get_option("--by")->get_type_name(), "TEXT:{week,month}");  // as --help shows
}

TEST(FlagValues, OneOfCanIgnoreCase) {
  CLI::App app;
  std::string method;
  OneOf(app.add_option("method", method, "HTTP method"), {"GET", "POST"}, true);
  EXPECT_NO_THROW(app.parse("post"));
  EXPECT_THROW(app.parse("head"), CLI::ValidationError);
}

TEST(FlagValues, SuggestRecordsButChecksNothing) {
  CLI::App app;
  std::string discipline;
  Suggest(app.add_option("--discipline", discipline, "a discipline"), {"cycling", "running"});
  EXPECT_NO_THROW(app.parse("--discipline tread_bootcamp"));
  EXPECT_EQ(discipline, "tread_bootcamp");
  const FlagValues values = ValuesOf(*app.get_option("--discipline"));
  EXPECT_EQ(values.kind, ValueKind::kWords);
  EXPECT_FALSE(values.checked);
  EXPECT_EQ(values.words, (std::vector<std::string>{"cycling", "running"}));
  EXPECT_EQ(app.get_option("--discipline")->get_type_name(), "TEXT");  // --help unchanged
}

TEST(FlagValues, PathsShowTheirKindAndKeepOtherChecks) {
  CLI::App app;
  std::string db, dir, ca;
  FileValue(app.add_option("--db", db, "database"));
  DirectoryValue(app.add_option("--dir", dir, "directory"));
  FileValue(app.add_option("--ca-file", ca, "CAs")->check(CLI::ExistingFile), "PEM");
  EXPECT_EQ(ValuesOf(*app.get_option("--db")).kind, ValueKind::kFile);
  EXPECT_EQ(ValuesOf(*app.get_option("--dir")).kind, ValueKind::kDirectory);
  EXPECT_EQ(app.get_option("--db")->get_type_name(), "FILE");
  EXPECT_EQ(app.get_option("--dir")->get_type_name(), "DIR");
  EXPECT_EQ(app.get_option("--ca-file")->get_type_name(), "PEM:FILE");
  EXPECT_THROW(app.parse("--ca-file /nonexistent/ca.pem"), CLI::ValidationError);
}

TEST(FlagValues, AnOptionWithoutARecordTakesAnything) {
  CLI::App app;
  std::string since;
  app.add_option("--since", since, "a day")->check(CLI::NonNegativeNumber | CLI::ExistingFile);
  const FlagValues values = ValuesOf(*app.get_option("--since"));
  EXPECT_EQ(values.kind, ValueKind::kAny);
  EXPECT_TRUE(values.words.empty());
}

}  // namespace
}  // namespace pelo::cli
