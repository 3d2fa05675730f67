// Fault injection on the wire: draws a fault for every /api request (faults.h decides which)
// and makes the response show it. Three steps of one request, all on its worker thread:
//   1. BeforeRoute (pre-routing): numbers the request, answers the status kinds itself (429,
//      5xx, html, invalid-json), sleeps for slow, and marks the response for truncate/reset.
//   2. CutIfTruncating (after the route wrote its body, before httplib compresses it): a
//      truncate response keeps the first half of its body, sent as a complete response.
//   3. FinishFault (post-routing, just before the bytes go out): a reset response announces its
//      full Content-Length, sends half of the (possibly compressed) body and closes the
//      connection; the mark is removed and the fault's name returned for the request log.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstdint>
#include <string>

#include "sim/faults.h"

namespace pelo::sim {

class FaultInjector {
 public:
  // `latency_ms` is the delay every request already gets; `retry_after_s` goes in 429's header.
  FaultInjector(FaultPlan plan, uint64_t seed, int retry_after_s, int latency_ms);

  // Step 1. Handled when the response is complete (a status fault), else Unhandled.
  httplib::Server::HandlerResponse BeforeRoute(const httplib::Request& req, httplib::Response& res);

 private:
  const FaultPlan plan_;
  const uint64_t seed_;
  const int retry_after_s_;
  const int latency_ms_;
  std::atomic<uint64_t> next_api_request_{0};
};

// Step 2: cuts the body of a response marked truncate to its first half (rounded down).
void CutIfTruncating(httplib::Response& res);

// Step 3: applies a reset, removes the mark; the fault's name, or "" when none.
std::string FinishFault(httplib::Response& res);

}  // namespace pelo::sim
