// Tolerance: unknown, missing, null and wrongly typed fields; errors only for non-JSON bodies.
#include <gtest/gtest.h>

#include <thread>

#include "pelo/analytics/ftp.h"
#include "pelo/peloton/api/parse.h"

namespace pelo::api {
namespace {

TEST(ParseRobustness, UnknownFieldsAreIgnored) {
  auto w = ParseWorkout(R"({"id":"w1","brand_new_field":{"deep":[1,2,{"x":null}]},"zz":true})");
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->id, "w1");
}

TEST(ParseRobustness, MissingFieldsStayEmpty) {
  auto w = ParseWorkout("{}");
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->id, "");
  EXPECT_FALSE(w->start_time.has_value());
  EXPECT_FALSE(w->ride.has_value());
  EXPECT_FALSE(w->ftp_info.has_value());
  auto g = ParsePerformanceGraph("{}");
  ASSERT_TRUE(g.ok());
  EXPECT_FALSE(g->duration.has_value());
  EXPECT_TRUE(g->metrics.empty());
  auto page = ParseWorkoutPage("{}");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 0);
  EXPECT_FALSE(page->show_next);
}

TEST(ParseRobustness, NullsEverywhere) {
  auto w = ParseWorkout(
      R"({"id":null,"start_time":null,"total_work":null,"has_pedaling_metrics":null,
          "ride":null,"ftp_info":{"ftp":null,"ftp_source":null}})");
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->id, "");
  EXPECT_FALSE(w->start_time.has_value());
  EXPECT_FALSE(w->has_pedaling_metrics);
  EXPECT_FALSE(w->ride.has_value());
  ASSERT_TRUE(w->ftp_info.has_value());
  EXPECT_FALSE(w->ftp_info->ftp.has_value());
  EXPECT_FALSE(analytics::ResolveWorkoutFtp(*w->ftp_info).has_value());

  auto g = ParsePerformanceGraph(
      R"({"duration":null,"seconds_since_pedaling_start":null,"metrics":[null,
          {"slug":"output","max_value":null,"values":[1,null,3.5],"zones":null,
           "alternatives":null}],"summaries":[{"slug":"distance","value":null}],
          "location_data":[{"segment_id":null,"coordinates":[{"latitude":null}]}],
          "effort_zones":null,"segment_list":[null]})");
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->metrics.size(), 1u);
  EXPECT_EQ(g->metrics[0].values, (std::vector<std::optional<double>>{1.0, std::nullopt, 3.5}));
  EXPECT_FALSE(g->metrics[0].max_value.has_value());
  ASSERT_NE(g->FindSummary("distance"), nullptr);
  EXPECT_FALSE(g->Summary("distance").has_value());
  EXPECT_TRUE(g->gps.empty());  // a coordinate without a position is dropped
  EXPECT_TRUE(g->segments.empty());
}

TEST(ParseRobustness, WrongTypesLeaveFieldsEmpty) {
  auto w = ParseWorkout(
      R"({"id":42,"start_time":"soon","end_time":"1605668833","total_work":"abc",
          "has_pedaling_metrics":"yes","ride":"not an object","ftp_info":[243]})");
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->id, "");
  EXPECT_FALSE(w->start_time.has_value());
  EXPECT_EQ(w->end_time, 1605668833);  // a numeric string is still a number
  EXPECT_FALSE(w->total_work.has_value());
  EXPECT_FALSE(w->has_pedaling_metrics);
  EXPECT_FALSE(w->ride.has_value());
  EXPECT_FALSE(w->ftp_info.has_value());
  auto g = ParsePerformanceGraph(R"({"metrics":{"slug":"output"},"summaries":"none",
                                     "metrics_extra":1,"duration":[1]})");
  ASSERT_TRUE(g.ok());
  EXPECT_TRUE(g->metrics.empty());
  EXPECT_FALSE(g->duration.has_value());
}

TEST(ParseRobustness, NumbersInAnyRepresentation) {
  auto g = ParsePerformanceGraph(
      R"({"duration":1800.9,"seconds_since_pedaling_start":[1,2.0,null,18446744073709551615],
          "metrics":[{"slug":"output","max_value":501,"average_value":1.5e2,
                      "values":[1,18446744073709551615,-2.5,"7"]}]})");
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->duration, 1800);  // int fields truncate doubles
  // A non-numeric or out-of-range time keeps its slot (the next second).
  EXPECT_EQ(g->seconds_since_pedaling_start, (std::vector<int64_t>{1, 2, 3, 4}));
  const model::Metric& output = g->metrics[0];
  EXPECT_EQ(output.max_value, 501);
  EXPECT_EQ(output.average_value, 150);
  EXPECT_EQ(output.values[1], 18446744073709551615.0);
  EXPECT_EQ(output.values[2], -2.5);
  EXPECT_EQ(output.values[3], 7);
}

