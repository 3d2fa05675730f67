// The commands that change the account, against a real pelo-sim process: they refuse without
// --yes when there is no terminal to ask on, --dry-run prints exactly what --yes sends (checked
// against the simulator's request log), and with --yes the change is visible afterwards.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_env.h"

namespace pelo::testing {
namespace {

class CliChanges : public ::testing::Test {
 protected:
  void SetUp() override {
    auto login = env_.Login();
    ASSERT_EQ(login.exit_code, 0) << login.err;
    me_ = Json({"user", "--json"}).value("id", "");
    ASSERT_FALSE(me_.empty());
    token_ = nlohmann::json::parse(ReadFile(env_.CredentialsPath())).value("access_token", "");
  }

  nlohmann::json Json(const std::vector<std::string>& args) {
    auto r = env_.Pelo(args);
    EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    auto json = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(json.is_discarded()) << r.out;
    return json.is_discarded() ? nlohmann::json() : json;
  }

  // The simulator's request log: one JSON object per request answered so far.
  std::vector<nlohmann::json> Log() const {
    std::vector<nlohmann::json> entries;
    std::istringstream lines(ReadFile(log_.path() + "/requests.jsonl"));
    std::string line;
    while (std::getline(lines, line)) {
      if (!line.empty()) entries.push_back(nlohmann::json::parse(line));
    }
    return entries;
  }

  // Requests other than GET logged after the first `from`.
  std::vector<nlohmann::json> ChangesSince(size_t from) const {
    std::vector<nlohmann::json> changes;
    auto log = Log();
    for (size_t i = from; i < log.size(); ++i) {
      if (log[i].value("method", "") != "GET") changes.push_back(log[i]);
    }
    return changes;
  }

  // `args --dry-run`, then `args --yes`: the printed request is the one the simulator received.
  void ExpectDryRunMatchesWhatIsSent(const std::vector<std::string>& args) {
    SCOPED_TRACE(args[0] + " " + (args.size() > 1 ? args[1] : ""));
    auto with = [&args](const char* flag) {
      auto a = args;
      a.push_back(flag);
      return a;
    };
    size_t before = Log().size();
    auto dry = env_.Pelo(with("--dry-run"));
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("Authorization: Bearer <redacted>"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("Peloton-Platform: web"), std::string::npos) << dry.out;
    if (token_.size() >= 8) {
      EXPECT_EQ(dry.out.find(token_), std::string::npos) << "token printed";
    }
    EXPECT_TRUE(ChangesSince(before).empty()) << "--dry-run sent a change";

    before = Log().size();
    auto sent = env_.Pelo(with("--yes"));
    ASSERT_EQ(sent.exit_code, 0) << sent.err;
    auto changes = ChangesSince(before);
    ASSERT_EQ(changes.size(), 1u) << sent.out;
    const nlohmann::json& got = changes[0];
    const std::string request_line = dry.out.substr(0, dry.out.find('\n'));
    std::string target = got.value("path", "");
    if (!got.value("query", "").empty()) target += "?" + got.value("query", "");
    EXPECT_EQ(request_line, got.value("method", "") + " " + target);
    const auto blank = dry.out.find("\n\n");
    const std::string dry_body = blank == std::string::npos ? "" : dry.out.substr(blank + 2);
    const std::string sent_body = got.value("body", "");
    if (dry_body.empty() || sent_body.empty()) {
      EXPECT_EQ(dry_body.find_first_not_of(" \n{}"), std::string::npos) << dry_body;
      EXPECT_EQ(sent_body.find_first_not_of(" \n{}"), std::string::npos) << sent_body;
    } else {
      EXPECT_EQ(nlohmann::json::parse(dry_body), nlohmann::json::parse(sent_body));
    }
  }

  std::string FirstId(const nlohmann::json& page) {
    if (!page.contains("data") || page["data"].empty()) return "";
    return page["data"][0].value("id", "");
  }

