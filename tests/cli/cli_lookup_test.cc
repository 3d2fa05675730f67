// The lookup commands (user, classes, followers, tags, ...) against a real pelo-sim process: each
// prints a table, and valid JSON with --json.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli_env.h"

namespace pelo::testing {
namespace {

class CliLookup : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sim_ = std::make_unique<SimProcess>(std::vector<std::string>{"--workouts", "30"});
    env_ = std::make_unique<CliEnv>(sim_->url());
    auto login = env_->Login();
    ASSERT_EQ(login.exit_code, 0) << login.err;
  }
  static void TearDownTestSuite() {
    env_.reset();
    sim_.reset();
  }

  // pelo `args`, which must exit 0.
  static std::string Ok(const std::vector<std::string>& args) {
    auto r = env_->Pelo(args);
    EXPECT_EQ(r.exit_code, 0) << Joined(args) << ": " << r.err;
    return r.out;
  }
  // pelo `args` (exit 0), its output parsed as JSON (null when it is not JSON).
  static nlohmann::json Json(const std::vector<std::string>& args) {
    const std::string out = Ok(args);
    auto json = nlohmann::json::parse(out, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(json.is_discarded()) << Joined(args) << " printed no JSON: " << out;
    return json.is_discarded() ? nlohmann::json() : json;
  }
  static std::string Joined(const std::vector<std::string>& args) {
    std::string s = "pelo";
    for (const auto& a : args) s += " " + a;
    return s;
  }
  static std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  }

  static std::unique_ptr<SimProcess> sim_;
  static std::unique_ptr<CliEnv> env_;
};

std::unique_ptr<SimProcess> CliLookup::sim_;
std::unique_ptr<CliEnv> CliLookup::env_;

TEST_F(CliLookup, EveryLookupPrintsATableAndValidJson) {
  const std::vector<std::vector<std::string>> lookups = {{"user"},
                                                         {"profile"},
                                                         {"overview"},
                                                         {"calendar"},
                                                         {"achievements"},
                                                         {"settings"},
                                                         {"instructors"},
                                                         {"classes"},
                                                         {"live"},
                                                         {"followers"},
                                                         {"following"},
                                                         {"challenges"},
                                                         {"challenges", "upcoming"},
                                                         {"challenges", "past"},
                                                         {"tags"},
                                                         {"tags", "mine"},
                                                         {"tags", "browse", "Popular"},
                                                         {"search", "a"}};
  for (const auto& args : lookups) {
    SCOPED_TRACE(Joined(args));
    const std::string table = Ok(args);
    EXPECT_FALSE(table.empty());
    EXPECT_EQ(table.find("\x1b["), std::string::npos) << "colours without a terminal";
    auto json_args = args;
    json_args.push_back("--json");
    const nlohmann::json json = Json(json_args);
    EXPECT_TRUE(json.is_object() || json.is_array()) << json.dump();
  }
}

TEST_F(CliLookup, UserByIdOrUsername) {
  const nlohmann::json me = Json({"user", "--json"});
  const std::string id = me.value("id", "");
  const std::string username = me.value("username", "");
  ASSERT_FALSE(id.empty());
  ASSERT_FALSE(username.empty());
  EXPECT_EQ(Json({"user", username, "--json"}).value("id", ""), id);
  EXPECT_EQ(Json({"user", id, "--json"}).value("username", ""), username);
  const std::string table = Ok({"user", username});
  EXPECT_NE(table.find(username), std::string::npos) << table;
  EXPECT_NE(table.find(id), std::string::npos) << table;
  EXPECT_EQ(env_->Pelo({"user", "no/such"}).exit_code, 2);
}