TEST(ParseRobustness, NotJsonIsAnApiError) {
  struct Case {
    std::string body;
    std::string message;
  };
  std::vector<Case> cases = {
      {"", "invalid JSON at byte 0"},
      {"   ", "invalid JSON at byte 3"},
      {R"({"id":"w1","ride":{"title":"x")", "invalid JSON at byte 30"},  // truncated: its length
      {"<html><body>502 Bad Gateway</body></html>", "invalid JSON at byte 0"},
      {R"({"id": tru})", "invalid JSON at byte 7"},
      {R"({"a":1} x)", "invalid JSON at byte 8"},
      {"\xEF\xBB\xBF", "invalid JSON at byte 0"},
      {R"({"a":01})", "invalid JSON at byte 6"},
      {R"({"a":1.})", "invalid JSON at byte 7: invalid number"},
      {R"({"a":"\x"})", "invalid JSON at byte 6: invalid escape"},
      {"{\"a\":\"\xFF\"}", "invalid JSON at byte 6: invalid UTF-8"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.body);
    auto w = ParseWorkout(c.body);
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.status().code(), ErrorCode::kApi);
    EXPECT_EQ(w.status().message().rfind(c.message, 0), 0u) << w.status().message();
  }
}

// What simdjson refuses beyond RFC 8259's grammar is located too: UTF-8 that is well formed in
// shape only, escapes, numbers beyond 64 bits or a double, nesting simdjson will not follow.
TEST(ParseRobustness, EveryRejectionNamesItsByte) {
  struct Case {
    std::string body;
    std::string message;
  };
  const std::string deep = "{\"a\":" + std::string(1100, '[') + std::string(1100, ']') + "}";
  std::vector<Case> cases = {
      {"{\"a\":\"\xC0\xAF\"}", "invalid JSON at byte 6: invalid UTF-8"},          // overlong '/'
      {"{\"a\":\"\xED\xA0\x80\"}", "invalid JSON at byte 7: invalid UTF-8"},      // a surrogate
      {"{\"a\":\"\xF4\x90\x80\x80\"}", "invalid JSON at byte 7: invalid UTF-8"},  // > U+10FFFF
      {"{\"a\":\"\xE2\x82\"}", "invalid JSON at byte 8: invalid UTF-8"},          // cut short
      {R"({"a":"\u12G4"})", "invalid JSON at byte 6: invalid escape"},
      {R"({"a":"\uD800"})", "invalid JSON at byte 6: invalid escape"},  // a lone surrogate
      {R"({"a":1e400})", "invalid JSON at byte 5: number out of range"},
      {R"({"a":[18446744073709551616]})", "invalid JSON at byte 6: number out of range"},
      {R"({"a":-9223372036854775809})", "invalid JSON at byte 5: number out of range"},
      {deep, "invalid JSON at byte 1028: nesting deeper than 1024 levels"},
      {R"({"a":1 "b":2})", "invalid JSON at byte 7: unexpected string"},
      {R"([truex])", "invalid JSON at byte 5: invalid literal"},
      {R"({"a":"abc)", "invalid JSON at byte 9: unterminated string"},
      {"{\"a\":\"\x01\"}", "invalid JSON at byte 6: control character in string"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.body.substr(0, 40));
    auto w = ParseWorkout(c.body);
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.status().code(), ErrorCode::kApi);
    EXPECT_EQ(w.status().message().rfind(c.message, 0), 0u) << w.status().message();
  }
}

// The message says where and what, never what the body held there (it may be a token).
TEST(ParseRobustness, SyntaxErrorsDoNotQuoteTheBody) {
  for (const char* body : {R"({"access_token":"s3cr3t)", R"({"access_token":s3cr3t})",
                           "{\"access_token\":\"s3cr3t\xFF\"}", R"({"s3cr3t" 1})"}) {
    auto w = ParseWorkout(body);
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.status().message().find("s3cr3t"), std::string::npos) << w.status().message();
  }
}

TEST(ParseRobustness, TopLevelMustBeAnObject) {
  for (const char* body : {"[]", "[{\"id\":\"w\"}]", "42", "\"text\"", "null"}) {
    auto w = ParseWorkout(body);
    ASSERT_FALSE(w.ok()) << body;
    EXPECT_EQ(w.status().code(), ErrorCode::kApi);
    EXPECT_EQ(w.status().message(), "expected a JSON object");
  }
}

TEST(ParseRobustness, DeepNestingIsAnErrorNotACrash) {
  std::string body = "{\"a\":" + std::string(5000, '[') + std::string(5000, ']') + "}";
  auto w = ParseWorkout(body);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), ErrorCode::kApi);
}

TEST(ParseRobustness, ParsersOnSeveralThreadsDoNotInterfere) {
  std::vector<std::thread> threads;
  std::vector<int> good(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &good] {
      for (int i = 0; i < 200; ++i) {
        std::string id = "w" + std::to_string(t) + "_" + std::to_string(i);
        auto w = ParseWorkout("{\"id\":\"" + id + "\"}");
        if (w.ok() && w->id == id) ++good[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(good, (std::vector<int>{200, 200, 200, 200}));
}

// An absent body (a default string_view, null data) is an error like "", not undefined
// behaviour in simdjson's memcpy (UBSan, on the fuzz replay test's empty input).
TEST(ParseRobustness, AbsentBodyIsAnApiError) {
  EXPECT_EQ(ParseUser(std::string_view()).status().code(), ErrorCode::kApi);
  EXPECT_EQ(ParseWorkoutPage(std::string_view()).status().code(), ErrorCode::kApi);
  EXPECT_EQ(ParseUser(std::string_view()).status().message(), ParseUser("").status().message());
}

}  // namespace
}  // namespace pelo::api
