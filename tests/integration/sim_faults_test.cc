// Each injected fault kind at fraction 1, as pelo's own transport (libcurl, no retries) sees it,
// and the auth, OAuth and GraphQL paths left alone even then.
#include <string>

#include <nlohmann/json.hpp>

#include "sim_fixture.h"

namespace pelo::testing {
namespace {

using nlohmann::json;

class SimFaultsTest : public SimTest {
 protected:
  // Starts a simulator injecting `spec`, with a transport that tries each request once.
  void StartFaulty(const std::string& spec, sim::Options options = {}) {
    options.faults = spec;
    StartSim(options);
    if (HasFatalFailure()) return;
    http::TransportOptions once;
    once.user_agent = "pelo-integration-test";
    once.retry.max_attempts = 1;
    transport_ = http::MakeCurlTransport(once);
    token_ = PasswordGrantToken();
  }

  // Stops the simulator and the transport (for tests that start several in turn).
  void StopAll() {
    transport_.reset();
    server_->Stop();
    server_.reset();
  }

  std::string PasswordGrantToken() {
    const json body = {{"grant_type", "password"},
                       {"client_id", "mgsmWCD0A8Qn6uz6mmqI6qeBNHH9IPwS"},
                       {"username", kEmail},
                       {"password", kPassword}};
    http::Request request;
    request.method = "POST";
    request.url = server_->url() + "/oauth/token";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = body.dump();
    auto response = transport_->Send(request);
    EXPECT_TRUE(response.ok()) << response.status().ToString();
    if (!response.ok()) return "";
    EXPECT_EQ(response->status, 200) << "/oauth/token must never be faulted";
    return json::parse(response->body, nullptr, false).value("access_token", "");
  }

  StatusOr<http::Response> Get(const std::string& path) {
    http::Request request;
    request.url = server_->url() + path;
    request.headers = {{"Authorization", "Bearer " + token_}};
    return transport_->Send(request);
  }

  // The request log's fault for the last request to `path`.
  std::string LoggedFault(const std::string& path) {
    std::string fault = "(not logged)";
    for (const auto& r : server_->Requests()) {
      if (r.path == path) fault = r.fault;
    }
    return fault;
  }

  std::string token_;
};

TEST_F(SimFaultsTest, RateLimitCarriesRetryAfter) {
  sim::Options options;
  options.retry_after_s = 7;
  StartFaulty("429:1", options);
  auto response = Get("/api/me");
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 429);
  EXPECT_EQ(response->HeaderValue("Retry-After"), "7");
  const json body = json::parse(response->body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << response->body;
  EXPECT_EQ(body["status"], 429);
  EXPECT_EQ(response->attempts, 1);
}

TEST_F(SimFaultsTest, RetryAfterMayBeZero) {
  sim::Options options;
  options.retry_after_s = 0;
  StartFaulty("429:1", options);
  auto response = Get("/api/me");
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 429);
  EXPECT_EQ(response->HeaderValue("Retry-After"), "0");
}

TEST_F(SimFaultsTest, ServerErrorsAreJsonApiErrors) {
  for (int status : {500, 502, 503}) {
    StartFaulty(std::to_string(status) + ":1");
    ASSERT_FALSE(HasFatalFailure());
    auto response = Get("/api/me");
    ASSERT_TRUE(response.ok()) << response.status().ToString();
    EXPECT_EQ(response->status, status);
    EXPECT_EQ(response->HeaderValue("Content-Type"), "application/json");
    const json body = json::parse(response->body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << response->body;
    EXPECT_EQ(body["status"], status);
    EXPECT_TRUE(body.contains("message"));
    EXPECT_EQ(LoggedFault("/api/me"), std::to_string(status));
    StopAll();
  }
}

TEST_F(SimFaultsTest, HtmlIsACloudflareBadGatewayPage) {
  StartFaulty("html:1");
  auto response = Get("/api/me");
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 502);
  EXPECT_EQ(response->HeaderValue("Content-Type"), "text/html");
  EXPECT_EQ(response->body.rfind("<!DOCTYPE html>", 0), 0u) << response->body;
  EXPECT_NE(response->body.find("cloudflare"), std::string::npos);
  EXPECT_NE(response->body.find("Error 502 Bad gateway"), std::string::npos);
}

TEST_F(SimFaultsTest, InvalidJsonIsA200ThatDoesNotParse) {
  StartFaulty("invalid-json:1");
  auto response = Get("/api/me");
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->HeaderValue("Content-Type"), "application/json");
  EXPECT_FALSE(response->body.empty());
  EXPECT_TRUE(json::parse(response->body, nullptr, false).is_discarded()) << response->body;
}

// truncate: a complete, well-framed 200 (the transport succeeds) whose body is the first half
// of the real one, so only parsing it fails.
TEST_F(SimFaultsTest, TruncateIsACompleteResponseWithHalfTheBody) {
  StartFaulty("");
  auto full = Get("/api/me");
  ASSERT_TRUE(full.ok()) << full.status().ToString();
  ASSERT_EQ(full->status, 200);
  StopAll();

  StartFaulty("truncate:1");
  auto cut = Get("/api/me");
  ASSERT_TRUE(cut.ok()) << cut.status().ToString();
  EXPECT_EQ(cut->status, 200);
  EXPECT_EQ(cut->HeaderValue("Content-Type"), "application/json");
  EXPECT_EQ(cut->body, full->body.substr(0, full->body.size() / 2));
  EXPECT_TRUE(json::parse(cut->body, nullptr, false).is_discarded());
  EXPECT_EQ(LoggedFault("/api/me"), "truncate");
}

