// CurlTransport: libcurl easy transfers over a shared connection cache, with retries,
// Retry-After, a rate cap, manual redirect following (so every hop passes CheckUrlAllowed)
// and cancellation.
#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include "http/curl_handles.h"
#include "http/curl_url.h"
#include "http/rate_limiter.h"
#include "http/retry.h"
#include "http/trace_log.h"
#include "pelo/common/cancel.h"
#include "pelo/common/time.h"
#include "pelo/http/redact.h"
#include "pelo/http/transport.h"
#include "pelo/http/url.h"

namespace pelo::http {
namespace {

constexpr int kMaxRedirects = 10;
constexpr long kMaxConnectTimeoutMs = 10000;
constexpr long kMaxIdleConnections = 64;

// One attempt's outcome: a libcurl error, or a response.
struct Attempt {
  CURLcode code = CURLE_OK;
  std::string error;  // libcurl's error buffer (no URL query, no headers)
  Response response;
};

// "GET https://host/path": names a request in errors without its query (which may hold a code).
std::string Describe(const Request& request) {
  const std::string origin = Origin(request.url);
  if (origin.empty()) return request.method + " (a URL libcurl cannot read)";
  const std::string path_and_query = PathAndQuery(request.url);
  return request.method + " " + origin + path_and_query.substr(0, path_and_query.find('?'));
}

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

// Collects header lines; a new status line (redirect hop, 100 Continue) starts over.
size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* headers = static_cast<std::vector<Header>*>(user);
  std::string_view line(data, size * count);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.substr(0, 5) == "HTTP/") {
    headers->clear();
  } else if (size_t colon = line.find(':'); colon != std::string_view::npos) {
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    headers->emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  return size * count;
}

int OnProgress(void* /*user*/, curl_off_t /*dltotal*/, curl_off_t /*dlnow*/, curl_off_t /*ultotal*/,
               curl_off_t /*ulnow*/) {
  return CancelRequested() ? 1 : 0;
}

bool IsRetryableCurlError(CURLcode code, bool sensitive) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_SSL_CONNECT_ERROR:
      return true;  // nothing reached the server: safe even for auth POSTs
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return !sensitive;  // the server may have acted on the request
    default:
      return false;
  }
}

bool IsRedirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(TransportOptions options)
      : options_(std::move(options)),
        share_(options_.cookies),
        limiter_(options_.max_requests_per_second),
        rng_(std::random_device{}()) {}

  StatusOr<Response> Send(const Request& request) override;

 private:
  StatusOr<Response> SendWithRetries(const Request& request);
  Attempt Perform(const Request& request);
  // Waits `delay` (the injected sleep, or a real one); false when cancelled.
  bool Wait(std::chrono::steady_clock::duration delay);
  // Waits before retrying this request (counted as a retry).
  bool Backoff(std::chrono::milliseconds delay);
  // Holds back every request of this transport for `delay` (a Retry-After).
  void PauseFor(std::chrono::milliseconds delay);
  // Waits out a pause set by PauseFor, if one is running.
  bool WaitForPause();
  void Configure(CURL* easy, const Request& request, CURLU* url, curl_slist* headers,
                 Attempt* out) const;
  double Jitter();
  // Sleeps `delay` in short slices; false when cancelled meanwhile.
  static bool SleepUnlessCancelled(std::chrono::steady_clock::duration delay);

  const TransportOptions options_;
  internal::CurlShare share_;  // declared before pool_: idle handles are freed first
  internal::EasyPool pool_;
  internal::RateLimiter limiter_;
  std::mutex rng_mu_;
  std::mt19937_64 rng_;
  std::atomic<int64_t> pause_until_{0};  // steady_clock ticks; no request is sent before it
};

