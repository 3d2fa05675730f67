// A simulator on 127.0.0.1 (ephemeral port) plus a transport and endpoints pointing at it.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "pelo/auth/credentials.h"
#include "pelo/http/transport.h"
#include "pelo/sim/server.h"

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
    endpoints_.api_url = server_->url();
    endpoints_.auth_url = server_->url();
    endpoints_.graphql_url = server_->url() + "/graphql";
    http::GlobalInit();
    http::TransportOptions transport_options;
    transport_options.user_agent = "pelo-integration-test";
    transport_options.retry.initial_backoff = std::chrono::milliseconds(20);
    transport_ = http::MakeCurlTransport(transport_options);
  }

  // The transport goes first: its idle keep-alive connections would hold up the server's stop.
  void TearDown() override {
    transport_.reset();
    if (server_) server_->Stop();
  }

  std::unique_ptr<sim::Server> server_;
  auth::Endpoints endpoints_;
  std::unique_ptr<http::Transport> transport_;
};

}  // namespace pelo::testing
