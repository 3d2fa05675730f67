// The CLI's contract without a server: help, usage errors and their exit codes.
#include <gtest/gtest.h>

#include <regex>

#include <nlohmann/json.hpp>

#include "cli_env.h"

namespace pelo::testing {
namespace {

TEST(CliBasics, HelpDocumentsEveryExitCode) {
  auto r = RunProcess({PELO_BIN, "--help"});
  EXPECT_EQ(r.exit_code, 0);
  // "  7    busy (...)": each code at the start of its line, its meaning after the padding.
  for (const char* code :
       {"0 +ok", "1 +other error", "2 +usage", "3 +authentication", "4 +network",
        "5 +API error after retries", "6 +storage", "7 +busy", "130 +interrupted"}) {
    EXPECT_TRUE(std::regex_search(r.out, std::regex(std::string("\n  ") + code))) << code;
  }
  for (const char* cmd : {"login", "logout", "whoami", "sync", "workouts", "export", "demo"}) {
    EXPECT_NE(r.out.find(cmd), std::string::npos) << cmd;
  }
}

TEST(CliBasics, UsageErrorsExitTwo) {
  EXPECT_EQ(RunProcess({PELO_BIN}).exit_code, 2);
  EXPECT_EQ(RunProcess({PELO_BIN, "frobnicate"}).exit_code, 2);
  EXPECT_EQ(RunProcess({PELO_BIN, "sync", "--every-n", "0"}).exit_code, 2);
  EXPECT_EQ(RunProcess({PELO_BIN, "export", "rides"}).exit_code, 2);
  EXPECT_EQ(RunProcess({PELO_BIN, "login", "--method", "cookie"}).exit_code, 2);
}

TEST(CliBasics, ThereIsNoWayToPutAPasswordInArgv) {
  auto r = RunProcess({PELO_BIN, "login", "--password", "hunter2"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out.find("hunter2"), std::string::npos);
}

TEST(CliBasics, SyncWithoutLoginIsAnAuthenticationError) {
  CliEnv env("http://127.0.0.1:9");
  auto r = env.Pelo({"sync"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("pelo login"), std::string::npos) << r.err;
}

TEST(CliBasics, PlainHttpIsRefusedExceptToLoopback) {
  CliEnv env("http://api.example.com");
  auto r = env.Pelo({"login", "--email", "a@b.c", "--password-stdin"}, {}, "pw\n");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("http"), std::string::npos) << r.err;
}

TEST(CliBasics, UnreachableHostIsANetworkError) {
  CliEnv env("http://127.0.0.1:9");  // discard port: nothing listens there
  auto r = env.Pelo({"login", "--email", "a@b.c", "--password-stdin"}, {}, "secret-pw\n");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_EQ(r.err.find("secret-pw"), std::string::npos);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one-line error: " << r.err;
}

TEST(CliBasics, MissingEmailIsAUsageError) {
  CliEnv env("http://127.0.0.1:9");
  auto r = env.Pelo({"login", "--password-stdin"}, {}, "pw\n");
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

}  // namespace
}  // namespace pelo::testing

namespace pelo::testing {
namespace {

TEST(CliEndpoints, JsonListsTheCatalogueWithTheDocumentedKeys) {
  auto r = RunProcess({PELO_BIN, "endpoints", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = nlohmann::json::parse(r.out);
  ASSERT_GT(rows.size(), 50u);
  bool saw_workouts = false, saw_graphql = false;
  for (const auto& row : rows) {
    for (const char* key :
         {"group", "name", "method", "path", "auth", "mutating", "platform_header"}) {
      EXPECT_TRUE(row.contains(key)) << key << " in " << row.dump();
    }
    saw_workouts |= row["path"] == "/api/user/{user_id}/workouts" && row["method"] == "GET";
    if (row.contains("operation")) {
      saw_graphql = true;
      EXPECT_EQ(row["path"], "/graphql");
      EXPECT_EQ(row["method"], "POST");
    }
  }
  EXPECT_TRUE(saw_workouts);
  EXPECT_TRUE(saw_graphql);
  auto table = RunProcess({PELO_BIN, "endpoints"});
  ASSERT_EQ(table.exit_code, 0);
  EXPECT_NE(table.out.find("/api/me"), std::string::npos);
}

}  // namespace
}  // namespace pelo::testing
