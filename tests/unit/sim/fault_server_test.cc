// Injected faults and refresh-token revocation in a running simulator, over cpp-httplib's client:
// the same seed gives a sequential client the same faults, the request log records them, and
// --revoke-refresh-after ends a refresh token.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "sim_test_util.h"

namespace pelo::sim {
namespace {

using nlohmann::json;
using testing::Bearer;
using testing::kMobileClient;

// The refresh token of a password grant.
std::string RefreshTokenFrom(httplib::Client& client) {
  const json body = {{"grant_type", "password"},
                     {"client_id", kMobileClient},
                     {"username", "demo@example.com"},
                     {"password", "demo"},
                     {"scope", "offline_access openid"}};
  auto res = client.Post("/oauth/token", body.dump(), "application/json");
  EXPECT_TRUE(res && res->status == 200);
  if (!res || res->status != 200) return "";
  return json::parse(res->body)["refresh_token"].get<std::string>();
}

httplib::Result Refresh(httplib::Client& client, const std::string& refresh_token) {
  const json body = {{"grant_type", "refresh_token"},
                     {"client_id", kMobileClient},
                     {"refresh_token", refresh_token}};
  return client.Post("/oauth/token", body.dump(), "application/json");
}

// The statuses of `count` sequential GET /api/me against a fresh server with `options`.
std::vector<int> StatusSequence(Options options, int count) {
  auto server = testing::StartServer(options);
  if (!server) return {};
  httplib::Client client("127.0.0.1", server->port());
  const std::string token = testing::PasswordToken(client);
  std::vector<int> statuses;
  for (int i = 0; i < count; ++i) {
    auto res = client.Get("/api/me", Bearer(token));
    statuses.push_back(res ? res->status : -1);
  }
  return statuses;
}

TEST(SimFaults, SameSeedGivesASequentialClientTheSameFaults) {
  Options options = testing::SmallOptions(5);
  options.seed = 11;
  options.faults = "429:0.3,503:0.3";
  const std::vector<int> first = StatusSequence(options, 40);
  const std::vector<int> second = StatusSequence(options, 40);
  ASSERT_EQ(first.size(), 40u);
  EXPECT_EQ(first, second);
  for (int status : {200, 429, 503}) {
    EXPECT_NE(std::find(first.begin(), first.end(), status), first.end()) << status;
  }
}

TEST(SimFaults, BadSpecsAreInvalidArguments) {
  for (const char* spec : {"nope:0.1", "429:1.1", "429:0.6,503:0.6", "slow:0.1,slow:0.1"}) {
    Options options = testing::SmallOptions(1);
    options.faults = spec;
    auto server = Server::Create(options);
    ASSERT_FALSE(server.ok()) << spec;
    EXPECT_EQ(server.status().code(), ErrorCode::kInvalidArgument) << spec;
  }
  Options options = testing::SmallOptions(1);
  options.retry_after_s = -1;
  EXPECT_FALSE(Server::Create(options).ok());
}

TEST(SimFaults, RequestLogRecordsTheStatusSentAndTheFault) {
  const std::string log_path =
      (std::filesystem::temp_directory_path() / ("pelo-faults-log-" + std::to_string(getpid())))
          .string();
  std::remove(log_path.c_str());
  Options options = testing::SmallOptions(5);
  options.faults = "503:1";
  options.request_log = log_path;
  {
    auto server = testing::StartServer(options);
    ASSERT_NE(server, nullptr);
    httplib::Client client("127.0.0.1", server->port());
    const std::string token = testing::PasswordToken(client);
    auto res = client.Get("/api/me", Bearer(token));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 503);
    EXPECT_FALSE(res->has_header("X-Pelo-Sim-Fault"));
    const auto requests = server->Requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].path, "/oauth/token");
    EXPECT_EQ(requests[0].status, 200);
    EXPECT_EQ(requests[0].fault, "");
    EXPECT_EQ(requests[1].path, "/api/me");
    EXPECT_EQ(requests[1].status, 503);
    EXPECT_EQ(requests[1].fault, "503");
  }
  std::ifstream in(log_path);
  std::vector<json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  std::remove(log_path.c_str());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_FALSE(lines[0].contains("fault"));
  EXPECT_EQ(lines[1]["status"], 503);
  EXPECT_EQ(lines[1]["fault"], "503");
}

TEST(SimFaults, ResetIsLoggedAsTheStatusItBeganWith) {
  Options options = testing::SmallOptions(5);
  options.faults = "reset:1";
  auto server = testing::StartServer(options);
  ASSERT_NE(server, nullptr);
  httplib::Client client("127.0.0.1", server->port());
  const std::string token = testing::PasswordToken(client);
  auto res = client.Get("/api/me", Bearer(token));
  EXPECT_FALSE(res) << "a reset must not look like a response";
  const auto requests = server->Requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[1].status, 200);
  EXPECT_EQ(requests[1].fault, "reset");
}

TEST(SimRefreshRevocation, ThirdRefreshFailsAfterTwoUses) {
  Options options = testing::SmallOptions(5);
  options.revoke_refresh_after = 2;
  auto server = testing::StartServer(options);
  ASSERT_NE(server, nullptr);
  httplib::Client client("127.0.0.1", server->port());
  const std::string refresh_token = RefreshTokenFrom(client);
  for (int use = 1; use <= 2; ++use) {
    auto res = Refresh(client, refresh_token);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << "use " << use << ": " << res->body;
  }
  auto third = Refresh(client, refresh_token);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->status, 403);
  EXPECT_EQ(json::parse(third->body)["error"], "invalid_grant");
  // Uses are counted per token: a new grant's token still works.
  auto fresh = Refresh(client, RefreshTokenFrom(client));
  ASSERT_TRUE(fresh);
  EXPECT_EQ(fresh->status, 200);
}

TEST(SimRefreshRevocation, NeverRevokedByDefault) {
  auto server = testing::StartServer(testing::SmallOptions(5));
  ASSERT_NE(server, nullptr);
  httplib::Client client("127.0.0.1", server->port());
  const std::string refresh_token = RefreshTokenFrom(client);
  for (int use = 1; use <= 5; ++use) {
    auto res = Refresh(client, refresh_token);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << "use " << use;
  }
}

}  // namespace
}  // namespace pelo::sim
