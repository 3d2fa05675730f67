// Every catalogue row has a `pelo` command line that sends it. The rows come from the binary's
// own `pelo endpoints --all --json`; each command runs against a pelo-sim process, and the
// simulator's request log must show the row's request. A row without a command line here fails.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_env.h"
#include "process.h"

namespace pelo::testing {
namespace {

using Vars = std::map<std::string, std::string>;

struct Command {
  std::string row;                // the catalogue row's name
  std::vector<std::string> args;  // with {placeholders}
  std::string input;              // standard input
  Vars rename = {};               // placeholder -> the variable it takes here instead
};

// Run in this order: the legacy session rows first, then a bearer login for everything else.
std::vector<Command> Commands() {
  const std::string legacy_login = "demo\n";
  return {
      {"Login",
       {"login", "--method", "legacy", "--email", "demo@example.com", "--password-stdin"},
       legacy_login},
      {"Check Session", {"api", "GET", "/auth/check_session"}, ""},
      {"Logout", {"logout"}, ""},
      // `pelo login` (bearer) runs here, between the legacy rows and the rest.
      {"Peloton Plans", {"api", "GET", "/ecomm/store/dotcom/digital_subscriptions/plans"}, ""},
      {"Peloton Stores", {"api", "GET", "/ecomm/store"}, ""},
      {"Peloton Bike Reviews",
       {"api", "GET", "/ecomm/product/bike/reviews", "-q", "page=0", "-q", "sort_by=-submittedAt"},
       ""},
      {"Peloton Account Order History", {"api", "GET", "/ecomm/orders"}, ""},
      {"Peloton Account Payment Info", {"api", "GET", "/ecomm/card"}, ""},
      {"All Instructors", {"instructors"}, ""},
      {"Instructor by Id", {"instructors", "{instructor_id}"}, ""},
      {"Ride Metadata Mappings", {"api", "GET", "/api/ride/metadata_mappings"}, ""},
      {"List Archived Rides", {"classes", "--discipline", "cycling", "--sort", "popular"}, ""},
      {"List Live Rides", {"live"}, ""},
      {"Ride by Id", {"api", "GET", "/api/ride/{ride_id}"}, ""},
      {"Ride Details", {"class", "{ride_id}"}, ""},
      {"Ride Filters", {"api", "GET", "/api/ride/filters", "-q", "browse_category=cycling"}, ""},
      {"Ride Recent Following Workouts",
       {"api", "GET", "/api/ride/{ride_id}/recent_following_workouts", "-q", "joins=user"},
       ""},
      {"Class Categories", {"api", "GET", "/api/browse_categories"}, ""},
      {"Favorite Class", {"favorite", "{ride_id}", "--yes"}, ""},
      {"Unfavorite Class", {"unfavorite", "{ride_id}", "--yes"}, ""},
      {"Create Reservation", {"reserve", "{peloton_id}", "--yes"}, ""},
      {"Remove Reservation", {"unreserve", "{peloton_id}", "--yes"}, ""},
      {"Me (Logged in User)", {"whoami"}, ""},
      {"User by Id", {"user", "{user_id}"}, ""},
      {"User by Username", {"user", "{username}"}, ""},
      {"User Workouts", {"sync"}, ""},
      {"User Workout History CSV", {"export", "history-csv", "--timezone", "America/New_York"}, ""},
      {"User Overview", {"overview"}, ""},
      {"User Subscriptions", {"api", "GET", "/api/v2/user/subscriptions"}, ""},
      {"User Subscription Transactions",
       {"api", "GET",
        "/api/user/{user_id}/subscription/{subscription_id}/subscription_transactions"},
       ""},
      {"User Achievements", {"achievements"}, ""},
      {"User Challenges (Current)", {"challenges", "current"}, ""},
      {"User Challenges (Upcoming)", {"challenges", "upcoming"}, ""},
      {"User Challenges (Past)", {"challenges", "past"}, ""},
      {"User Followers", {"followers"}, ""},
      {"User Following", {"following"}, ""},
      {"User Search", {"search", "a"}, ""},
      {"User Settings", {"settings"}, ""},
      {"User Referral History", {"api", "GET", "/api/user/{user_id}/referral_history"}, ""},
      {"User Calendar Activity", {"calendar"}, ""},
      {"Follow or Unfollow User", {"follow", "{member}", "--yes"}, ""},
      {"Update User", {"profile", "set", "location=Vienna, VA", "--yes"}, ""},
      {"Update User Settings", {"settings", "set", "distance_unit=metric", "--yes"}, ""},
      {"Workout by Id", {"api", "GET", "/api/workout/{workout_id}"}, ""},
      {"Workout by Id - Performance Graph",
       {"api", "GET", "/api/workout/{workout_id}/performance_graph", "-q", "every_n=5"},
       ""},
      {"Delete Workout by Id",
       {"workout", "delete", "{workout_id}", "--yes"},
       "",
       {{"workout_id", "doomed"}}},
      {"AddTagToUser", {"tags", "add", "PelotonDevs", "--yes"}, ""},
      {"MyTags", {"tags", "mine"}, ""},
      {"PrimaryTag", {"api", "graphql", "--operation", "PrimaryTag", "-F", "userId={user_id}"}, ""},
      {"SetTagAsPrimary", {"tags", "primary", "PelotonDevs", "--yes"}, ""},
      {"RemoveTagFromUser", {"tags", "remove", "PelotonDevs", "--yes"}, ""},
      {"SearchTag", {"tags", "search", "Peloton"}, ""},
      {"TagBrowseCategory", {"tags", "browse", "trending"}, ""},
      {"TagBrowseCategoryDisplayNames",
       {"api", "graphql", "--operation", "TagBrowseCategoryDisplayNames"},
       ""},
      {"TagDetail", {"tags", "show", "PelotonDads"}, ""},
      {"User Facebook Friends", {"api", "GET", "/api/user/{user_id}/facebook_friends"}, ""},
      {"User Image Upload URL", {"api", "GET", "/api/user/{user_id}/image_upload_url"}, ""},
      {"User Challenge", {"api", "GET", "/api/user/{user_id}/challenges/{challenge_id}"}, ""},
      {"User Challenge Friends",
       {"api", "GET", "/api/user/{user_id}/challenges/{challenge_id}/friends"},
       ""},
      {"Join Challenge", {"challenges", "join", "{challenge_id}", "--yes"}, ""},
      {"Leave Challenge", {"challenges", "leave", "{challenge_id}", "--yes"}, ""},
      {"Workout Summary (legacy)", {"api", "GET", "/api/workout/{workout_id}/summary"}, ""},
      {"Workout Achievements (legacy)",
       {"api", "GET", "/api/workout/{workout_id}/achievements"},
       ""},
      {"Workout Samples (legacy)",
       {"api", "GET", "/api/workout/{workout_id}/sample", "-q", "every_n=5"},
       ""},
      {"Peloton Session", {"api", "GET", "/api/peloton/{peloton_id}"}, ""},
      {"Started Client Session", {"api", "GET", "/api/started_client_session"}, ""},
      {"Stream Token", {"api", "POST", "/api/subscription/stream", "--data", "{}", "--yes"}, ""},
  };
}

std::string Fill(std::string text, const Vars& vars) {
  for (const auto& [name, value] : vars) {
    const std::string key = "{" + name + "}";
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
      text.replace(at, key.size(), value);
      at += value.size();
    }
  }
  return text;
}

std::vector<nlohmann::json> LogEntries(const std::string& path) {
  std::vector<nlohmann::json> entries;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) entries.push_back(nlohmann::json::parse(line));
  return entries;
}

