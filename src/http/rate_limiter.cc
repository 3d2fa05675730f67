#include "http/rate_limiter.h"

#include <algorithm>

namespace pelo::http::internal {

RateLimiter::RateLimiter(double per_second)
    : rate_(per_second),
      capacity_(std::max(1.0, per_second)),
      tokens_(capacity_),
      last_(std::chrono::steady_clock::now()) {}

std::chrono::steady_clock::duration RateLimiter::Reserve() {
  if (rate_ <= 0) return {};
  std::lock_guard<std::mutex> lock(mu_);
  const auto now = std::chrono::steady_clock::now();
  const std::chrono::duration<double> elapsed = now - last_;
  last_ = now;
  tokens_ = std::min(capacity_, tokens_ + elapsed.count() * rate_);
  tokens_ -= 1.0;
  if (tokens_ >= 0) return {};
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(-tokens_ / rate_));
}

}  // namespace pelo::http::internal
