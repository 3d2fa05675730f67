// The simulator's fault plan: parsing `--faults` and deciding, as a pure function of the seed
// and the request's number, which /api request gets which fault. No HTTP here (that is
// fault_injector.h), so the decisions are unit-testable.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/common/status.h"

namespace pelo::sim {

enum class FaultKind {
  k429,          // 429 with Retry-After
  k500,          // 500 with the usual JSON error body
  k502,          // 502 with the usual JSON error body
  k503,          // 503 with the usual JSON error body
  kReset,        // the full Content-Length announced, half the body sent, connection closed
  kTruncate,     // a complete-looking 200 whose body is the first half of the real one
  kHtml,         // a Cloudflare "502 Bad gateway" HTML page
  kHtml200,      // 200 with a Cloudflare "Just a moment..." challenge page, not JSON
  kHtml403,      // 403 with a Cloudflare "Sorry, you have been blocked" page
  kInvalidJson,  // 200 application/json whose body is not JSON
  kSlow,         // the normal answer, 10x --latency-ms late
  kStall,        // the normal answer, --stall-ms late (past the client's timeout)
};

// The spelling in --faults and in the request log: "429", "reset", "invalid-json"...
std::string_view FaultName(FaultKind kind);

struct FaultShare {
  FaultKind kind;
  double fraction = 0;  // of /api requests, in [0, 1]
};

// The kinds in the order the spec gave them, with their fractions.
using FaultPlan = std::vector<FaultShare>;

// Parses "kind:fraction,..." (e.g. "429:0.05,503:0.02,slow:0.1"); "" is no faults. Unknown
// kinds, fractions outside [0, 1] or unreadable, duplicates and a total above 1 are
// kInvalidArgument errors naming the bad part.
StatusOr<FaultPlan> ParseFaultPlan(std::string_view spec);

// The fault of /api request number `k` (0 for the first) under `seed`, or nullopt. A pure
// function: splitmix64 of (seed, k) mapped to [0, 1) and compared with the cumulative fractions
// in plan order, so a kind with fraction 0 never fires and a plan totalling 1 always fires.
// With `burst` N > 1 a fault that fires at request j also hits requests j+1 .. j+N-1 (an
// outage, not a blip): request k gets the fault of the latest draw that fired among
// k-N+1 .. k.
std::optional<FaultKind> DrawFault(const FaultPlan& plan, uint64_t seed, uint64_t k, int burst = 1);

// The point in [0, 1) that DrawFault compares for (seed, k); exposed for tests.
double FaultPoint(uint64_t seed, uint64_t k);

}  // namespace pelo::sim
