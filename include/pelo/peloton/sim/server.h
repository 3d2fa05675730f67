// pelo-sim: a Peloton API simulator (REST, Auth0 login, legacy login) on one loopback port.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pelo/common/status.h"

namespace pelo::sim {

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;  // 0 = ephemeral
  uint64_t seed = 1;
  int workouts = 300;
  std::string end_date = "2026-11-01";  // YYYY-MM-DD, the last day of the synthetic history
  std::string email = "demo@example.com";
  std::string password = "demo";
  std::string workouts_from;  // directory of {"Workout","WorkoutSamples"} JSON files, or ""
  int latency_ms = 0;
  // The newest N workouts are IN_PROGRESS (a ride still going): listed and fetched with that
  // status and no end time, until Server::SetInProgress changes N.
  int in_progress = 0;
  int64_t token_ttl_s = 172800;
  bool legacy_auth = false;
  int threads = 32;
  // Appends every request the simulator answers to this file, one JSON object per line
  // ({"method","path","query","headers","body","status"} plus "fault" for a faulted request,
  // as RecordedRequest), or "" for none.
  std::string request_log;
  // Faults injected into /api/* requests (never auth, OAuth, GraphQL or the login pages):
  // "kind:fraction,..." with kinds 429, 500, 502, 503, reset, truncate, html, html-200,
  // html-403, invalid-json, slow, stall; "" for none. Which request gets which fault is a pure
  // function of `seed` and the request's number (see src/peloton/sim/faults/faults.h).
  std::string faults;
  // A fault that fires repeats for this many /api requests in a row (1: each request alone).
  int fault_burst = 1;
  int retry_after_s = 2;  // the Retry-After of an injected 429, in seconds
  // The 429's Retry-After as the HTTP-date retry_after_s from now, not as seconds.
  bool retry_after_date = false;
  // How long a `stall` holds its answer: past pelo's default 30 s request timeout.
  int stall_ms = 35000;
  // A refresh token stops working after this many successful refreshes; 0 = never.
  int revoke_refresh_after = 0;
};

// A request the simulator answered (the request log, for tests). Header names are lowercase;
// secrets are never recorded: Authorization is "Bearer <redacted>" (or "<redacted>"), Cookie
// values and the secret fields of form and JSON bodies (password, tokens...) are "<redacted>".
struct RecordedRequest {
  std::string method;
  std::string path;   // "/api/user/abc/workouts", no query
  std::string query;  // "page=0&limit=10" as sent (not decoded), "" when none
  std::vector<std::pair<std::string, std::string>> headers;
  // The body with its secrets redacted by pelo::RedactBodyForLog: JSON and form bodies with
  // every secret-looking key's value "<redacted>", anything else only described.
  std::string body;
  int status = 0;  // what the simulator answered (for reset: the status line it began with)
  // The injected fault ("429", "reset", "truncate", ... as in Options::faults), "" when none.
  std::string fault;

  // The value of header `name` (any case), or "".
  std::string Header(std::string_view name) const;
};

// A running simulator. Start() binds and serves on a background thread; Stop() (or the
// destructor) stops and joins it.
class Server {
 public:
  // Builds the data set (synthetic or from `workouts_from`); kInvalidArgument on bad options.
  static StatusOr<std::unique_ptr<Server>> Create(const Options& options);
  virtual ~Server() = default;

  virtual Status Start() = 0;
  virtual void Stop() = 0;
  virtual int port() const = 0;
  // "http://127.0.0.1:PORT"
  virtual std::string url() const = 0;

  // Every request answered so far, oldest first (thread-safe).
  virtual std::vector<RecordedRequest> Requests() const = 0;
  virtual void ClearRequests() = 0;
  // From now on the newest `newest` workouts are IN_PROGRESS (0: every workout is complete).
  virtual void SetInProgress(int newest) = 0;
};

}  // namespace pelo::sim
