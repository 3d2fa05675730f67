// A Transport that answers from a function: for auth logic that needs no real server.
#pragma once

#include <functional>
#include <mutex>
#include <vector>

#include "pelo/http/transport.h"

namespace pelo::testing {

class FakeTransport : public http::Transport {
 public:
  using Handler = std::function<StatusOr<http::Response>(const http::Request&)>;
  explicit FakeTransport(Handler handler) : handler_(std::move(handler)) {}

  StatusOr<http::Response> Send(const http::Request& request) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      requests_.push_back(request);
    }
    return handler_(request);
  }
  std::vector<http::Request> requests() const {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }

 private:
  Handler handler_;
  mutable std::mutex mu_;
  std::vector<http::Request> requests_;
};

inline http::Response JsonResponse(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.headers = {{"Content-Type", "application/json"}};
  r.body = std::move(body);
  return r;
}

}  // namespace pelo::testing
