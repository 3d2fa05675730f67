// The GraphQL text pelo sends is the text of ../shared/docs/peloton-api.md §7.3 (read from the
// document itself, so neither can drift), plus the request body and category helpers.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "pelo/peloton/api/client.h"
#include "peloton/api/graphql.h"

namespace pelo::api {
namespace {

// Runs of white space become one space; leading and trailing space goes.
std::string Normalise(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Operation name ("TagBrowseCategory - Featured Tags" -> "TagBrowseCategory") -> the text of
// its first ```graphql block in §7.3.
std::map<std::string, std::string> DocumentedQueries() {
  std::ifstream in(std::string(PELO_SHARED_DIR) + "/docs/peloton-api.md");
  std::map<std::string, std::string> queries;
  std::string line, name, block;
  bool inside_section = false, inside_block = false;
  while (std::getline(in, line)) {
    if (line.rfind("### 7.3", 0) == 0) inside_section = true;
    if (line.rfind("### 7.4", 0) == 0) break;
    if (!inside_section) continue;
    if (line.rfind("#### ", 0) == 0) {
      name = line.substr(
          5, line.find(" - ") == std::string::npos ? std::string::npos : line.find(" - ") - 5);
    } else if (line == "```graphql") {
      inside_block = true;
      block.clear();
    } else if (inside_block && line == "```") {
      inside_block = false;
      queries.emplace(name, block);  // the first block of a name wins (the variants repeat it)
    } else if (inside_block) {
      block += line + "\n";
    }
  }
  return queries;
}

TEST(GraphqlQueries, EveryDocumentedOperationIsSentVerbatim) {
  const auto documented = DocumentedQueries();
  ASSERT_EQ(documented.size(), 9u) << "peloton-api.md §7.3 not found or changed";
  for (const auto& [name, text] : documented) {
    EXPECT_EQ(Normalise(GraphqlQuery(name)), Normalise(text)) << name;
    EXPECT_EQ(graphql::OperationName(GraphqlQuery(name)), name);
  }
}

TEST(GraphqlQueries, UnknownOperationHasNoText) {
  EXPECT_TRUE(GraphqlQuery("ViewUserStack").empty());
  EXPECT_TRUE(GraphqlQuery("").empty());
  EXPECT_TRUE(GraphqlQuery("mytags").empty());
}

TEST(GraphqlQueries, OperationNameFromText) {
  EXPECT_EQ(graphql::OperationName("query Foo { a }"), "Foo");
  EXPECT_EQ(graphql::OperationName("  # note\n mutation Bar($x: ID) { a }"), "Bar");
  EXPECT_EQ(graphql::OperationName("query($x: ID) { a }"), "");
  EXPECT_EQ(graphql::OperationName("{ a }"), "");
  EXPECT_EQ(graphql::OperationName(""), "");
}

TEST(GraphqlQueries, RequestBodyQuotesTheQueryAndKeepsVariables) {
  auto body = graphql::RequestBody("Op", "query Op {\n  a(x: \"\\t\")\n}", R"( {"x": 1} )");
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(
      *body,
      R"({"operationName":"Op","query":"query Op {\n  a(x: \"\\t\")\n}","variables":{"x": 1}})");
  auto no_variables = graphql::RequestBody("", "{ a }", "");
  ASSERT_TRUE(no_variables.ok());
  EXPECT_EQ(*no_variables, R"({"operationName":null,"query":"{ a }","variables":{}})");
}

TEST(GraphqlQueries, RequestBodyRejectsVariablesThatAreNotAnObject) {
  for (const char* bad : {"[1]", "\"x\"", "{", "3"}) {
    auto body = graphql::RequestBody("Op", "query Op { a }", bad);
    ASSERT_FALSE(body.ok()) << bad;
    EXPECT_EQ(body.status().code(), ErrorCode::kInvalidArgument) << bad;
  }
}

TEST(GraphqlQueries, QuoteEscapesControlCharacters) {
  EXPECT_EQ(*graphql::Quote("a\"b\\c\x01é", "text"), "\"a\\\"b\\\\c\\u0001é\"");
}

// JSON cannot carry bytes that are not UTF-8, and U+FFFD in their place would ask for another
// tag than the one given: the request is refused, naming what held them.
TEST(GraphqlQueries, InvalidUtf8IsRefusedNamingWhatHeldIt) {
  auto query = graphql::RequestBody("Op", "query Op { tag(name: \"caf\xE9\") { id } }", "");
  ASSERT_FALSE(query.ok());
  EXPECT_EQ(query.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(query.status().message(), "GraphQL query: not valid UTF-8");

  auto operation = graphql::RequestBody("Op\xC0\xAF", "query Op { a }", "");
  ASSERT_FALSE(operation.ok());
  EXPECT_EQ(operation.status().message(), "GraphQL operation name: not valid UTF-8");

  auto variables = graphql::RequestBody("Op", "query Op { a }", "{\"x\":\"\xFF\"}");
  ASSERT_FALSE(variables.ok());
  EXPECT_EQ(variables.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(variables.status().message().find("invalid UTF-8"), std::string::npos)
      << variables.status().message();

  auto tag = graphql::Variables({{"tagName", "caf\xE9"}});
  ASSERT_FALSE(tag.ok());
  EXPECT_EQ(tag.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(tag.status().message(), "GraphQL variable tagName: not valid UTF-8");
}

TEST(GraphqlQueries, VariablesAreStringMembersInOrderWithoutTheAbsentOnes) {
  EXPECT_EQ(*graphql::Variables({{"query", "a\"é"}, {"tagName", ""}, {"after", std::nullopt}}),
            R"({"query":"a\"é","tagName":""})");
  EXPECT_EQ(*graphql::Variables({}), "{}");
  EXPECT_EQ(*graphql::Variables({{"tagName", "x"}}, "input"), R"({"input":{"tagName":"x"}})");
}

TEST(TagCategory, SlugsRoundTripInAnyCase) {
  for (const auto category : {model::TagCategory::kFeatured, model::TagCategory::kFriends,
                              model::TagCategory::kPopular, model::TagCategory::kTrending}) {
    EXPECT_EQ(ParseTagCategory(TagCategorySlug(category)), category);
  }
  EXPECT_EQ(ParseTagCategory("featured"), model::TagCategory::kFeatured);
  EXPECT_EQ(ParseTagCategory("Trending"), model::TagCategory::kTrending);
  EXPECT_EQ(std::string(TagCategorySlug(model::TagCategory::kFriends)), "FRIENDS");
  EXPECT_FALSE(ParseTagCategory("").has_value());
  EXPECT_FALSE(ParseTagCategory("popularr").has_value());
  EXPECT_FALSE(ParseTagCategory("new").has_value());
}

}  // namespace
}  // namespace pelo::api
