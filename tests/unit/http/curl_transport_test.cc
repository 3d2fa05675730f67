// CurlTransport against a real cpp-httplib server on 127.0.0.1 (ephemeral port).
#include <gtest/gtest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <thread>

#include "pelo/common/cancel.h"
#include "pelo/http/transport.h"
#include "support/recorded_waits.h"

namespace pelo::http {
namespace {

using Clock = std::chrono::steady_clock;

// A loopback port nobody listens on: bound (not listening) and released.
int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

class CurlTransportTest : public ::testing::Test {
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
    ResetCancel();
  }

  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  static std::unique_ptr<Transport> Make(int attempts = 4) {
    TransportOptions options;
    options.user_agent = "pelo-test/1";
    options.retry.max_attempts = attempts;
    options.retry.initial_backoff = std::chrono::milliseconds(10);
    options.retry.max_backoff = std::chrono::milliseconds(40);
    return MakeCurlTransport(options);
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

TEST_F(CurlTransportTest, Get_ReturnsBodyStatusAndHeadersInOrder) {
  std::string seen_agent, seen_custom;
  server_.Get("/hello", [&](const httplib::Request& req, httplib::Response& res) {
    seen_agent = req.get_header_value("User-Agent");
    seen_custom = req.get_header_value("X-Test");
    res.set_header("Set-Cookie", "a=1; Path=/");
    res.set_header("Set-Cookie", "b=2; Path=/x");
    res.set_content("hi there", "text/plain");
  });
  Request req;
  req.url = Url("/hello");
  req.headers = {{"X-Test", "yes"}};
  auto res = Make()->Send(req);
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "hi there");
  EXPECT_EQ(res->HeaderValue("content-type"), "text/plain");
  EXPECT_EQ(res->HeaderValues("Set-Cookie"),
            (std::vector<std::string>{"a=1; Path=/", "b=2; Path=/x"}));
  EXPECT_EQ(res->effective_url, Url("/hello"));
  EXPECT_EQ(seen_agent, "pelo-test/1");
  EXPECT_EQ(seen_custom, "yes");
}

TEST_F(CurlTransportTest, Post_SendsBodyAndContentType) {
  std::string seen_body, seen_type;
  server_.Post("/echo", [&](const httplib::Request& req, httplib::Response& res) {
    seen_body = req.body;
    seen_type = req.get_header_value("Content-Type");
    res.status = 201;
    res.set_content("{\"ok\":true}", "application/json");
  });
  Request req;
  req.method = "POST";
  req.url = Url("/echo");
  req.headers = {{"Content-Type", "application/json"}};
  req.body = R"({"a":1})";
  auto res = Make()->Send(req);
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 201);
  EXPECT_EQ(seen_body, R"({"a":1})");
  EXPECT_EQ(seen_type, "application/json");
}

TEST_F(CurlTransportTest, Retry_503ThenSuccess) {
  std::atomic<int> calls{0};
  server_.Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
    if (calls++ == 0) {
      res.status = 503;
      return;
    }
    res.set_content("ok", "text/plain");
  });
  Request req;
  req.url = Url("/flaky");
  auto res = Make()->Send(req);
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->attempts, 2);
  EXPECT_EQ(calls.load(), 2);
}

using testing::RecordedWaits;

TEST_F(CurlTransportTest, Retry_HonoursRetryAfterOn429WithAFakeClock) {
  std::atomic<int> calls{0};
  server_.Get("/limited", [&](const httplib::Request&, httplib::Response& res) {
    if (calls++ == 0) {
      res.status = 429;
      res.set_header("Retry-After", "7");
      return;
    }
    res.set_content("ok", "text/plain");
  });
  RecordedWaits clock;
  TransportOptions options;
  options.sleep = clock.Sleeper();
  options.counters = std::make_shared<TransportCounters>();
  Request req;
  req.url = Url("/limited");
  auto res = MakeCurlTransport(options)->Send(req);
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->attempts, 2);
  EXPECT_EQ(calls.load(), 2);
  // Exactly the wait the server asked for: no backoff on top, nothing shorter.
  ASSERT_EQ(clock.waits.size(), 1u);
  EXPECT_GT(clock.waits[0], std::chrono::milliseconds(6900));
  EXPECT_LE(clock.waits[0], std::chrono::milliseconds(7000));
  EXPECT_EQ(options.counters->requests.load(), 2);
  EXPECT_EQ(options.counters->retries.load(), 1);
  EXPECT_EQ(options.counters->waited_ms.load(), 7000);
  EXPECT_EQ(options.counters->bytes.load(), 2);  // "ok"
}

