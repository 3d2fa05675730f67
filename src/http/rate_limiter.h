// A token bucket that spaces requests to at most N per second (bursts of up to N).
#pragma once

#include <chrono>
#include <mutex>

namespace pelo::http::internal {

class RateLimiter {
 public:
  // `per_second` <= 0 means unlimited.
  explicit RateLimiter(double per_second);

  // How long the caller must wait before sending; reserves a token (the bucket may go into
  // debt so that concurrent callers queue up in order).
  std::chrono::steady_clock::duration Reserve();

 private:
  const double rate_;
  const double capacity_;
  std::mutex mu_;
  double tokens_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace pelo::http::internal