StatusOr<Response> CurlTransport::Send(const Request& request) {
  Request current = request;
  for (int hop = 0;; ++hop) {
    if (options_.allow_insecure_http_to_loopback_only) {
      PELO_RETURN_IF_ERROR(CheckUrlAllowed(current.url, Describe(current)));
    }
    PELO_ASSIGN_OR_RETURN(Response response, SendWithRetries(current));
    const std::string location = response.HeaderValue("Location");
    if (!request.follow_redirects || !IsRedirect(response.status) || location.empty()) {
      return response;
    }
    if (hop == kMaxRedirects) {
      return Status(ErrorCode::kApi, Describe(request) + ": too many redirects");
    }
    current.url = ResolveUrl(current.url, location);
    // Browsers turn a redirected POST into a GET except for 307/308; so do we.
    if (response.status == 303 ||
        ((response.status == 301 || response.status == 302) && current.method == "POST")) {
      current.method = "GET";
      current.body.clear();
    }
  }
}

StatusOr<Response> CurlTransport::SendWithRetries(const Request& request) {
  const int max_attempts = internal::MaxAttempts(options_.retry, request);
  auto interrupted = [&] {
    return Status(ErrorCode::kCancelled, Describe(request) + ": interrupted");
  };
  for (int attempt = 1;; ++attempt) {
    if (CancelRequested() || !WaitForPause() || !Wait(limiter_.Reserve())) return interrupted();
    internal::TraceRequest(request, attempt);
    Attempt result = Perform(request);
    if (result.code == CURLE_ABORTED_BY_CALLBACK) return interrupted();
    const bool last = attempt >= max_attempts;
    if (result.code != CURLE_OK) {
      spdlog::debug("http: {} {} failed: {}", request.method, RedactUrl(request.url),
                    curl_easy_strerror(result.code));
      if (last || !IsRetryableCurlError(result.code, request.sensitive)) {
        std::string detail = result.error.empty() ? curl_easy_strerror(result.code) : result.error;
        return Status(ErrorCode::kNetwork, Describe(request) + ": " + detail + " (after " +
                                               std::to_string(attempt) + " attempts)");
      }
      if (!Backoff(internal::BackoffDelay(options_.retry, attempt, Jitter()))) {
        return interrupted();
      }
      continue;
    }
    result.response.attempts = attempt;
    internal::TraceResponse(request, result.response);
    spdlog::debug("http: {} {} -> {} (attempt {})", request.method, RedactUrl(request.url),
                  result.response.status, attempt);
    if (last || !internal::IsRetryableResponse(request, result.response)) {
      return std::move(result.response);
    }
    const std::optional<std::chrono::milliseconds> retry_after =
        internal::ParseRetryAfter(result.response.HeaderValue("Retry-After"), NowEpochSeconds());
    if (retry_after) {
      // The server asked this client to wait: every request waits (at the top of the loop).
      PauseFor(std::min(*retry_after, options_.retry.max_retry_after));
    } else if (!Backoff(internal::BackoffDelay(options_.retry, attempt, Jitter()))) {
      return interrupted();
    }
  }
}

bool CurlTransport::Wait(std::chrono::steady_clock::duration delay) {
  if (delay <= std::chrono::steady_clock::duration::zero()) return !CancelRequested();
  const auto ms = std::chrono::ceil<std::chrono::milliseconds>(delay);
  return options_.sleep ? options_.sleep(ms) : SleepUnlessCancelled(ms);
}

bool CurlTransport::Backoff(std::chrono::milliseconds delay) {
  if (options_.counters) {
    options_.counters->retries.fetch_add(1, std::memory_order_relaxed);
    options_.counters->waited_ms.fetch_add(delay.count(), std::memory_order_relaxed);
  }
  return Wait(delay);
}

void CurlTransport::PauseFor(std::chrono::milliseconds delay) {
  if (options_.counters) {
    options_.counters->retries.fetch_add(1, std::memory_order_relaxed);
    options_.counters->waited_ms.fetch_add(delay.count(), std::memory_order_relaxed);
  }
  const int64_t until = (std::chrono::steady_clock::now() + delay).time_since_epoch().count();
  int64_t current = pause_until_.load(std::memory_order_relaxed);
  while (current < until &&
         !pause_until_.compare_exchange_weak(current, until, std::memory_order_relaxed)) {
  }
}

bool CurlTransport::WaitForPause() {
  const std::chrono::steady_clock::time_point until{
      std::chrono::steady_clock::duration(pause_until_.load(std::memory_order_relaxed))};
  return Wait(until - std::chrono::steady_clock::now());
}

