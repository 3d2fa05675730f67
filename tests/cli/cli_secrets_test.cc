// Credential hygiene end to end: login and sync at the most verbose level, with the log in a
// file, then every byte pelo wrote (stdout, stderr, the log file, the database and its WAL) is
// searched for the password and every token. Only the credentials file may hold the tokens.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_env.h"

namespace pelo::testing {
namespace {

constexpr const char* kPassword = "Tr4ce-s3cret-Passw0rd";

class CliSecrets : public ::testing::Test {
 protected:
  SimProcess sim_{{"--workouts", "6", "--password", kPassword, "--token-ttl", "2"}};
  CliEnv env_{sim_.url()};
  std::string log_ = env_.dir() / "pelo.log";
};

TEST_F(CliSecrets, TraceLoggingOfLoginAndSyncLeaksNoSecret) {
  auto login = env_.Pelo({"--log-level", "trace", "--log-file", log_, "login", "--email",
                          "demo@example.com", "--password-stdin"},
                         {}, std::string(kPassword) + "\n");
  ASSERT_EQ(login.exit_code, 0) << login.err;
  const auto first = nlohmann::json::parse(ReadFile(env_.CredentialsPath()));
  // -vv and PELO_LOG_LEVEL reach the same level; the 2-second tokens are refreshed mid-sync,
  // so refresh requests and their new tokens are logged too.
  auto sync = env_.Pelo({"-vv", "--log-file", log_, "sync", "--every-n", "5"});
  ASSERT_EQ(sync.exit_code, 0) << sync.err;
  auto workouts = env_.Pelo({"--log-file", log_, "workouts"}, {{"PELO_LOG_LEVEL", "trace"}});
  ASSERT_EQ(workouts.exit_code, 0) << workouts.err;
  const auto last = nlohmann::json::parse(ReadFile(env_.CredentialsPath()));

  const std::string log = ReadFile(log_);
  ASSERT_NE(log.find("http: > GET"), std::string::npos) << "exchanges are logged";
  ASSERT_NE(log.find("http: < 200"), std::string::npos);
  EXPECT_NE(log.find("<redacted>"), std::string::npos) << "and their secrets redacted";
  struct stat st {};
  ASSERT_EQ(stat(log_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  std::vector<std::string> secrets = {kPassword};
  for (const auto* creds : {&first, &last}) {
    for (const char* key : {"access_token", "refresh_token", "id_token"}) {
      const std::string token = creds->value(key, "");
      if (token.size() >= 8) secrets.push_back(token);
    }
  }
  ASSERT_GE(secrets.size(), 3u);
  EXPECT_NE(first.value("access_token", ""), last.value("access_token", ""))
      << "the short-lived token was refreshed during the run";

  const std::map<std::string, std::string> written = {
      {"stdout", login.out + sync.out + workouts.out},
      {"stderr", login.err + sync.err + workouts.err},
      {"log file", log},
      {"database", ReadFile(env_.DbPath())},
      {"database WAL", ReadFile(env_.DbPath() + "-wal")},
  };
  for (const auto& [where, bytes] : written) {
    for (const std::string& secret : secrets) {
      EXPECT_EQ(bytes.find(secret), std::string::npos)
          << "a secret (" << secret.size() << " chars) in the " << where;
    }
  }
}

TEST_F(CliSecrets, BadLogLevelsAndLogFilesAreNamed) {
  auto bad = env_.Pelo({"--log-level", "chatty", "workouts"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--log-level: 'chatty'"), std::string::npos) << bad.err;
  auto env_bad = env_.Pelo({"workouts"}, {{"PELO_LOG_LEVEL", "loud"}});
  EXPECT_EQ(env_bad.exit_code, 2);
  EXPECT_NE(env_bad.err.find("PELO_LOG_LEVEL"), std::string::npos) << env_bad.err;
  auto no_dir = env_.Pelo({"--log-file", env_.dir() / "missing/dir/pelo.log", "workouts"});
  EXPECT_EQ(no_dir.exit_code, 6);
  EXPECT_NE(no_dir.err.find("--log-file"), std::string::npos) << no_dir.err;
}

}  // namespace
}  // namespace pelo::testing

namespace pelo::testing {
namespace {

// Tokens that others could have read are refused, as ssh refuses such keys: exit 3, with the
// file and its mode named, before any request.
TEST(CliTokenFile, AGroupOrWorldReadableTokenFileIsRefused) {
  SimProcess sim({"--workouts", "2", "--password", "demo"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  ASSERT_EQ(chmod(env.CredentialsPath().c_str(), 0644), 0);
  auto sync = env.Pelo({"sync"});
  EXPECT_EQ(sync.exit_code, 3);
  EXPECT_NE(sync.err.find("readable by others (mode 0644)"), std::string::npos) << sync.err;
  EXPECT_NE(sync.err.find(env.CredentialsPath()), std::string::npos) << sync.err;
  EXPECT_LE(env.StoredWorkouts(), 0) << "nothing synced";
  ASSERT_EQ(chmod(env.CredentialsPath().c_str(), 0600), 0);
  EXPECT_EQ(env.Pelo({"sync"}).exit_code, 0);
}

// --ca-file must name a file; https verification itself is libcurl's, always on.
TEST(CliTokenFile, ACaFileThatDoesNotExistIsAUsageError) {
  CliEnv env("http://127.0.0.1:9");
  auto r = env.Pelo({"--ca-file", "/nonexistent/ca.pem", "whoami"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("ca.pem"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace pelo::testing
