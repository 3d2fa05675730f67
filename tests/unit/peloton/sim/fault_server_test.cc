// Injected faults and refresh-token revocation in a running simulator, over cpp-httplib's client:
// the same seed gives a sequential client the same faults, the request log records them, and
// --revoke-refresh-after ends a refresh token.
#include <unistd.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "peloton/sim/faults/fault_injector.h"
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
  options = testing::SmallOptions(1);
  options.fault_burst = 0;
  EXPECT_FALSE(Server::Create(options).ok());
  options = testing::SmallOptions(1);
  options.stall_ms = -5;
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

// The answer to one GET /api/me from a fresh server injecting `spec` at fraction 1.
struct OneAnswer {
  int status = -1;
  std::string content_type;
  std::string body;
  std::string retry_after;
  std::string logged_fault;
};

OneAnswer AnswerTo(const std::string& spec, Options options = testing::SmallOptions(3)) {
  options.faults = spec;
  auto server = testing::StartServer(options);
  if (!server) return {};
  httplib::Client client("127.0.0.1", server->port());
  const std::string token = testing::PasswordToken(client);
  auto res = client.Get("/api/me", Bearer(token));
  OneAnswer answer;
  if (!res) return answer;
  answer.status = res->status;
  answer.content_type = res->get_header_value("Content-Type");
  answer.body = res->body;
  answer.retry_after = res->get_header_value("Retry-After");
  answer.logged_fault = server->Requests().back().fault;
  return answer;
}

TEST(SimFaults, Html200IsACloudflareChallengePageWithStatus200) {
  const OneAnswer answer = AnswerTo("html-200:1");
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.content_type, "text/html");
  EXPECT_EQ(answer.body.rfind("<!DOCTYPE html>", 0), 0u) << answer.body;
  EXPECT_NE(answer.body.find("Just a moment..."), std::string::npos);
  EXPECT_NE(answer.body.find("Cloudflare"), std::string::npos);
  EXPECT_EQ(answer.logged_fault, "html-200");
}

TEST(SimFaults, Html403IsACloudflareBlockPage) {
  const OneAnswer answer = AnswerTo("html-403:1");
  EXPECT_EQ(answer.status, 403);
  EXPECT_EQ(answer.content_type, "text/html");
  EXPECT_EQ(answer.body.rfind("<!DOCTYPE html>", 0), 0u) << answer.body;
  EXPECT_NE(answer.body.find("Sorry, you have been blocked"), std::string::npos);
  EXPECT_EQ(answer.logged_fault, "html-403");
  // The 502 page is still what `html` serves.
  const OneAnswer gateway = AnswerTo("html:1");
  EXPECT_EQ(gateway.status, 502);
  EXPECT_NE(gateway.body.find("Error 502 Bad gateway"), std::string::npos);
}

TEST(SimFaults, ImfFixdateIsRfc9110sPreferredForm) {
  EXPECT_EQ(ImfFixdate(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");  // RFC 9110's example
  EXPECT_EQ(ImfFixdate(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(ImfFixdate(1445412480), "Wed, 21 Oct 2015 07:28:00 GMT");
}

TEST(SimFaults, RetryAfterDateIsAnHttpDateThatManySecondsAhead) {
  Options options = testing::SmallOptions(3);
  options.retry_after_s = 30;
  options.retry_after_date = true;
  const int64_t before = static_cast<int64_t>(time(nullptr));
  const OneAnswer answer = AnswerTo("429:1", options);
  const int64_t after = static_cast<int64_t>(time(nullptr));
  EXPECT_EQ(answer.status, 429);
  struct tm parsed = {};
  const char* end = strptime(answer.retry_after.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &parsed);
  ASSERT_NE(end, nullptr) << answer.retry_after;
  EXPECT_EQ(*end, '\0') << answer.retry_after;
  const int64_t when = static_cast<int64_t>(timegm(&parsed));
  EXPECT_GE(when, before + 30) << answer.retry_after;
  EXPECT_LE(when, after + 30) << answer.retry_after;
}

TEST(SimFaults, StallHoldsTheAnswerPastTheClientsTimeoutAndStopEndsIt) {
  Options options = testing::SmallOptions(3);
  options.faults = "stall:1";
  options.stall_ms = 120000;  // Stop() must not wait for this
  auto server = testing::StartServer(options);
  ASSERT_NE(server, nullptr);
  httplib::Client client("127.0.0.1", server->port());
  const std::string token = testing::PasswordToken(client);
  client.set_read_timeout(std::chrono::milliseconds(300));
  auto res = client.Get("/api/me", Bearer(token));
  EXPECT_FALSE(res) << "a stalled answer must not arrive within the client's timeout";
  const auto start = std::chrono::steady_clock::now();
  server->Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
}

TEST(SimFaults, AStallShorterThanTheTimeoutIsTheNormalAnswer) {
  Options options = testing::SmallOptions(3);
  options.stall_ms = 50;
  const OneAnswer answer = AnswerTo("stall:1", options);
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.content_type, "application/json");
  EXPECT_EQ(answer.logged_fault, "stall");
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