Attempt CurlTransport::Perform(const Request& request) {
  Attempt out;
  // The parse CheckUrlAllowed decided on (UrlHost reads the URL the same way): libcurl
  // connects to the host the policy saw, not to its own second reading of the text.
  const internal::CurlUrl url = internal::ParseCurlUrl(request.url);
  if (!url) {
    out.code = CURLE_URL_MALFORMAT;
    out.error = "libcurl cannot read the URL";
    return out;
  }
  auto lease = pool_.Acquire();
  if (!lease) {
    out.code = CURLE_OUT_OF_MEMORY;
    return out;
  }
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) {
    // "Name;" is libcurl's spelling of a header with an empty value.
    const std::string line = value.empty() ? name + ";" : name + ": " + value;
    headers = curl_slist_append(headers, line.c_str());
  }
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
  Configure(lease->get(), request, url.get(), headers, &out);
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(lease->get(), CURLOPT_ERRORBUFFER, error);
  out.code = curl_easy_perform(lease->get());
  out.error = error;
  if (options_.counters) {
    options_.counters->requests.fetch_add(1, std::memory_order_relaxed);
    options_.counters->bytes.fetch_add(static_cast<int64_t>(out.response.body.size()),
                                       std::memory_order_relaxed);
  }
  if (out.code == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(lease->get(), CURLINFO_RESPONSE_CODE, &status);
    out.response.status = static_cast<int>(status);
    out.response.effective_url = request.url;
  }
  curl_slist_free_all(headers);
  return out;
}

void CurlTransport::Configure(CURL* easy, const Request& request, CURLU* url, curl_slist* headers,
                              Attempt* out) const {
  curl_easy_setopt(easy, CURLOPT_SHARE, share_.get());
  curl_easy_setopt(easy, CURLOPT_CURLU, url);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  // libcurl's defaults, said out loud: pelo never talks TLS without checking who it talks to.
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options_.ca_file.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, options_.ca_file.c_str());
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  // gzip only: it is what every server offers, and brotli's default quality makes a server
  // (the simulator's cpp-httplib among them) spend ~30 ms compressing one 40 KB graph.
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
  // The shared cache keeps this many idle connections (libcurl: 5). With --jobs 16, five would
  // mean closing and reconnecting most connections after every transfer.
  curl_easy_setopt(easy, CURLOPT_MAXCONNECTS, kMaxIdleConnections);
  auto timeout = request.timeout;
  if (options_.request_timeout.count() > 0) timeout = std::min(timeout, options_.request_timeout);
  const long timeout_ms = static_cast<long>(timeout.count());
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeout_ms, kMaxConnectTimeoutMs));
  if (!options_.user_agent.empty()) {
    curl_easy_setopt(easy, CURLOPT_USERAGENT, options_.user_agent.c_str());
  }
  if (options_.cookies) curl_easy_setopt(easy, CURLOPT_COOKIEFILE, "");
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  if (request.method == "GET") {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  } else if (request.method == "HEAD") {
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else {
    if (request.method != "POST") {
      curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
  }
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &OnBody);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &out->response.body);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &OnHeader);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &out->response.headers);
  curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &OnProgress);
}

double CurlTransport::Jitter() {
  std::lock_guard<std::mutex> lock(rng_mu_);
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
}

bool CurlTransport::SleepUnlessCancelled(std::chrono::steady_clock::duration delay) {
  const auto deadline = std::chrono::steady_clock::now() + delay;
  while (std::chrono::steady_clock::now() < deadline) {
    if (CancelRequested()) return false;
    const auto left = deadline - std::chrono::steady_clock::now();
    std::this_thread::sleep_for(
        std::min<std::chrono::steady_clock::duration>(left, std::chrono::milliseconds(50)));
  }
  return !CancelRequested();
}

}  // namespace

std::unique_ptr<Transport> MakeCurlTransport(TransportOptions options) {
  GlobalInit();
  return std::make_unique<CurlTransport>(std::move(options));
}

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    // Create spdlog's registry and default logger now, on the thread that builds transports,
    // rather than lazily inside the first request of whichever worker thread logs first.
    spdlog::default_logger_raw();
  });
}

}  // namespace pelo::http
