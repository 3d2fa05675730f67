// CurlTransport against a real cpp-httplib server on 127.0.0.1: an HTML page where JSON was
// asked for (Cloudflare's challenge or block page) is retried like a 5xx, and a request that
// gets no answer within TransportOptions::request_timeout is retried like a dropped connection.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "pelo/http/transport.h"

namespace pelo::http {
namespace {

constexpr const char* kPage = "<!DOCTYPE html><html><title>Just a moment...</title></html>";

class TransportHtmlTimeoutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    GlobalInit();
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void TearDown() override {
    server_.stop();
    thread_.join();
  }

  // GET `path` asking for JSON (as the API client does).
  Request JsonGet(const std::string& path) const {
    Request request;
    request.url = "http://127.0.0.1:" + std::to_string(port_) + path;
    request.headers = {{"Accept", "application/json"}};
    return request;
  }

  static std::unique_ptr<Transport> Make(std::chrono::milliseconds timeout = {}) {
    TransportOptions options;
    options.retry.max_attempts = 3;
    options.retry.initial_backoff = std::chrono::milliseconds(5);
    options.retry.max_backoff = std::chrono::milliseconds(20);
    options.request_timeout = timeout;
    options.counters = std::make_shared<TransportCounters>();
    return MakeCurlTransport(options);
  }

  // Serves `status` with kPage as `type` for the first `pages` requests to `path`, then JSON.
  void ServePagesThenJson(const std::string& path, int status, int pages,
                          const std::string& type = "text/html") {
    server_.Get(path, [this, status, pages, type](const httplib::Request&, httplib::Response& res) {
      if (calls_++ < pages) {
        res.status = status;
        res.set_content(kPage, type);
        return;
      }
      res.set_content(R"({"ok":true})", "application/json");
    });
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<int> calls_{0};
};

TEST_F(TransportHtmlTimeoutTest, AChallengePageWith200IsRetriedUntilJsonComes) {
  ServePagesThenJson("/api/me", 200, 2);
  auto res = Make()->Send(JsonGet("/api/me"));
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, R"({"ok":true})");
  EXPECT_EQ(res->attempts, 3);
  EXPECT_EQ(calls_.load(), 3);
}

TEST_F(TransportHtmlTimeoutTest, ABlockPageWith403IsRetriedThenReturned) {
  ServePagesThenJson("/api/me", 403, 100);
  auto res = Make()->Send(JsonGet("/api/me"));
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(res->attempts, 3);
  EXPECT_EQ(calls_.load(), 3);
}

TEST_F(TransportHtmlTimeoutTest, APageNotLabelledHtmlIsStillAPage) {
  ServePagesThenJson("/api/me", 200, 1, "application/json");
  auto res = Make()->Send(JsonGet("/api/me"));
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->attempts, 2);
}

TEST_F(TransportHtmlTimeoutTest, AJson403IsAnAnswerNotRetried) {
  server_.Get("/api/me", [this](const httplib::Request&, httplib::Response& res) {
    ++calls_;
    res.status = 403;
    res.set_content(R"({"status":403,"message":"Forbidden"})", "application/json");
  });
  auto res = Make()->Send(JsonGet("/api/me"));
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(calls_.load(), 1);
}

TEST_F(TransportHtmlTimeoutTest, HtmlIsNotRetriedWhenNoJsonWasAskedForOrTheRequestIsSensitive) {
  ServePagesThenJson("/page", 200, 100);
  Request html = JsonGet("/page");
  html.headers = {{"Accept", "text/html"}};
  auto res = Make()->Send(html);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->attempts, 1);
  Request sensitive = JsonGet("/page");
  sensitive.sensitive = true;  // an auth request: its answer may already have been acted on
  res = Make()->Send(sensitive);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->attempts, 1);
  EXPECT_EQ(calls_.load(), 2);
}

TEST_F(TransportHtmlTimeoutTest, ARequestPastItsTimeoutIsRetried) {
  server_.Get("/api/slow-once", [this](const httplib::Request&, httplib::Response& res) {
    if (calls_++ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    res.set_content(R"({"ok":true})", "application/json");
  });
  auto res = Make(std::chrono::milliseconds(200))->Send(JsonGet("/api/slow-once"));
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->attempts, 2);
}

TEST_F(TransportHtmlTimeoutTest, EveryTryTimingOutIsANetworkErrorSayingSo) {
  server_.Get("/api/stalled", [this](const httplib::Request&, httplib::Response& res) {
    ++calls_;
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    res.set_content("{}", "application/json");
  });
  auto res = Make(std::chrono::milliseconds(150))->Send(JsonGet("/api/stalled"));
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.status().code(), ErrorCode::kNetwork);
  EXPECT_NE(res.status().message().find("timed out"), std::string::npos) << res.status().message();
  EXPECT_NE(res.status().message().find("after 3 attempts"), std::string::npos)
      << res.status().message();
  EXPECT_EQ(calls_.load(), 3);
}

}  // namespace
}  // namespace pelo::http
