// RevokeRefreshToken's request and how it reads the answers, against a scripted transport (the
// simulator's /oauth/revoke is covered end to end in tests/integration/auth_test.cc and
// tests/cli/cli_logout_test.cc).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pelo/peloton/auth/login.h"
#include "unit/peloton/auth/fake_transport.h"

namespace pelo::auth {
namespace {

using pelo::testing::FakeTransport;
using pelo::testing::JsonResponse;

constexpr const char* kRefreshToken = "v1.Refresh-Secret-0123456789";

// Revocation talks to the auth host only.
Endpoints AuthHostOnly() {
  Endpoints e;
  e.auth_url = "http://127.0.0.1:9";
  return e;
}

Credentials WithRefreshToken(Method method, std::string client_id) {
  Credentials c;
  c.method = method;
  c.access_token = "eyJAccess";
  c.refresh_token = kRefreshToken;
  c.client_id = std::move(client_id);
  return c;
}

TEST(Revoke, PostsTheClientIdAndTokenAsJsonToTheAuthHost) {
  FakeTransport transport([](const http::Request&) { return JsonResponse(200, ""); });
  ASSERT_TRUE(
      RevokeRefreshToken(transport, AuthHostOnly(), WithRefreshToken(Method::kPkce, kWebClientId))
          .ok());
  ASSERT_EQ(transport.requests().size(), 1u);
  const http::Request r = transport.requests()[0];
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "http://127.0.0.1:9/oauth/revoke");
  EXPECT_TRUE(r.sensitive) << "never logged with its body, never retried blindly";
  const auto body = nlohmann::json::parse(r.body);
  EXPECT_EQ(body, (nlohmann::json{{"client_id", kWebClientId}, {"token", kRefreshToken}}));
  bool json_type = false;
  for (const auto& [name, value] : r.headers) json_type |= name == "Content-Type";
  EXPECT_TRUE(json_type);
}

// Credentials saved before the client id was recorded: the method says which client it was.
TEST(Revoke, WithoutASavedClientIdTheMethodsClientIsUsed) {
  FakeTransport transport([](const http::Request&) { return JsonResponse(200, ""); });
  ASSERT_TRUE(
      RevokeRefreshToken(transport, AuthHostOnly(), WithRefreshToken(Method::kPasswordGrant, ""))
          .ok());
  ASSERT_TRUE(
      RevokeRefreshToken(transport, AuthHostOnly(), WithRefreshToken(Method::kPkce, "")).ok());
  ASSERT_EQ(transport.requests().size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(transport.requests()[0].body)["client_id"], kMobileClientId);
  EXPECT_EQ(nlohmann::json::parse(transport.requests()[1].body)["client_id"], kWebClientId);
}

TEST(Revoke, NoRefreshTokenSendsNothing) {
  FakeTransport transport([](const http::Request&) { return JsonResponse(200, ""); });
  Credentials c = WithRefreshToken(Method::kToken, "");
  c.refresh_token.clear();
  EXPECT_EQ(RevokeRefreshToken(transport, AuthHostOnly(), c).code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(transport.requests().empty());
}

// The step and the OAuth error code are named; the server's free text and the token are not.
TEST(Revoke, RefusalsNameTheStepAndErrorCodeButNoSecret) {
  const std::string description = std::string("token ") + kRefreshToken + " is not yours";
  FakeTransport transport([&description](const http::Request&) {
    return JsonResponse(
        401,
        nlohmann::json{{"error", "invalid_client"}, {"error_description", description}}.dump());
  });
  const Status s =
      RevokeRefreshToken(transport, AuthHostOnly(), WithRefreshToken(Method::kPkce, "x"));
  EXPECT_EQ(s.code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(s.message(), "POST /oauth/revoke: HTTP 401 Unauthorized (invalid_client)");
  EXPECT_EQ(s.ToString().find(kRefreshToken), std::string::npos);
}

TEST(Revoke, ServerErrorsAreApiErrorsAndTransportFailuresPassThrough) {
  FakeTransport failing([](const http::Request&) { return JsonResponse(503, "<html>"); });
  EXPECT_EQ(RevokeRefreshToken(failing, AuthHostOnly(), WithRefreshToken(Method::kPkce, "")).code(),
            ErrorCode::kApi);
  FakeTransport down([](const http::Request&) -> StatusOr<http::Response> {
    return Status(ErrorCode::kNetwork, "POST http://127.0.0.1:9/oauth/revoke: connection refused");
  });
  EXPECT_EQ(RevokeRefreshToken(down, AuthHostOnly(), WithRefreshToken(Method::kPkce, "")).code(),
            ErrorCode::kNetwork);
}

}  // namespace
}  // namespace pelo::auth
