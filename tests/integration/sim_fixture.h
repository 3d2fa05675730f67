// A simulator on 127.0.0.1 (ephemeral port) plus a transport and endpoints pointing at it.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "pelo/http/transport.h"
#include "pelo/peloton/api/client.h"
#include "pelo/peloton/auth/credentials.h"
#include "pelo/peloton/auth/login.h"
#include "pelo/peloton/auth/session.h"
#include "pelo/peloton/sim/server.h"

namespace pelo::testing {

class SimTest : public ::testing::Test {
 protected:
  static constexpr const char* kEmail = "demo@example.com";
  static constexpr const char* kPassword = "s3cret-Pa55word";

  // Starts a simulator with `options` (email/password set to kEmail/kPassword).
  void StartSim(sim::Options options = {}) {
    options.email = kEmail;
    options.password = kPassword;
    if (options.workouts == 300) options.workouts = 40;  // small and quick to build
    auto server = sim::Server::Create(options);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(server).value();
    ASSERT_TRUE(server_->Start().ok());
    endpoints_ = auth::EndpointsOnOneHost(server_->url());
    http::GlobalInit();
    transport_ = http::MakeCurlTransport(transport_options_);
  }

  // Starts a simulator and signs in with PKCE: credentials_, session_ and client_ are set.
  void StartSignedIn(sim::Options options = {}) {
    StartSim(std::move(options));
    if (HasFatalFailure()) return;
    auto credentials = auth::Login(*transport_, endpoints_,
                                   auth::LoginInput{auth::Method::kPkce, kEmail, kPassword, ""});
    ASSERT_TRUE(credentials.ok()) << credentials.status().ToString();
    credentials_ = *credentials;
    session_ = std::make_unique<auth::Session>(*transport_, endpoints_, credentials_, nullptr);
    client_ = std::make_unique<api::Client>(*transport_, endpoints_, session_.get(), "pelo-test");
  }

  // Users of the transport go first, then the transport: its idle keep-alive connections would
  // hold up the server's stop.
  void TearDown() override {
    client_.reset();
    session_.reset();
    transport_.reset();
    if (server_) server_->Stop();
  }

  // The options of the transport StartSim makes: tests may set a timeout or counters first.
  http::TransportOptions transport_options_ = [] {
    http::TransportOptions options;
    options.user_agent = "pelo-integration-test";
    options.retry.initial_backoff = std::chrono::milliseconds(20);
    return options;
  }();
  std::unique_ptr<sim::Server> server_;
  auth::Endpoints endpoints_;
  std::unique_ptr<http::Transport> transport_;
  auth::Credentials credentials_;
  std::unique_ptr<auth::Session> session_;
  std::unique_ptr<api::Client> client_;
};

}  // namespace pelo::testing
