// Fault injection on the wire: draws a fault for every /api request (faults.h decides which)
// and makes the response show it. Three steps of one request, all on its worker thread:
//   1. BeforeRoute (pre-routing): numbers the request, answers the status kinds itself (429,
//      5xx, the html pages, invalid-json), sleeps for slow and stall, and marks the response
//      for truncate/reset.
//   2. CutIfTruncating (after the route wrote its body, before httplib compresses it): a
//      truncate response keeps the first half of its body, sent as a complete response.
//   3. FinishFault (post-routing, just before the bytes go out): a reset response announces its
//      full Content-Length, sends half of the (possibly compressed) body and closes the
//      connection; the mark is removed and the fault's name returned for the request log.
#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

#include "peloton/sim/faults/faults.h"

namespace pelo::sim {

// How the faults are drawn and shaped (the simulator's --faults and related options).
struct FaultSettings {
  FaultPlan plan;
  uint64_t seed = 1;
  int burst = 1;                  // a fault repeats for this many requests in a row
  int retry_after_s = 2;          // what a 429 asks the client to wait
  bool retry_after_date = false;  // ... said as an HTTP-date (IMF-fixdate) instead of seconds
  int latency_ms = 0;             // the delay every request already gets
  int stall_ms = 35000;           // how long a stall holds its answer
};

class FaultInjector {
 public:
  explicit FaultInjector(FaultSettings settings);

  // Step 1. Handled when the response is complete (a status fault), else Unhandled.
  httplib::Server::HandlerResponse BeforeRoute(const httplib::Request& req, httplib::Response& res);

  // Ends the stalls now waiting, and makes later ones answer at once: the server is stopping.
  void ReleaseStalls();

 private:
  // Waits `ms` unless ReleaseStalls is called meanwhile.
  void Hold(int ms);
  // The Retry-After value of a 429: seconds, or the HTTP-date that many seconds from now.
  std::string RetryAfter() const;

  const FaultSettings settings_;
  std::atomic<uint64_t> next_api_request_{0};
  std::mutex stall_mu_;
  std::condition_variable stall_cv_;
  bool released_ = false;  // guarded by stall_mu_
};

// `epoch_s` as an HTTP-date in the preferred IMF-fixdate form: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string ImfFixdate(int64_t epoch_s);

// Step 2: cuts the body of a response marked truncate to its first half (rounded down).
void CutIfTruncating(httplib::Response& res);

// Step 3: applies a reset, removes the mark; the fault's name, or "" when none.
std::string FinishFault(httplib::Response& res);

}  // namespace pelo::sim
