// Helpers for tests that run a real pelo-sim server on 127.0.0.1 and talk HTTP to it.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "pelo/peloton/sim/server.h"

namespace pelo::sim::testing {

inline constexpr const char* kMobileClient = "mgsmWCD0A8Qn6uz6mmqI6qeBNHH9IPwS";
inline constexpr const char* kWebClient = "WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM";

inline std::unique_ptr<Server> StartServer(Options options) {
  options.port = 0;
  auto server = Server::Create(options);
  EXPECT_TRUE(server.ok()) << server.status().ToString();
  if (!server.ok()) return nullptr;
  const Status status = (*server)->Start();
  EXPECT_TRUE(status.ok()) << status.ToString();
  return std::move(server).value();
}

inline Options SmallOptions(int workouts = 60) {
  Options o;
  o.workouts = workouts;
  o.threads = 4;
  return o;
}

inline httplib::Headers Bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

// An access token from the password grant with the mobile client id.
inline std::string PasswordToken(httplib::Client& client) {
  const nlohmann::json body = {{"grant_type", "password"},
                               {"client_id", kMobileClient},
                               {"username", "demo@example.com"},
                               {"password", "demo"},
                               {"scope", "offline_access openid"}};
  auto res = client.Post("/oauth/token", body.dump(), "application/json");
  EXPECT_TRUE(res && res->status == 200);
  if (!res || res->status != 200) return "";
  return nlohmann::json::parse(res->body)["access_token"].get<std::string>();
}

// GET `path` with the bearer token, expecting 200 and JSON.
inline nlohmann::json GetJson(httplib::Client& client, const std::string& path,
                              const std::string& token) {
  auto res = client.Get(path.c_str(), Bearer(token));
  EXPECT_TRUE(res) << path;
  if (!res) return nullptr;
  EXPECT_EQ(res->status, 200) << path << ": " << res->body.substr(0, 300);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << path;
  return nlohmann::json::parse(res->body, nullptr, false);
}

// All workouts of the user, page by page with `limit`.
inline nlohmann::json AllWorkouts(httplib::Client& client, const std::string& token,
                                  const std::string& user_id, int limit,
                                  const std::string& joins = "ride") {
  nlohmann::json all = nlohmann::json::array();
  for (int page = 0; page < 1000; ++page) {
    const auto body = GetJson(client,
                              "/api/user/" + user_id + "/workouts?joins=" + joins + "&limit=" +
                                  std::to_string(limit) + "&page=" + std::to_string(page),
                              token);
    for (const auto& w : body["data"]) all.push_back(w);
    if (!body.value("show_next", false)) break;
  }
  return all;
}

}  // namespace pelo::sim::testing