TEST_F(CliLookup, InstructorsAndClasses) {
  const nlohmann::json instructors = Json({"instructors", "--json"});
  ASSERT_TRUE(instructors.is_array());
  ASSERT_FALSE(instructors.empty());
  const std::string id = instructors[0].value("id", "");
  const std::string name = instructors[0].value("name", "");
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(Json({"instructors", id, "--json"}).value("id", ""), id);
  EXPECT_NE(Ok({"instructors", id}).find(name), std::string::npos);

  // --instructor takes a name in any case and sends its id.
  const nlohmann::json by_name = Json({"classes", "--instructor", Lower(name), "--json"});
  ASSERT_TRUE(by_name.contains("data")) << by_name.dump();
  for (const auto& ride : by_name["data"]) EXPECT_EQ(ride.value("instructor_id", ""), id);
  EXPECT_EQ(env_->Pelo({"classes", "--instructor", "Nobody Byth1sname"}).exit_code, 2);
  EXPECT_EQ(env_->Pelo({"classes", "--sort", "sideways"}).exit_code, 2);

  const nlohmann::json page = Json({"classes", "--limit", "5", "--sort", "popular", "--json"});
  ASSERT_TRUE(page.contains("data"));
  ASSERT_FALSE(page["data"].empty());
  EXPECT_LE(page["data"].size(), 5u);
  const std::string ride_id = page["data"][0].value("id", "");
  const std::string title = page["data"][0].value("title", "");
  const std::string table = Ok({"class", ride_id});
  EXPECT_NE(table.find(title.substr(0, 20)), std::string::npos) << table;
  EXPECT_TRUE(Json({"class", ride_id, "--json"}).contains("ride"));

  // --all pages through every class of the filter: one array, as many as the API's total.
  const nlohmann::json first = Json({"classes", "--discipline", "cycling", "--json"});
  const nlohmann::json all =
      Json({"classes", "--discipline", "cycling", "--all", "--limit", "50", "--json"});
  ASSERT_TRUE(all.is_array());
  EXPECT_EQ(static_cast<int64_t>(all.size()), first.value("total", int64_t{-1}));
  for (const auto& ride : all) EXPECT_EQ(ride.value("fitness_discipline", ""), "cycling");

  const nlohmann::json twenty = Json({"classes", "--duration", "20", "--json"});
  for (const auto& ride : twenty["data"]) EXPECT_EQ(ride.value("duration", 0), 20 * 60);
}

TEST_F(CliLookup, FollowersPageOrAll) {
  const nlohmann::json page = Json({"followers", "--json"});
  ASSERT_TRUE(page.contains("data"));
  const nlohmann::json all = Json({"followers", "--all", "--limit", "5", "--json"});
  ASSERT_TRUE(all.is_array());
  EXPECT_EQ(static_cast<int64_t>(all.size()), page.value("total", int64_t{-1}));
  EXPECT_LE(Json({"followers", "--limit", "3", "--json"})["data"].size(), 3u);
  if (all.empty()) return;
  // Another member's lists, by username; search finds them.
  const std::string username = all[0].value("username", "");
  ASSERT_FALSE(username.empty());
  EXPECT_TRUE(Json({"following", username, "--json"}).contains("data"));
  EXPECT_NE(Ok({"search", username}).find(username), std::string::npos);
  EXPECT_EQ(env_->Pelo({"followers", "--limit", "0"}).exit_code, 2);
}

TEST_F(CliLookup, TagsSearchBrowseShow) {
  const nlohmann::json popular = Json({"tags", "browse", "POPULAR", "--all", "--json"});
  ASSERT_TRUE(popular.is_array());
  ASSERT_FALSE(popular.empty());
  const std::string name = popular[0].value("name", "");
  ASSERT_FALSE(name.empty());
  const std::string shown = Ok({"tags", "show", name});
  EXPECT_NE(shown.find("#" + name), std::string::npos) << shown;
  EXPECT_TRUE(Json({"tags", "show", "#" + name, "--json"}).is_object());
  EXPECT_TRUE(Json({"tags", "show", name, "--all", "--json"}).is_array());
  const nlohmann::json found = Json({"tags", "search", name.substr(0, 3), "--all", "--json"});
  ASSERT_TRUE(found.is_array());
  EXPECT_FALSE(Ok({"tags", "search", name}).empty());

  auto bad = env_->Pelo({"tags", "browse", "newest"});
  EXPECT_EQ(bad.exit_code, 2);
  for (const char* category : {"featured", "friends", "popular", "trending"}) {
    EXPECT_NE(bad.err.find(category), std::string::npos) << bad.err;
  }
}

TEST_F(CliLookup, CalendarIsOneLinePerMonth) {
  const std::string calendar = Ok({"calendar"});
  // A month line: "2026-10" then its count of days ("2026-10     3  ...").
  std::istringstream lines(calendar);
  bool month_line = false;
  for (std::string line; std::getline(lines, line);) {
    int year = 0, month = 0, days = -1;
    month_line |= std::sscanf(line.c_str(), "%4d-%2d %d", &year, &month, &days) == 3 &&
                  year >= 2000 && month >= 1 && month <= 12 && days >= 0;
  }
  EXPECT_TRUE(month_line) << calendar;
  EXPECT_TRUE(Json({"calendar", "--json"}).contains("months"));
}

