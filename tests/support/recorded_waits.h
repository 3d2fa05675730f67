// A fake clock for http::TransportOptions::sleep: records every wait the transport asks for
// (backoff, Retry-After, rate cap) and returns at once, so a test asserts the waits instead of
// spending them.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <mutex>
#include <vector>

namespace pelo::testing {

struct RecordedWaits {
  std::mutex mu;
  std::vector<std::chrono::milliseconds> waits;

  // The sleeper to put in TransportOptions::sleep; `this` must outlive the transport.
  std::function<bool(std::chrono::milliseconds)> Sleeper() {
    return [this](std::chrono::milliseconds delay) {
      std::lock_guard<std::mutex> lock(mu);
      waits.push_back(delay);
      return true;
    };
  }

  // How many recorded waits were at least `at_least` long.
  int CountAtLeast(std::chrono::milliseconds at_least) {
    std::lock_guard<std::mutex> lock(mu);
    return static_cast<int>(
        std::count_if(waits.begin(), waits.end(), [&](auto wait) { return wait >= at_least; }));
  }
};

}  // namespace pelo::testing