TEST_F(CurlTransportTest, Retry_AfterHoldsBackEveryRequestOfTheTransport) {
  std::atomic<int> limited{0};
  server_.Get("/limited", [&](const httplib::Request&, httplib::Response& res) {
    if (limited++ == 0) {
      res.status = 429;
      res.set_header("Retry-After", "30");
      return;
    }
    res.set_content("ok", "text/plain");
  });
  server_.Get("/other", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("fine", "text/plain");
  });
  RecordedWaits clock;
  TransportOptions options;
  options.sleep = clock.Sleeper();
  auto transport = MakeCurlTransport(options);
  Request first;
  first.url = Url("/limited");
  ASSERT_TRUE(transport->Send(first).ok());
  ASSERT_EQ(clock.waits.size(), 1u);
  // The fake clock did not move: another request of the same transport waits out the pause
  // too, rather than hitting a server that asked for quiet.
  Request second;
  second.url = Url("/other");
  auto res = transport->Send(second);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->body, "fine");
  ASSERT_EQ(clock.waits.size(), 2u);
  EXPECT_GT(clock.waits[1], std::chrono::seconds(29));
  EXPECT_LE(clock.waits[1], std::chrono::seconds(30));
}

TEST_F(CurlTransportTest, Retry_BackoffWithoutRetryAfterGrowsAndIsCapped) {
  server_.Get("/down", [](const httplib::Request&, httplib::Response& res) { res.status = 503; });
  RecordedWaits clock;
  TransportOptions options;
  options.sleep = clock.Sleeper();
  options.retry.max_attempts = 5;
  options.retry.initial_backoff = std::chrono::milliseconds(1000);
  options.retry.max_backoff = std::chrono::milliseconds(3000);
  Request req;
  req.url = Url("/down");
  auto res = MakeCurlTransport(options)->Send(req);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->status, 503);
  EXPECT_EQ(res->attempts, 5);
  // 1 s, 2 s, 3 s (capped), 3 s; each scaled by jitter into [50%, 100%].
  const std::vector<int64_t> nominal = {1000, 2000, 3000, 3000};
  ASSERT_EQ(clock.waits.size(), nominal.size());
  for (size_t i = 0; i < nominal.size(); ++i) {
    EXPECT_GE(clock.waits[i].count(), nominal[i] / 2) << i;
    EXPECT_LE(clock.waits[i].count(), nominal[i]) << i;
  }
}

TEST_F(CurlTransportTest, Retry_ExhaustedReturnsLastResponse) {
  std::atomic<int> calls{0};
  server_.Get("/down", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 503;
    res.set_content("<html>down</html>", "text/html");
  });
  Request req;
  req.url = Url("/down");
  auto res = Make(3)->Send(req);
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 503);
  EXPECT_EQ(res->attempts, 3);
  EXPECT_EQ(calls.load(), 3);
}

// One retry layer: a caller gives a request more tries than the policy's, and the waits
// between them keep the policy's backoff (doubling, capped).
TEST_F(CurlTransportTest, Retry_ARequestsOwnMaxAttemptsOverridesThePolicy) {
  std::atomic<int> calls{0};
  server_.Get("/down", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 503;
  });
  RecordedWaits clock;
  TransportOptions options;
  options.sleep = clock.Sleeper();
  options.retry.initial_backoff = std::chrono::milliseconds(1000);
  options.retry.max_backoff = std::chrono::milliseconds(2000);
  auto transport = MakeCurlTransport(options);
  Request req;
  req.url = Url("/down");
  req.max_attempts = 7;
  auto res = transport->Send(req);
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 503);
  EXPECT_EQ(res->attempts, 7);
  EXPECT_EQ(calls.load(), 7);
  // 1 s, then 2 s (capped) five times; each scaled by jitter into [50%, 100%].
  ASSERT_EQ(clock.waits.size(), 6u);
  for (size_t i = 0; i < clock.waits.size(); ++i) {
    const int64_t nominal = i == 0 ? 1000 : 2000;
    EXPECT_GE(clock.waits[i].count(), nominal / 2) << i;
    EXPECT_LE(clock.waits[i].count(), nominal) << i;
  }
  calls = 0;
  req.max_attempts = 0;  // the policy's 4
  ASSERT_TRUE(transport->Send(req).ok());
  EXPECT_EQ(calls.load(), 4);
}