  TempDir log_;
  SimProcess sim_{{"--workouts", "12", "--request-log", log_.path() + "/requests.jsonl"}};
  CliEnv env_{sim_.url()};
  std::string me_;
  std::string token_;
};

TEST_F(CliChanges, WithoutYesAndWithoutATerminalNothingIsSent) {
  const std::string id = "0123456789abcdef0123456789abcdef";
  const std::vector<std::vector<std::string>> changes = {
      {"favorite", id},
      {"unfavorite", id},
      {"reserve", id},
      {"unreserve", id},
      {"follow", id},
      {"unfollow", "someone"},
      {"tags", "add", "PelotonDevs"},
      {"tags", "remove", "PelotonDevs"},
      {"tags", "primary", "PelotonDevs"},
      {"settings", "set", "distance_unit=metric"},
      {"profile", "set", "location=Berlin"},
      {"workout", "delete", id},
      {"challenges", "join", id},
      {"challenges", "leave", id},
      {"api", "graphql", "--query", "mutation AddTagToUser { x }"},
      {"api", "DELETE", "/api/workout/" + id}};
  const size_t before = Log().size();
  for (const auto& args : changes) {
    auto r = env_.Pelo(args);
    EXPECT_EQ(r.exit_code, 2) << args[0] << ": " << r.err;
    EXPECT_NE(r.err.find("--yes"), std::string::npos) << r.err;
  }
  EXPECT_EQ(Log().size(), before) << "a refused change still sent a request";
}

TEST_F(CliChanges, DryRunPrintsExactlyWhatYesSends) {
  const nlohmann::json classes = Json({"classes", "--limit", "1", "--json"});
  const std::string ride = FirstId(classes);
  ASSERT_FALSE(ride.empty());
  ExpectDryRunMatchesWhatIsSent({"favorite", ride});
  ExpectDryRunMatchesWhatIsSent({"unfavorite", ride});
  ExpectDryRunMatchesWhatIsSent({"settings", "set", "distance_unit=metric"});
  ExpectDryRunMatchesWhatIsSent({"tags", "add", "PeloCliDryRun"});
  const std::string workout = FirstId(
      Json({"api", "GET", "/api/user/" + me_ + "/workouts", "-q", "limit=1", "-q", "page=0"}));
  ASSERT_FALSE(workout.empty());
  ExpectDryRunMatchesWhatIsSent({"workout", "delete", workout});
  const nlohmann::json followers = Json({"followers", "--json"});
  const std::string user = FirstId(followers);
  if (!user.empty()) {
    ExpectDryRunMatchesWhatIsSent({"follow", user});
  }
}

TEST_F(CliChanges, FollowAndUnfollowShowInFollowing) {
  const nlohmann::json followers = Json({"followers", "--all", "--json"});
  ASSERT_TRUE(followers.is_array());
  ASSERT_FALSE(followers.empty()) << "the simulated athlete has followers";
  const std::string id = followers[0].value("id", "");
  const std::string username = followers[0].value("username", "");
  auto following = [&] {
    bool found = false;
    for (const auto& p : Json({"following", "--all", "--json"})) found |= p.value("id", "") == id;
    return found;
  };
  auto un = env_.Pelo({"unfollow", username, "--yes"});
  ASSERT_EQ(un.exit_code, 0) << un.err;
  EXPECT_FALSE(following());
  auto follow = env_.Pelo({"follow", username, "--yes"});
  ASSERT_EQ(follow.exit_code, 0) << follow.err;
  EXPECT_NE(follow.out.find(username), std::string::npos) << follow.out;
  EXPECT_TRUE(following());
  auto json = env_.Pelo({"unfollow", id, "--yes", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_TRUE(nlohmann::json::parse(json.out).contains("me_to_user")) << json.out;
  EXPECT_FALSE(following());
}

TEST_F(CliChanges, TagsAddPrimaryRemove) {
  auto add = env_.Pelo({"tags", "add", "#PeloCliTest", "--yes"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  std::string mine = env_.Pelo({"tags", "mine"}).out;
  EXPECT_NE(mine.find("#PeloCliTest"), std::string::npos) << mine;
  ASSERT_EQ(env_.Pelo({"tags", "primary", "PeloCliTest", "--yes"}).exit_code, 0);
  mine = env_.Pelo({"tags"}).out;
  const auto row = mine.find("#PeloCliTest");
  ASSERT_NE(row, std::string::npos) << mine;
  EXPECT_NE(mine.substr(row, mine.find('\n', row) - row).find("primary"), std::string::npos)
      << mine;
  ASSERT_EQ(env_.Pelo({"tags", "remove", "PeloCliTest", "--yes"}).exit_code, 0);
  EXPECT_EQ(env_.Pelo({"tags", "mine"}).out.find("#PeloCliTest"), std::string::npos);

  // The same through `pelo api graphql`, a mutation: needs --yes, then works.
  const std::vector<std::string> add_raw = {
      "api",
      "graphql",
      "--query",
      "mutation AddTagToUser($input: AddTagToUserInput!) { addTagToUser(input: $input) { "
      "__typename } }",
      "-F",
      "input.tagName=PeloCliRaw"};
  EXPECT_EQ(env_.Pelo(add_raw).exit_code, 2);
  auto with_yes = add_raw;
  with_yes.push_back("--yes");
  auto raw = env_.Pelo(with_yes);
  ASSERT_EQ(raw.exit_code, 0) << raw.err;
  EXPECT_NE(env_.Pelo({"tags", "mine"}).out.find("#PeloCliRaw"), std::string::npos);
}

TEST_F(CliChanges, WorkoutDeleteThenItIsGone) {
  const std::string workout = FirstId(
      Json({"api", "GET", "/api/user/" + me_ + "/workouts", "-q", "limit=1", "-q", "page=0"}));
  ASSERT_FALSE(workout.empty());
  EXPECT_EQ(env_.Pelo({"workout", "delete", workout}).exit_code, 2);
  EXPECT_EQ(env_.Pelo({"api", "GET", "/api/workout/" + workout}).exit_code, 0) << "not deleted";
  auto del = env_.Pelo({"workout", "delete", workout, "--yes"});
  ASSERT_EQ(del.exit_code, 0) << del.err;
  auto gone = env_.Pelo({"api", "GET", "/api/workout/" + workout});
  EXPECT_EQ(gone.exit_code, 5) << gone.out;
  EXPECT_NE(gone.err.find("404"), std::string::npos) << gone.err;
  EXPECT_EQ(env_.Pelo({"workout", "delete", "../../api/me", "--yes"}).exit_code, 2);
}

TEST_F(CliChanges, FavoritesSettingsReservationsChallenges) {
  const std::string ride = FirstId(Json({"classes", "--limit", "1", "--json"}));
  ASSERT_FALSE(ride.empty());
  auto favorites = [&] {
    bool found = false;
    const nlohmann::json page = Json({"classes", "--favorites", "--json"});
    for (const auto& r : page["data"]) found |= r.value("id", "") == ride;
    return found;
  };
  ASSERT_EQ(env_.Pelo({"favorite", ride, "--yes"}).exit_code, 0);
  EXPECT_TRUE(favorites());
  ASSERT_EQ(env_.Pelo({"unfavorite", ride, "--yes"}).exit_code, 0);
  EXPECT_FALSE(favorites());

  auto set = env_.Pelo(
      {"settings", "set", "distance_unit=metric", "privacy.is_profile_private=true", "--yes"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  const nlohmann::json settings = Json({"settings", "--json"});
  EXPECT_EQ(settings.value("distance_unit", ""), "metric");
  EXPECT_EQ(settings["privacy"].value("is_profile_private", false), true) << settings.dump();
  EXPECT_NE(env_.Pelo({"settings"}).out.find("privacy.is_profile_private"), std::string::npos);
  EXPECT_EQ(env_.Pelo({"settings", "set", "=x", "--yes"}).exit_code, 2);

  const std::string session = FirstId(Json({"live", "--json"}));
  if (!session.empty()) {
    auto reserved = env_.Pelo({"reserve", session, "--yes", "--json"});
    ASSERT_EQ(reserved.exit_code, 0) << reserved.err;
    const std::string reservation = nlohmann::json::parse(reserved.out).value("id", "");
    ASSERT_FALSE(reservation.empty()) << reserved.out;
    auto cancelled = env_.Pelo({"unreserve", reservation, "--yes"});
    EXPECT_EQ(cancelled.exit_code, 0) << cancelled.err;
  }

  auto current = Json({"challenges", "--json"});
  if (current.contains("challenges") && !current["challenges"].empty()) {
    const std::string challenge = current["challenges"][0]["challenge_summary"].value("id", "");
    EXPECT_EQ(env_.Pelo({"challenges", "join", challenge, "--yes"}).exit_code, 0);
    EXPECT_EQ(env_.Pelo({"challenges", "leave", challenge, "--yes"}).exit_code, 0);
  }
  auto profile = env_.Pelo({"profile", "set", "location=Berlin, DE", "--yes"});
  EXPECT_EQ(profile.exit_code, 0) << profile.err;
}

}  // namespace
}  // namespace pelo::testing