// reset: the headers announce the whole body, half of it arrives, the connection closes: a
// transport (network) error, never a short success.
TEST_F(SimFaultsTest, ResetIsANetworkError) {
  StartFaulty("reset:1");
  auto response = Get("/api/me");
  ASSERT_FALSE(response.ok()) << "status " << response->status << ", " << response->body;
  EXPECT_EQ(response.status().code(), ErrorCode::kNetwork) << response.status().ToString();
  EXPECT_EQ(LoggedFault("/api/me"), "reset");
  // The server is fine afterwards: the next request (a new connection) is answered (reset too).
  EXPECT_EQ(Get("/api/me").status().code(), ErrorCode::kNetwork);
}

TEST_F(SimFaultsTest, ResetCutsErrorAnswersToo) {
  StartFaulty("reset:1");
  auto unknown = Get("/api/no/such/path");
  EXPECT_EQ(unknown.status().code(), ErrorCode::kNetwork);
  EXPECT_EQ(LoggedFault("/api/no/such/path"), "reset");
}

// DELETE /api/workout/ID answers 200 with an empty body: reset announces one byte and closes.
TEST_F(SimFaultsTest, ResetCutsEvenAnEmptyBody) {
  StartFaulty("");  // the same seed's athlete, unfaulted, to learn a workout id
  auto me = Get("/api/me");
  ASSERT_TRUE(me.ok()) << me.status().ToString();
  const std::string user_id = json::parse(me->body)["id"].get<std::string>();
  auto workouts = Get("/api/user/" + user_id + "/workouts?limit=1");
  ASSERT_TRUE(workouts.ok()) << workouts.status().ToString();
  const std::string workout_id = json::parse(workouts->body)["data"][0]["id"].get<std::string>();
  http::Request remove;
  remove.method = "DELETE";
  remove.url = server_->url() + "/api/workout/" + workout_id;
  remove.headers = {{"Authorization", "Bearer " + token_}};
  auto unfaulted = transport_->Send(remove);
  ASSERT_TRUE(unfaulted.ok()) << unfaulted.status().ToString();
  ASSERT_EQ(unfaulted->status, 200);
  ASSERT_EQ(unfaulted->body, "");
  StopAll();

  StartFaulty("reset:1");
  remove.url = server_->url() + "/api/workout/" + workout_id;
  remove.headers = {{"Authorization", "Bearer " + token_}};
  auto cut = transport_->Send(remove);
  ASSERT_FALSE(cut.ok()) << "status " << cut->status;
  EXPECT_EQ(cut.status().code(), ErrorCode::kNetwork) << cut.status().ToString();
  const auto requests = server_->Requests();
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests.back().path, "/api/workout/" + workout_id);
  EXPECT_EQ(requests.back().status, 200) << "the same seed's workout, deleted";
  EXPECT_EQ(requests.back().fault, "reset");
}

// slow: the normal answer (its delay is not asserted: no timed assertions), logged as slow.
TEST_F(SimFaultsTest, SlowIsTheNormalAnswer) {
  StartFaulty("slow:1");
  auto response = Get("/api/me");
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 200);
  EXPECT_FALSE(json::parse(response->body, nullptr, false).is_discarded());
  EXPECT_EQ(LoggedFault("/api/me"), "slow");
}

TEST_F(SimFaultsTest, AuthOAuthAndGraphqlAreNeverFaulted) {
  StartFaulty("503:1");
  ASSERT_FALSE(token_.empty());
  // The whole Auth0 PKCE dance: /authorize, /login, /usernamepassword/login, /login/callback,
  // /authorize/resume, /oauth/token.
  auto credentials = auth::Login(*transport_, endpoints_,
                                 auth::LoginInput{auth::Method::kPkce, kEmail, kPassword, ""});
  EXPECT_TRUE(credentials.ok()) << credentials.status().ToString();
  auto check = Get("/auth/check_session");
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_EQ(check->status, 200);
  http::Request graphql;
  graphql.method = "POST";
  graphql.url = server_->url() + "/graphql";
  graphql.headers = {{"Authorization", "Bearer " + token_}, {"Content-Type", "application/json"}};
  graphql.body = R"({"operationName":"MyTags","query":"query MyTags { viewUser { id } }"})";
  auto graphql_response = transport_->Send(graphql);
  ASSERT_TRUE(graphql_response.ok()) << graphql_response.status().ToString();
  EXPECT_NE(graphql_response->status, 503);
  auto api = Get("/api/me");
  ASSERT_TRUE(api.ok());
  EXPECT_EQ(api->status, 503);
  for (const auto& r : server_->Requests()) {
    const bool is_api = r.path.rfind("/api/", 0) == 0;
    EXPECT_EQ(r.fault, is_api ? "503" : "") << r.path;
    if (!is_api) {
      EXPECT_NE(r.status, 503) << r.path;
    }
  }
}

}  // namespace
}  // namespace pelo::testing
