#include "pelo/peloton/auth/session.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "pelo/peloton/auth/login.h"
#include "unit/peloton/auth/fake_transport.h"

namespace pelo::auth {
namespace {

using pelo::testing::FakeTransport;
using pelo::testing::JsonResponse;

class SessionTest : public ::testing::Test {
 protected:
  SessionTest()
      : transport_([this](const http::Request&) -> StatusOr<http::Response> {
          const int n = ++refreshes_;
          if (refuse_) return JsonResponse(400, R"({"error":"invalid_grant"})");
          return JsonResponse(200, R"({"access_token":"eyJnew)" + std::to_string(n) +
                                       R"(","refresh_token":"v1.rotated","expires_in":3600})");
        }) {}

  Credentials Initial() const {
    Credentials c;
    c.method = Method::kPkce;
    c.access_token = "eyJold";
    c.refresh_token = "v1.first";
    c.client_id = kWebClientId;
    c.expires_at = 10'000;
    return c;
  }

  std::vector<http::Header> Bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
  }

  std::atomic<int> refreshes_{0};
  bool refuse_ = false;
  FakeTransport transport_;
  std::atomic<int64_t> now_{1'000};
};

TEST_F(SessionTest, Headers_NoRefreshWhileFarFromExpiry) {
  Session session(transport_, Endpoints{}, Initial(), nullptr, [this] { return now_.load(); });
  EXPECT_EQ(session.Headers().value(), Bearer("eyJold"));
  EXPECT_EQ(refreshes_.load(), 0);
}

TEST_F(SessionTest, Headers_RefreshesWithinFiveMinutesOfExpiryAndSaves) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("pelo-session-" + std::to_string(::getpid()));
  TokenStore store(dir.string());
  Session session(transport_, Endpoints{}, Initial(), &store, [this] { return now_.load(); });
  now_ = 10'000 - 299;
  EXPECT_EQ(session.Headers().value(), Bearer("eyJnew1"));
  EXPECT_EQ(refreshes_.load(), 1);
  EXPECT_EQ(session.credentials().refresh_token, "v1.rotated");
  EXPECT_EQ(store.Load()->access_token, "eyJnew1");
  EXPECT_EQ(session.Headers().value(), Bearer("eyJnew1"));  // new expiry is an hour away
  EXPECT_EQ(refreshes_.load(), 1);
  std::filesystem::remove_all(dir);
}

TEST_F(SessionTest, OnUnauthorized_RefreshesOnceAcrossThreads) {
  Session session(transport_, Endpoints{}, Initial(), nullptr, [this] { return now_.load(); });
  const auto rejected = session.Headers().value();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      if (session.OnUnauthorized(rejected).ok()) ++ok;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 8);
  EXPECT_EQ(refreshes_.load(), 1);
  EXPECT_EQ(session.Headers().value(), Bearer("eyJnew1"));
}

TEST_F(SessionTest, OnUnauthorized_WithoutRefreshTokenOrWhenRefusedIsUnauthenticated) {
  Credentials c = Initial();
  c.refresh_token.clear();
  Session no_refresh(transport_, Endpoints{}, c, nullptr, [this] { return now_.load(); });
  Status s = no_refresh.OnUnauthorized(Bearer("eyJold"));
  EXPECT_EQ(s.code(), ErrorCode::kUnauthenticated);
  EXPECT_NE(s.message().find("pelo login"), std::string::npos);

  refuse_ = true;
  Session refused(transport_, Endpoints{}, Initial(), nullptr, [this] { return now_.load(); });
  EXPECT_EQ(refused.OnUnauthorized(Bearer("eyJold")).code(), ErrorCode::kUnauthenticated);
  now_ = 20'000;  // expired, and the refresh is refused
  EXPECT_EQ(refused.Headers().status().code(), ErrorCode::kUnauthenticated);
}

TEST_F(SessionTest, SetUserIdIsKept) {
  Session session(transport_, Endpoints{}, Initial(), nullptr, [this] { return now_.load(); });
  session.set_user_id("u42");
  EXPECT_EQ(session.credentials().user_id, "u42");
}

}  // namespace
}  // namespace pelo::auth