class CliCatalogueTest : public ::testing::Test {
 protected:
  // `pelo api GET path` as JSON (the test fails when it does not answer).
  nlohmann::json Api(const CliEnv& env, const std::string& path) {
    auto r = env.Pelo({"api", "GET", path});
    EXPECT_EQ(r.exit_code, 0) << path << ": " << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }
};

TEST_F(CliCatalogueTest, EveryRowHasACommandAndTheSimulatorSeesItsRequest) {
  TempDir logs;
  const std::string log = logs / "requests.jsonl";
  SimProcess sim({"--legacy-auth", "--workouts", "12", "--request-log", log});
  CliEnv env(sim.url());

  auto listed = env.Pelo({"endpoints", "--all", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  std::map<std::string, nlohmann::json> rows;
  for (const nlohmann::json& row : nlohmann::json::parse(listed.out)) rows[row.at("name")] = row;
  const std::vector<Command> commands = Commands();
  std::set<std::string> covered;
  for (const Command& c : commands) {
    EXPECT_TRUE(rows.count(c.row)) << "command for no catalogue row: " << c.row;
    covered.insert(c.row);
  }
  for (const auto& [name, row] : rows) {
    EXPECT_TRUE(covered.count(name)) << "catalogue row '" << name << "' has no pelo command";
  }

  Vars vars;
  for (const Command& c : commands) {
    if (c.row == "Peloton Plans") {  // the legacy rows are done: sign in with a bearer token
      ASSERT_EQ(env.Login().exit_code, 0);
      const nlohmann::json me = Api(env, "/api/me");
      vars["user_id"] = me.value("id", "");
      vars["username"] = me.value("username", "");
      const nlohmann::json list =
          Api(env, "/api/user/" + vars["user_id"] + "/workouts?limit=2&joins=ride");
      vars["workout_id"] = list["data"][0].value("id", "");
      vars["doomed"] = list["data"][1].value("id", "");
      // (value()'s default is evaluated eagerly: a list item without `ride` must not be indexed.)
      const nlohmann::json& first = list["data"][0];
      vars["ride_id"] = first.contains("ride_id") ? first.value("ride_id", "")
                                                  : first.value("/ride/id"_json_pointer, "");
      vars["instructor_id"] = Api(env, "/api/instructor")["data"][0].value("id", "");
      vars["peloton_id"] =
          Api(env, "/api/v3/ride/live?exclude_complete=true")["data"][0].value("id", "");
      vars["subscription_id"] =
          Api(env, "/api/v2/user/subscriptions")["subscriptions"][0].value("id", "");
      vars["challenge_id"] =
          Api(env, "/api/user/" + vars["user_id"] +
                       "/challenges/current")["challenges"][0]["challenge_summary"]
              .value("id", "");
      const nlohmann::json members = Api(env, "/api/user/search?user_query=a&limit=5");
      for (const nlohmann::json& p : members["data"]) {
        if (p.value("id", "") != vars["user_id"]) vars["member"] = p.value("id", "");
      }
      for (const auto& [name, value] : vars) ASSERT_FALSE(value.empty()) << name;
    }
    SCOPED_TRACE(c.row);
    const nlohmann::json& row = rows[c.row];
    Vars these = vars;
    for (const auto& [placeholder, variable] : c.rename) these[placeholder] = vars[variable];
    std::vector<std::string> args;
    for (const std::string& arg : c.args) args.push_back(Fill(arg, these));
    const size_t before = LogEntries(log).size();
    auto r = env.Pelo(args, {}, c.input);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const std::vector<nlohmann::json> after = LogEntries(log);
    const std::string method = row.at("method");
    const std::string path = row.contains("operation") ? "/graphql" : Fill(row.at("path"), these);
    bool seen = false;
    for (size_t i = before; i < after.size() && !seen; ++i) {
      const nlohmann::json& e = after[i];
      if (e["method"] != method || e["path"] != path) continue;
      if (row.contains("operation")) {
        const nlohmann::json body =
            nlohmann::json::parse(e["body"].get<std::string>(), nullptr, false);
        if (!body.is_object() || body.value("operationName", "") != row["operation"]) continue;
      }
      seen = e["status"].get<int>() / 100 == 2;
    }
    EXPECT_TRUE(seen) << "pelo " << ::testing::PrintToString(args) << " did not send " << method
                      << " " << path << " (or it failed)";
  }
}

}  // namespace
}  // namespace pelo::testing