// A complete-looking 200 whose body the caller cannot use (cut short) is tried again; after
// the last try it is returned as it came, for the caller to report.
TEST_F(CurlTransportTest, Retry_ABodyTheRequestRejectsIsTriedAgain) {
  std::atomic<int> calls{0};
  server_.Get("/cut", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(calls++ < 2 ? R"({"data": [1, 2)" : R"({"data": [1, 2, 3]})",
                    "application/json");
  });
  RecordedWaits clock;
  TransportOptions options;
  options.sleep = clock.Sleeper();
  options.counters = std::make_shared<TransportCounters>();
  auto transport = MakeCurlTransport(options);
  Request req;
  req.url = Url("/cut");
  req.usable_body = [](std::string_view body) { return !body.empty() && body.back() == '}'; };
  auto res = transport->Send(req);
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->body, R"({"data": [1, 2, 3]})");
  EXPECT_EQ(res->attempts, 3);
  EXPECT_EQ(clock.waits.size(), 2u);
  EXPECT_EQ(options.counters->retries.load(), 2);

  calls = -100;  // cut every time from here on
  auto exhausted = transport->Send(req);
  ASSERT_TRUE(exhausted.ok()) << exhausted.status().ToString();
  EXPECT_EQ(exhausted->body, R"({"data": [1, 2)");
  EXPECT_EQ(exhausted->attempts, 4);

  calls = -100;
  req.sensitive = true;  // an auth answer is never asked for twice
  auto once = transport->Send(req);
  ASSERT_TRUE(once.ok());
  EXPECT_EQ(once->attempts, 1);
}

TEST_F(CurlTransportTest, Retry_SensitiveRequestIsNotRetriedOn5xx) {
  std::atomic<int> calls{0};
  server_.Post("/login", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 502;
  });
  Request req;
  req.method = "POST";
  req.url = Url("/login");
  req.sensitive = true;
  auto res = Make()->Send(req);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->status, 502);
  EXPECT_EQ(calls.load(), 1);
}

TEST_F(CurlTransportTest, Network_ConnectionRefusedIsNetworkError) {
  const int port = FreePort();
  Request req;
  req.url = "http://127.0.0.1:" + std::to_string(port) + "/x?code=secret";
  auto res = Make(2)->Send(req);
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.status().code(), ErrorCode::kNetwork);
  EXPECT_NE(res.status().message().find("GET http://127.0.0.1"), std::string::npos);
  EXPECT_EQ(res.status().message().find("secret"), std::string::npos);
}

TEST_F(CurlTransportTest, Policy_PlainHttpToRemoteHostRefusedBeforeAnyTraffic) {
  Request req;
  req.url = "http://example.invalid/api/me";
  auto res = Make()->Send(req);
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(res.status().message().find("refusing plain http to example.invalid"),
            std::string::npos)
      << res.status().message();
  EXPECT_TRUE(CheckUrlAllowed("https://api.onepeloton.com/x", "").ok());
  EXPECT_TRUE(CheckUrlAllowed("http://localhost:8/x", "").ok());
  EXPECT_TRUE(CheckUrlAllowed("http://127.1.2.3/x", "").ok());
  EXPECT_TRUE(CheckUrlAllowed("http://[::1]:9/x", "").ok());
  EXPECT_FALSE(CheckUrlAllowed("http://127.0.0.1.evil.com/x", "").ok());
  EXPECT_FALSE(CheckUrlAllowed("http://10.0.0.1/x", "").ok());
  EXPECT_FALSE(CheckUrlAllowed("ftp://127.0.0.1/x", "").ok());
}

