// Credential hygiene end to end: login and sync at the most verbose level, with the log in a
// file, then every byte pelo wrote (stdout, stderr, the log file, the database and its WAL) is
// searched for the password and every token. Only the credentials file may hold the tokens.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
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

namespace pelo::testing {
namespace {

mode_t ModeOf(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

// Restores the process umask on scope exit.
class ScopedUmask {
 public:
  explicit ScopedUmask(mode_t mask) : old_(umask(mask)) {}
  ~ScopedUmask() { umask(old_); }
  ScopedUmask(const ScopedUmask&) = delete;
  ScopedUmask& operator=(const ScopedUmask&) = delete;

 private:
  mode_t old_;
};

// 0600 in a 0700 directory after the login and after a refresh rewrote the file, whatever the
// umask (pelo runs here with umask 0, which would make a naive file 0666), and no temporary
// file left beside it.
TEST(CliTokenFile, Is0600InA0700DirectoryAfterLoginAndAfterARefreshWhateverTheUmask) {
  SimProcess sim({"--workouts", "2", "--password", "demo", "--token-ttl", "2"});
  CliEnv env(sim.url());
  const ScopedUmask permissive(0);
  ASSERT_EQ(env.Login().exit_code, 0);
  const std::string dir = env.dir() / "config/pelo";
  EXPECT_EQ(ModeOf(env.CredentialsPath()), 0600u);
  EXPECT_EQ(ModeOf(dir), 0700u);
  const std::string before = ReadFile(env.CredentialsPath());
  // The 2-second token is within the refresh margin: whoami refreshes and saves first.
  ASSERT_EQ(env.Pelo({"whoami"}).exit_code, 0);
  const std::string after = ReadFile(env.CredentialsPath());
  ASSERT_NE(nlohmann::json::parse(before).value("access_token", ""),
            nlohmann::json::parse(after).value("access_token", ""))
      << "the file was rewritten by a refresh";
  EXPECT_EQ(ModeOf(env.CredentialsPath()), 0600u);
  EXPECT_EQ(ModeOf(dir), 0700u);
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

// Group-readable only is refused too, as ssh does ("permissions 0640 are too open"): exit 3,
// the file, its mode and the fix named, and the tokens never sent.
TEST(CliTokenFile, AGroupReadableTokenFileIsRefusedBeforeAnyRequest) {
  TempDir logs;
  const std::string requests = logs / "requests.jsonl";
  SimProcess sim({"--workouts", "2", "--password", "demo", "--request-log", requests});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  const size_t logged_in = ReadFile(requests).size();
  ASSERT_EQ(chmod(env.CredentialsPath().c_str(), 0640), 0);
  auto r = env.Pelo({"whoami"});
  EXPECT_EQ(r.exit_code, 3);
  const std::string message = env.CredentialsPath() + " is readable by others (mode 0640): run " +
                              "`chmod 600 " + env.CredentialsPath() +
                              "`, or `pelo logout` and log in again\n";
  EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(ReadFile(requests).size(), logged_in) << "no request was made";
}

// The password and token from the environment never show up in what pelo prints, even when a
// login fails at the most verbose level with the log on stderr.
TEST(CliEnvironmentSecrets, AFailedLoginNeverPrintsThePasswordOrTokenFromTheEnvironment) {
  SimProcess sim({"--workouts", "2", "--password", "demo"});
  CliEnv env(sim.url());
  const std::string password = "Env-Wr0ng-Passw0rd-7731";
  for (const char* method : {"pkce", "password-grant"}) {
    auto r = env.Pelo({"-vv", "login", "--method", method},
                      {{"PELOTON_EMAIL", "demo@example.com"}, {"PELOTON_PASSWORD", password}});
    EXPECT_EQ(r.exit_code, 3) << method << ": " << r.err;
    EXPECT_NE(r.err.find("http: >"), std::string::npos) << "trace on stderr";
    EXPECT_EQ((r.out + r.err).find(password), std::string::npos) << method;
  }
  const std::string token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.Env-Bogus-Signature";
  auto r = env.Pelo({"-vv", "login", "--method", "token"}, {{"PELOTON_TOKEN", token}});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ((r.out + r.err).find("Env-Bogus-Signature"), std::string::npos) << r.err;
  // A usage error with the secrets in the environment prints neither.
  auto usage = env.Pelo({"login", "--method", "nonsense"},
                        {{"PELOTON_PASSWORD", password}, {"PELOTON_TOKEN", token}});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_EQ((usage.out + usage.err).find(password), std::string::npos);
  EXPECT_EQ((usage.out + usage.err).find("Env-Bogus-Signature"), std::string::npos);
}

// Plain http only to loopback: any other host is refused by name before a connection (so the
// tokens cannot travel in clear), from a flag or the environment, for every host setting.
TEST(CliTransportSecurity, PlainHttpToAnotherHostIsRefusedWithAClearError) {
  SimProcess sim({"--workouts", "2", "--password", "demo"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--api-url", "http://api.example.com", "whoami"},
       "--api-url: refusing plain http to api.example.com (only loopback may use http)"},
      {{"--auth-url", "http://127.0.0.1.nip.io", "whoami"},
       "--auth-url: refusing plain http to 127.0.0.1.nip.io (only loopback may use http)"},
      {{"--graphql-url", "http://10.0.0.1/graphql", "whoami"},
       "--graphql-url: refusing plain http to 10.0.0.1 (only loopback may use http)"},
  };
  for (const auto& [args, message] : cases) {
    auto r = env.Pelo(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  }
  auto from_env = env.Pelo({"whoami"}, {{"PELOTON_API_URL", "http://api.onepeloton.com"}});
  EXPECT_EQ(from_env.exit_code, 2);
  EXPECT_NE(from_env.err.find("refusing plain http to api.onepeloton.com"), std::string::npos)
      << from_env.err;
}

// There is no switch that turns certificate checks off.
TEST(CliTransportSecurity, CertificateVerificationCannotBeTurnedOff) {
  for (const char* flag : {"--insecure", "-k", "--no-verify", "--no-check-certificate"}) {
    auto r = RunProcess({PELO_BIN, flag, "whoami"});
    EXPECT_EQ(r.exit_code, 2) << flag;
  }
  auto help = RunProcess({PELO_BIN, "--help"});
  for (const char* word : {"insecure", "no-verify", "verify=", "skip-verify"}) {
    EXPECT_EQ(help.out.find(word), std::string::npos) << word;
  }
}

}  // namespace
}  // namespace pelo::testing

namespace pelo::testing {
namespace {

// The issue's command: `pelo --log-level trace --log-file t.log api PUT /api/user/ID --data
// '{"note":"a \"b", "password":"hunter2"}' --yes`, with a key spelled with a \u escape and a
// secret nested in an array besides. The escaped quote lost the old log redactor its place and
// the password was logged; neither pelo's log nor the simulator's request log may hold a secret.
TEST(CliRedaction, AnApiBodyWithEscapedQuotesLogsNoSecretAtTrace) {
  TempDir logs;
  const std::string requests = logs / "requests.jsonl";
  const std::string log = logs / "t.log";
  SimProcess sim({"--workouts", "2", "--password", "demo", "--request-log", requests});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  auto me = env.Pelo({"api", "GET", "/api/me"});
  ASSERT_EQ(me.exit_code, 0) << me.err;
  const std::string user_id = nlohmann::json::parse(me.out).at("id");
  const std::vector<std::string> secrets = {"hunter2-Escaped-Quote", "Unic0de-Spelled-Key",
                                            "Nested-S3ssion-Id"};
  auto put = env.Pelo({"--log-level", "trace", "--log-file", log, "api", "PUT",
                       "/api/user/" + user_id, "--data",
                       R"({"note":"a \"b", "password":"hunter2-Escaped-Quote",)"
                       R"( "new_pass\u0077ord":"Unic0de-Spelled-Key",)"
                       R"( "devices":[{"sessionId":"Nested-S3ssion-Id"}]})",
                       "--yes"});
  // The sim refuses to change these fields (HTTP 400, exit 5): the request was sent all the same.
  EXPECT_EQ(put.exit_code, 5) << put.err;
  const std::string trace = ReadFile(log);
  ASSERT_NE(trace.find("http: > PUT"), std::string::npos) << trace;
  EXPECT_NE(trace.find(R"("note":"a \"b")"), std::string::npos) << "the body is logged";
  const std::string recorded = ReadFile(requests);
  ASSERT_NE(recorded.find(R"("method":"PUT")"), std::string::npos) << recorded;
  for (const std::string& secret : secrets) {
    EXPECT_EQ(trace.find(secret), std::string::npos) << secret << " in the trace log";
    EXPECT_EQ(recorded.find(secret), std::string::npos) << secret << " in the sim's request log";
    EXPECT_EQ((put.out + put.err).find(secret), std::string::npos) << secret << " printed";
  }
}

}  // namespace
}  // namespace pelo::testing
