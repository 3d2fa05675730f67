// The CLI end to end against a real pelo-sim process: login, whoami, sync, list, export.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "cli_env.h"

namespace pelo::testing {
namespace {

constexpr int kWorkouts = 40;

class CliFlow : public ::testing::Test {
 protected:
  SimProcess sim_{{"--workouts", std::to_string(kWorkouts), "--password", "demo"}};
  CliEnv env_{sim_.url()};
};

TEST_F(CliFlow, PkceLoginSavesTokensPrivatelyAndNeverThePassword) {
  auto r = env_.Login("pkce");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Logged in"), std::string::npos);
  struct stat st {};
  ASSERT_EQ(stat(env_.CredentialsPath().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  const std::string saved = ReadFile(env_.CredentialsPath());
  EXPECT_EQ(saved.find("\"demo\""), std::string::npos) << "password stored";
  auto who = env_.Pelo({"whoami"});
  ASSERT_EQ(who.exit_code, 0) << who.err;
  EXPECT_NE(who.out.find("pkce"), std::string::npos);
}

TEST_F(CliFlow, EveryLoginMethodWorks) {
  ASSERT_EQ(env_.Login("password-grant").exit_code, 0);
  EXPECT_EQ(env_.Pelo({"whoami"}).exit_code, 0);
  auto creds = nlohmann::json::parse(ReadFile(env_.CredentialsPath()));
  std::string token = creds.value("access_token", "");
  ASSERT_FALSE(token.empty());
  ASSERT_EQ(env_.Pelo({"logout"}).exit_code, 0);
  EXPECT_EQ(env_.Pelo({"whoami"}).exit_code, 3);
  auto r = env_.Pelo({"login", "--method", "token", "--token-stdin"}, {}, token + "\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find(token), std::string::npos) << "token echoed";
  EXPECT_EQ(env_.Pelo({"whoami"}).exit_code, 0);
}

TEST_F(CliFlow, LegacyLoginIsRetiredUnlessTheServerStillServesIt) {
  auto r = env_.Login("legacy");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  SimProcess legacy({"--workouts", "3", "--legacy-auth"});
  CliEnv legacy_env(legacy.url());
  auto ok = legacy_env.Login("legacy");
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(legacy_env.Pelo({"sync"}).exit_code, 0);
}

TEST_F(CliFlow, WrongPasswordExitsThreeWithoutEchoingIt) {
  for (const char* method : {"pkce", "password-grant"}) {
    auto r =
        env_.Pelo({"login", "--method", method, "--email", "demo@example.com", "--password-stdin"},
                  {}, "Wr0ng-Passw0rd\n");
    EXPECT_EQ(r.exit_code, 3) << method << ": " << r.err;
    EXPECT_EQ(r.err.find("Wr0ng-Passw0rd"), std::string::npos);
    EXPECT_EQ(r.out.find("Wr0ng-Passw0rd"), std::string::npos);
  }
}

TEST_F(CliFlow, PasswordFromTheEnvironment) {
  auto r =
      env_.Pelo({"login"}, {{"PELOTON_EMAIL", "demo@example.com"}, {"PELOTON_PASSWORD", "demo"}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(CliFlow, NoPasswordAndNoTerminalIsAUsageError) {
  auto r = env_.Pelo({"login", "--email", "demo@example.com"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

TEST_F(CliFlow, SyncIsIncrementalAndNeverDuplicates) {
  ASSERT_EQ(env_.Login().exit_code, 0);
  auto first = env_.Pelo({"sync"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("holds " + std::to_string(kWorkouts) + " workouts"), std::string::npos)
      << first.out;
  auto second = env_.Pelo({"sync"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("Synced 0 new"), std::string::npos) << second.out;
  auto list = env_.Pelo({"workouts", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  auto rows = nlohmann::json::parse(list.out);
  ASSERT_EQ(rows.size(), static_cast<size_t>(kWorkouts));
  std::set<std::string> ids;
  for (const auto& row : rows) ids.insert(row.at("workout_id").get<std::string>());
  EXPECT_EQ(ids.size(), static_cast<size_t>(kWorkouts));
}

TEST_F(CliFlow, ExportsTidyCsv) {
  ASSERT_EQ(env_.Login().exit_code, 0);
  ASSERT_EQ(env_.Pelo({"sync", "--every-n", "5"}).exit_code, 0);
  const std::string out = env_.dir() / "w.csv";
  auto r = env_.Pelo({"export", "workouts", "--format", "csv", "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = ParseCsv(ReadFile(out));
  ASSERT_EQ(rows.size(), static_cast<size_t>(kWorkouts) + 1);
  EXPECT_EQ(rows[0][0], "workout_id");
  EXPECT_EQ(rows[0].back(), "ftp");
  for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size());

  auto samples = env_.Pelo({"export", "samples", "--format", "csv"});
  ASSERT_EQ(samples.exit_code, 0) << samples.err;
  auto srows = ParseCsv(samples.out);
  ASSERT_GT(srows.size(), 100u);
  EXPECT_EQ(srows[0][0], "workout_id");
  EXPECT_EQ(srows[0][1], "t_s");
  EXPECT_EQ(srows[0][2], "output_w");
  EXPECT_EQ(srows[1][1], "0") << "every_n=5 samples start at t=0";
}

TEST_F(CliFlow, NoSecretReachesTheDatabase) {
  ASSERT_EQ(env_.Login().exit_code, 0);
  ASSERT_EQ(env_.Pelo({"sync"}).exit_code, 0);
  auto creds = nlohmann::json::parse(ReadFile(env_.CredentialsPath()));
  // Secrets must not be in any table (the raw archive's blanking is checked in the store tests).
  const std::string db = ReadFile(env_.DbPath()) + ReadFile(env_.DbPath() + "-wal");
  ASSERT_FALSE(db.empty());
  for (const char* key : {"access_token", "refresh_token"}) {
    std::string secret = creds.value(key, "");
    if (secret.size() < 8) continue;
    EXPECT_EQ(db.find(secret), std::string::npos) << key << " stored in the database";
  }
}

}  // namespace
}  // namespace pelo::testing

namespace pelo::testing {
namespace {

// Real recorded responses (../shared/fixtures) served by `pelo-sim --workouts-from`, synced and
// exported by pelo: the numbers in the CSV are the ones Peloton reported.
TEST(CliRecorded, SyncsAndExportsRealWorkouts) {
  TempDir recorded;
  const std::string data =
      std::string(PELO_SHARED_DIR) + "/fixtures/peloton/peloton-to-garmin/src/UnitTests/Data/";
  for (const char* name : {"SyncMyWorkout01.json", "p2g_workouts/tread_run_workout.json",
                           "p2g_workouts/meditation_workout.json"}) {
    std::string file = name;
    std::ofstream(recorded / file.substr(file.rfind('/') + 1)) << ReadFile(data + file);
  }
  SimProcess sim({"--workouts-from", recorded.path()});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  auto sync = env.Pelo({"sync"});
  ASSERT_EQ(sync.exit_code, 0) << sync.err;
  auto csv = env.Pelo({"export", "workouts", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  CsvTable rows = CsvRowsByFirstColumn(csv.out);
  ASSERT_EQ(rows.size(), 3u);
  auto& ride = rows["19bc665d58024a97a668e930c0a12d15"];  // SyncMyWorkout01's row, by column
  ASSERT_FALSE(ride.empty()) << csv.out;
  EXPECT_EQ(ride["date"], "2020-11-18 03:07:13");  // end_time 1605668833
  EXPECT_EQ(ride["duration"], "1800");
  EXPECT_EQ(ride["total_output"], "256");
  EXPECT_EQ(ride["max_output"], "501");
  EXPECT_EQ(ride["average_output"], "142");
  EXPECT_EQ(ride["average_cadence"], "86");
  EXPECT_EQ(ride["max_resistance"], "58");
  EXPECT_EQ(ride["average_heart_rate"], "153");
  EXPECT_EQ(ride["max_heart_rate"], "185");
  EXPECT_EQ(ride["title"], "30 min Power Zone Ride");
  EXPECT_EQ(ride["ftp"], "231");  // ftp_info 243, manual source: round(0.95 * 243)
  EXPECT_NEAR(std::stod(ride["distance_km"]), 9.31 * 1.609344, 1e-9);
}

}  // namespace
}  // namespace pelo::testing

namespace pelo::testing {
namespace {

// Ctrl-C mid-sync: exit 130, what was stored stays, and the next sync finishes the job.
TEST(CliInterrupt, CtrlCKeepsWhatWasStoredAndTheNextSyncCarriesOn) {
  // ~100 requests, 4 at a time, 100 ms each: a sync of about 3 s.
  SimProcess sim({"--workouts", "60", "--latency-ms", "100"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  auto r = env.PeloInterrupted({"sync", "--every-n", "30"}, std::chrono::milliseconds(1200));
  ASSERT_EQ(r.exit_code, 130) << r.out << r.err;
  EXPECT_NE(r.err.find("interrupted"), std::string::npos) << r.err;
  const int kept = env.StoredWorkouts();
  EXPECT_GT(kept, 0);
  EXPECT_LT(kept, 60);
  auto again = env.Pelo({"sync", "--every-n", "30"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("Synced " + std::to_string(60 - kept) + " new"), std::string::npos)
      << again.out;
  EXPECT_EQ(env.StoredWorkouts(), 60);
}

}  // namespace
}  // namespace pelo::testing

namespace pelo::testing {
namespace {

// `pelo api`: any request, authenticated, body printed as the API sent it.
TEST(CliApi, SendsAnyRequestAndGuardsTheOnesThatChangeTheAccount) {
  SimProcess sim({"--workouts", "12"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  auto me = env.Pelo({"api", "GET", "/api/me"});
  ASSERT_EQ(me.exit_code, 0) << me.err;
  const std::string user_id = nlohmann::json::parse(me.out).at("id");
  auto page = env.Pelo(
      {"api", "get", "/api/user/" + user_id + "/workouts", "-q", "limit=5", "-q", "page=1"});
  ASSERT_EQ(page.exit_code, 0) << page.err;
  auto body = nlohmann::json::parse(page.out);
  EXPECT_EQ(body.at("data").size(), 5u);
  EXPECT_EQ(body.at("page"), 1);

  auto missing = env.Pelo({"api", "GET", "/api/workout/0000"});
  EXPECT_EQ(missing.exit_code, 5) << missing.err;
  EXPECT_NE(missing.err.find("GET /api/workout/0000: HTTP 404"), std::string::npos) << missing.err;

  // Without a terminal to ask on, a request that may change the account needs --yes.
  auto unasked = env.Pelo({"api", "DELETE", "/api/workout/0000"});
  EXPECT_EQ(unasked.exit_code, 2) << unasked.err;
  EXPECT_NE(unasked.err.find("--yes"), std::string::npos);
  auto dry = env.Pelo(
      {"api", "POST", "/api/favorites/create", "--data", R"({"ride_id":"r1"})", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("POST /api/favorites/create"), std::string::npos);
  EXPECT_NE(dry.out.find("Bearer <redacted>"), std::string::npos);
  auto creds = nlohmann::json::parse(ReadFile(env.CredentialsPath()));
  EXPECT_EQ(dry.out.find(creds.value("access_token", "?")), std::string::npos);
  // --dry-run prints the body with its secrets redacted, as its help says.
  auto secret = env.Pelo({"api", "PUT", "/api/user/u1", "--data",
                          R"({"note":"a \"b","password":"hunter2"})", "--dry-run"});
  ASSERT_EQ(secret.exit_code, 0) << secret.err;
  EXPECT_EQ(secret.out.find("hunter2"), std::string::npos) << secret.out;
  EXPECT_NE(secret.out.find(R"("password":"<redacted>")"), std::string::npos) << secret.out;
  // Variables and query text must be UTF-8 (they are JSON strings): a clean usage error, no crash.
  auto bytes =
      env.Pelo({"api", "graphql", "--query", "query Q { me { id } }", "-F", "s=\xff", "--dry-run"});
  EXPECT_EQ(bytes.exit_code, 2) << bytes.err;
  EXPECT_NE(bytes.err.find("-F: 's' is not valid UTF-8 text"), std::string::npos) << bytes.err;
  auto query = env.Pelo({"api", "graphql", "--query", "query Q\xfe { me { id } }", "--dry-run"});
  EXPECT_EQ(query.exit_code, 2) << query.err;
  EXPECT_NE(query.err.find("--query is not valid UTF-8 text"), std::string::npos) << query.err;

  EXPECT_EQ(env.Pelo({"api", "GET", "api/me"}).exit_code, 2);
  EXPECT_EQ(env.Pelo({"api", "POST", "/x", "--data", "{not json"}).exit_code, 2);
}

}  // namespace
}  // namespace pelo::testing