TEST_F(CliLookup, HistoryCsvFromPeloton) {
  const std::string csv = Ok({"export", "history-csv", "--timezone", "UTC"});
  EXPECT_EQ(csv.rfind("Workout Timestamp,", 0), 0u) << csv.substr(0, 200);
  const std::string path = env_->dir() / "history.csv";
  Ok({"export", "history-csv", "--timezone", "Europe/London", "-o", path});
  EXPECT_EQ(ReadFile(path).rfind("Workout Timestamp,", 0), 0u);
  EXPECT_EQ(env_->Pelo({"export", "history-csv", "--timezone", "EST5EDT,M3.2.0"}).exit_code, 2);
  EXPECT_EQ(env_->Pelo({"export", "workouts", "--timezone", "UTC"}).exit_code, 2);
}

TEST_F(CliLookup, GraphqlWithFields) {
  const std::string me = Json({"user", "--json"}).value("id", "");
  const std::string query = env_->dir() / "primary.graphql";
  std::ofstream(query) << "query PrimaryTag($userId: ID) {\n  user(id: $userId) {\n"
                          "    userTags { primary { name __typename } allTags { isPrimary "
                          "__typename } __typename }\n    __typename\n  }\n}\n";
  const nlohmann::json answer =
      Json({"api", "graphql", "--query", "@" + query, "-F", "userId=" + me});
  EXPECT_TRUE(answer.contains("data")) << answer.dump();

  // -F values: JSON when valid, else strings; dotted keys nest.
  auto dry =
      env_->Pelo({"api", "graphql", "--query", "query Q($n: Int) { x }", "-F", "n=5", "-F",
                  "flag=true", "-F", "s=hello", "-F", "input.tagName=PelotonDevs", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  const auto body = nlohmann::json::parse(dry.out.substr(dry.out.find("\n\n") + 2));
  EXPECT_EQ(body["operationName"], "Q");
  EXPECT_EQ(body["variables"]["n"], 5);
  EXPECT_EQ(body["variables"]["flag"], true);
  EXPECT_EQ(body["variables"]["s"], "hello");
  EXPECT_EQ(body["variables"]["input"]["tagName"], "PelotonDevs");
  EXPECT_EQ(env_->Pelo({"api", "graphql", "--query", "{ x }", "-F", "novalue"}).exit_code, 2);
}

// No simulator needed: the catalogue as `pelo endpoints` prints it.
TEST(CliEndpoints, DefaultIsThePostmanCollectionAllAddsTheRest) {
  auto r = RunProcess({PELO_BIN, "endpoints", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto postman = nlohmann::json::parse(r.out);
  auto a = RunProcess({PELO_BIN, "endpoints", "--all", "--json"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  auto all = nlohmann::json::parse(a.out);
  size_t postman_rows = 0;
  for (const auto& row : all) postman_rows += row.value("postman", false) ? 1 : 0;
  EXPECT_EQ(postman.size(), postman_rows);
  EXPECT_EQ(postman.size(), 55u) << "the Postman collection's distinct requests (§9)";
  EXPECT_GT(all.size(), postman.size());
  // The default rows have exactly the documented keys (`operation` for GraphQL only).
  const std::set<std::string> documented = {"group", "name",     "method",         "path",
                                            "auth",  "mutating", "platform_header"};
  for (const auto& row : postman) {
    std::set<std::string> keys;
    for (const auto& [key, value] : row.items()) keys.insert(key);
    if (row.contains("operation")) keys.erase("operation");
    EXPECT_EQ(keys, documented) << row.dump();
  }
  auto table = RunProcess({PELO_BIN, "endpoints", "--all"});
  ASSERT_EQ(table.exit_code, 0);
  EXPECT_NE(table.out.find("/api/user/{user_id}/challenges/{challenge_id}/join"),
            std::string::npos);
  EXPECT_EQ(RunProcess({PELO_BIN, "endpoints"}).out.find("/challenges/{challenge_id}/join"),
            std::string::npos);
}

}  // namespace
}  // namespace pelo::testing
