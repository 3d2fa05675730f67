// HTTP transport: requests and responses as values, sent by a Transport (libcurl in production).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pelo/common/status.h"

namespace pelo::http {

using Header = std::pair<std::string, std::string>;

struct Request {
  std::string method = "GET";
  std::string url;  // absolute: scheme://host[:port]/path?query
  std::vector<Header> headers;
  std::string body;
  bool follow_redirects = false;  // when false, a 3xx is returned as the Response
  std::chrono::milliseconds timeout{30000};
  // True when the body or response holds secrets (auth): never logged, never retried blindly.
  bool sensitive = false;
  // How many times this request may be sent in all; 0: the transport's RetryPolicy. A caller
  // that sends many requests in a run it would rather not fail (a sync's list pages and
  // workouts) gives them more tries than one whose failure should be told at once.
  int max_attempts = 0;
  // When set, a 2xx answer whose body this rejects (cut short, not the format asked for) is
  // tried again like a dropped connection: the transport saw a complete answer, only the caller
  // can tell it is broken. Never for sensitive requests.
  std::function<bool(std::string_view body)> usable_body;
};

struct Response {
  int status = 0;
  std::vector<Header> headers;  // in arrival order; names as sent by the server
  std::string body;
  std::string effective_url;  // the last URL requested (after redirects, when followed)
  int attempts = 1;           // how many times the (last hop of the) request was sent

  // The first header named `name` (case-insensitive), or "".
  std::string HeaderValue(std::string_view name) const;
  // Every value of headers named `name` (case-insensitive), e.g. Set-Cookie.
  std::vector<std::string> HeaderValues(std::string_view name) const;
  bool ok() const { return status >= 200 && status < 300; }
  // True when the body is an HTML page: Content-Type text/html, or a body whose first
  // non-blank character is '<' (a proxy's page, whatever type it claims).
  bool IsHtmlPage() const;
};

// True when `request` asks for JSON (an Accept header naming json).
bool AcceptsJson(const Request& request);

// When and how often a failed request is tried again (429, 5xx, network errors, proxy pages,
// bodies the request's usable_body rejects). The transport is the only layer that retries:
// callers choose how many tries a request is worth (Request::max_attempts), not a loop of
// their own (ADR 0017).
struct RetryPolicy {
  int max_attempts = 4;                            // 1 = no retries
  std::chrono::milliseconds initial_backoff{500};  // doubled each attempt, with jitter
  // 0.5, 1, 1, 1... s: a request given 16 tries rides out ~15 s of outage, not minutes.
  std::chrono::milliseconds max_backoff{1000};
  std::chrono::milliseconds max_retry_after{60000};  // longest Retry-After honoured
};

// How the transport waits (before retries, for the rate cap, out a Retry-After): returns false
// when cancelled meanwhile. Tests pass one that records the waits and returns at once.
using Sleeper = std::function<bool(std::chrono::milliseconds)>;

// What a transport has sent and received so far (every attempt counts); safe to read from any
// thread while requests are in flight.
struct TransportCounters {
  std::atomic<int64_t> requests{0};   // attempts sent (retries included)
  std::atomic<int64_t> bytes{0};      // response body bytes received (decoded)
  std::atomic<int64_t> retries{0};    // attempts that were retries
  std::atomic<int64_t> waited_ms{0};  // time spent waiting before retries (Retry-After, backoff)
};

struct TransportOptions {
  std::string user_agent;  // e.g. "pelo/0.1.0"
  RetryPolicy retry;
  bool cookies = false;  // keep a cookie jar shared by every request of this transport
  double max_requests_per_second = 0;                // 0 = unlimited
  bool allow_insecure_http_to_loopback_only = true;  // refuse http:// except 127.0.0.0/8, ::1
  // PEM bundle of the CAs to trust for https (a corporate proxy's), instead of the system's.
  // Certificate and host name verification are always on.
  std::string ca_file;
  // When set, no request waits longer than this for its answer (it caps Request::timeout); a
  // request that times out is retried like a dropped connection.
  std::chrono::milliseconds request_timeout{0};
  std::shared_ptr<TransportCounters> counters;  // optional: counted when set
  // Unset: a real sleep that wakes early on cancellation. Tests pass a fake clock.
  Sleeper sleep;
};

// Sends requests. HTTP error statuses are Responses; only failures to get a response (or a
// refused URL) are Status errors. Implementations are safe to call from several threads.
class Transport {
 public:
  virtual ~Transport() = default;
  // Sends `request`, retrying 429/5xx/network failures per the RetryPolicy (or the request's
  // max_attempts), a 2xx or 403 HTML page where JSON was asked for (a proxy's challenge or
  // block page, e.g. Cloudflare's, not the API's answer), and a 2xx body the request's
  // usable_body rejects (neither for sensitive requests). A Retry-After is
  // honoured by every request of the transport, not just the one that got it: the server asked
  // the client, not the request, to wait.
  virtual StatusOr<Response> Send(const Request& request) = 0;
};

// The libcurl transport. Call GlobalInit() once at start-up before making one.
std::unique_ptr<Transport> MakeCurlTransport(TransportOptions options);

// curl_global_init, once per process; idempotent and thread-safe.
void GlobalInit();

// The standard reason phrase of an HTTP status ("Service Unavailable"), or "" when unknown.
const char* StatusText(int status);

// True when `url`'s host is this machine (localhost, 127.0.0.0/8, ::1).
bool IsLoopbackUrl(std::string_view url);

// Ok when `url` may be used: https anywhere, http only to loopback. Names `what` in the error.
Status CheckUrlAllowed(const std::string& url, const std::string& what);

}  // namespace pelo::http
