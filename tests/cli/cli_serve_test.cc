// `pelo serve` as a process over real HTTP on 127.0.0.1: its JSON endpoints answer as `pelo
// stats ... --json` does, and it refuses what a local dashboard must refuse (ADR 0022).
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_env.h"

namespace pelo::testing {
namespace {

class CliServe : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sim_ = new SimProcess({"--workouts", "30", "--password", "demo"});
    env_ = new CliEnv(sim_->url());
    ASSERT_EQ(env_->Login().exit_code, 0);
    auto sync = env_->Pelo({"sync", "--every-n", "10", "--quiet"});
    ASSERT_EQ(sync.exit_code, 0) << sync.err;
    serve_ = new ServeProcess({"--db", env_->DbPath()}, env_->Env());
  }
  static void TearDownTestSuite() {
    delete serve_;
    delete env_;
    delete sim_;
  }

  static nlohmann::json Stats(std::vector<std::string> args) {
    return StatsJson(*env_, std::move(args));
  }

  // GET `path` from the dashboard; `host` replaces the Host header when given.
  static httplib::Result Get(const std::string& path, const std::string& host = "") {
    httplib::Client client(serve_->url());
    client.set_read_timeout(60);
    httplib::Headers headers;
    if (!host.empty()) headers.emplace("Host", host);
    return client.Get(path, headers);
  }

  static SimProcess* sim_;
  static CliEnv* env_;
  static ServeProcess* serve_;
};

SimProcess* CliServe::sim_ = nullptr;
CliEnv* CliServe::env_ = nullptr;
ServeProcess* CliServe::serve_ = nullptr;

TEST_F(CliServe, EachEndpointAnswersAsTheStatsCommandDoes) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"/api/rides", {"rides"}},     {"/api/curve", {"curve"}},
      {"/api/fitness", {"fitness"}}, {"/api/ftp", {"ftp"}},
      {"/api/zones", {"zones"}},     {"/api/zones?by=month", {"zones", "--by", "month"}},
      {"/api/drivers", {"drivers"}},
  };
  for (const auto& [path, args] : cases) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(nlohmann::json::parse(res->body), Stats(args)) << path;
  }
  const nlohmann::json rides = Stats({"rides"});
  ASSERT_GT(rides.size(), 3u);
  const std::string since = rides[2]["date"].get<std::string>().substr(0, 10);
  auto res = Get("/api/curve?since=" + since);
  ASSERT_TRUE(res);
  EXPECT_EQ(nlohmann::json::parse(res->body), Stats({"curve", "--since", since}));
}

TEST_F(CliServe, TheReportPageIsServedWithItsOwnPolicy) {
  auto res = Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(res->body.find("Content-Security-Policy\" content=\"default-src 'none'"),
            std::string::npos);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(CliServe, BadParametersAreA400NamingThem) {
  for (const auto& [path, name] : std::vector<std::pair<std::string, std::string>>{
           {"/api/rides?since=2024-02-30", "since"},
           {"/api/curve?until=yesterday", "until"},
           {"/api/zones?by=year", "by"},
           {"/api/workouts?limit=-1", "limit"},
           {"/api/ftp?x=1", "'x'"},
           {"/api/rides?since=2024-01-01&since=2024-02-01", "since"}}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 400) << path;
    EXPECT_NE(nlohmann::json::parse(res->body)["error"].get<std::string>().find(name),
              std::string::npos)
        << path << ": " << res->body;
  }
}

TEST_F(CliServe, AForeignHostIsRefused) {
  for (const std::string host : {"evil.example", "evil.example:80", "127.0.0.1.evil.example"}) {
    auto res = Get("/api/ftp", host);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << host;
    EXPECT_EQ(res->body.find("changes"), std::string::npos);
  }
  const std::string port = serve_->url().substr(serve_->url().rfind(':') + 1);
  auto res = Get("/api/ftp", "localhost:" + port);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(CliServe, NoPathLeadsOutOfItsRoutes) {
  for (const std::string path :
       {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/api/../../pelo.db", "/pelo.db",
        "/credentials.json", "/api/ftp/../../../etc/passwd", "/report.js/..%2f..%2fpelo.db"}) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path << ": " << res->body;
    EXPECT_EQ(res->body.find("root:"), std::string::npos);
    EXPECT_EQ(res->body.find("SQLite format"), std::string::npos);
  }
}

TEST_F(CliServe, ItNeverWritesTheDatabaseAndStopsCleanly) {
  const auto before = std::filesystem::last_write_time(env_->DbPath());
  for (const char* path : {"/", "/api/rides", "/api/drivers"}) ASSERT_TRUE(Get(path));
  httplib::Client client(serve_->url());
  auto post = client.Post("/api/ftp", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(std::filesystem::last_write_time(env_->DbPath()), before);
}

TEST(CliServeStart, AMissingDatabaseIsAStorageErrorAndIsNotCreated) {
  TempDir dir;
  const std::string db = dir / "none.db";
  auto r = RunProcess({PELO_BIN, "serve", "--port", "0", "--db", db});
  EXPECT_EQ(r.exit_code, 6) << r.err;
  EXPECT_NE(r.err.find("none.db"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST_F(CliServe, SigtermStopsItWithExitZero) {
  ServeProcess second({"--db", env_->DbPath()}, env_->Env());
  httplib::Client client(second.url());
  ASSERT_TRUE(client.Get("/api/ftp"));
  EXPECT_EQ(second.Stop(), 0);
}

}  // namespace
}  // namespace pelo::testing