// The policy and the transfer read one parse of the URL: loopback spelt any way libcurl reads it
// is reached, and a URL that only looks like loopback is refused before any traffic.
TEST_F(CurlTransportTest, Policy_DecidesOnTheHostCurlConnectsTo) {
  std::atomic<int> hits{0};
  server_.Get("/x", [&](const httplib::Request&, httplib::Response& res) {
    ++hits;
    res.set_content("ok", "text/plain");
  });
  const std::string port = std::to_string(port_);
  for (const std::string& url :
       {"http://127.1:" + port + "/x", "http://0x7f.1:" + port + "/x",
        "http://2130706433:" + port + "/x", "HTTP://user@127.0.0.1:" + port + "/x"}) {
    Request req;
    req.url = url;
    auto res = Make(1)->Send(req);
    ASSERT_TRUE(res.ok()) << url << ": " << res.status().ToString();
    EXPECT_EQ(res->body, "ok") << url;
  }
  EXPECT_EQ(hits.load(), 4);
  for (const std::string& url :
       {"http://127.0.0.1:" + port + "@evil.example/x", "http://evil.example#@127.0.0.1:" + port,
        "http://evil.example?@127.0.0.1:" + port, "http://localhost.:" + port + "/x",
        "http://a@b@127.0.0.1:" + port + "/x", "http://[::1]evil.example:" + port + "/x"}) {
    Request req;
    req.url = url;
    auto res = Make(1)->Send(req);
    ASSERT_FALSE(res.ok()) << url;
    EXPECT_EQ(res.status().code(), ErrorCode::kInvalidArgument)
        << url << ": " << res.status().ToString();
  }
  EXPECT_EQ(hits.load(), 4);
  EXPECT_FALSE(CheckUrlAllowed("http://127.0.0.1@evil.example/", "").ok());
  EXPECT_TRUE(CheckUrlAllowed("http://[0:0::1]:9/x", "").ok());
  EXPECT_TRUE(CheckUrlAllowed("http://LOCALHOST:9/x", "").ok());
}

TEST_F(CurlTransportTest, Redirect_FollowedOnlyWhenAsked) {
  server_.Get("/start", [](const httplib::Request&, httplib::Response& res) {
    res.status = 302;
    res.set_header("Location", "/end?x=1");
  });
  server_.Get("/end", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content("end " + req.get_param_value("x"), "text/plain");
  });
  auto transport = Make();
  Request req;
  req.url = Url("/start");
  auto manual = transport->Send(req);
  ASSERT_TRUE(manual.ok());
  EXPECT_EQ(manual->status, 302);
  EXPECT_EQ(manual->HeaderValue("Location"), "/end?x=1");
  req.follow_redirects = true;
  auto followed = transport->Send(req);
  ASSERT_TRUE(followed.ok()) << followed.status().ToString();
  EXPECT_EQ(followed->status, 200);
  EXPECT_EQ(followed->body, "end 1");
  EXPECT_EQ(followed->effective_url, Url("/end?x=1"));
}

TEST_F(CurlTransportTest, Concurrency_EightThreadsShareOneTransport) {
  std::atomic<int> calls{0};
  server_.Get(R"(/n/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    ++calls;
    res.set_content(req.matches[1].str(), "text/plain");
  });
  auto transport = Make();
  std::atomic<int> good{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        Request req;
        req.url = Url("/n/" + std::to_string(t * 100 + i));
        auto res = transport->Send(req);
        if (res.ok() && res->body == std::to_string(t * 100 + i)) ++good;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(good.load(), 160);
  EXPECT_EQ(calls.load(), 160);
}

TEST_F(CurlTransportTest, RateCap_SpacesRequests) {
  server_.Get("/r", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok", "text/plain");
  });
  TransportOptions options;
  options.max_requests_per_second = 10;
  auto transport = MakeCurlTransport(options);
  Request req;
  req.url = Url("/r");
  const auto start = Clock::now();
  for (int i = 0; i < 15; ++i) ASSERT_TRUE(transport->Send(req).ok());
  // 10 in the initial burst, then 5 more at 10/s.
  EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(400));
}

TEST_F(CurlTransportTest, Cancel_AbortsTransferInFlight) {
  server_.Get("/slow", [](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    res.set_content("late", "text/plain");
  });
  std::thread canceller([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    RequestCancel();
  });
  Request req;
  req.url = Url("/slow");
  auto res = Make()->Send(req);
  canceller.join();
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.status().code(), ErrorCode::kCancelled);
}

}  // namespace
}  // namespace pelo::http
