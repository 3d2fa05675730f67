// When to try a request again and how long to wait first (pure functions, unit-tested).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "pelo/http/transport.h"

namespace pelo::http::internal {

// True when a response with `status` is worth sending again: 429 always; 500/502/503/504 only
// for requests that are not `sensitive` (an auth POST may have been acted on before a 5xx).
bool IsRetryableStatus(int status, bool sensitive);

// True when `response` to `request` is worth sending again: a retryable status, or (for a
// request that is not sensitive) a 2xx or 403 HTML page where JSON was asked for: a proxy's
// challenge or block page (Cloudflare's) that a later try may get past; or a 2xx body the
// request's usable_body rejects (cut short, not JSON).
bool IsRetryableResponse(const Request& request, const Response& response);

// The wait a Retry-After value asks for (delta seconds or an HTTP-date, relative to
// `now_epoch_s`), or nullopt when it is absent or unparseable.
std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value,
                                                         int64_t now_epoch_s);

// How many times `request` may be sent: its own max_attempts, else the policy's (at least 1).
int MaxAttempts(const RetryPolicy& policy, const Request& request);

// Exponential backoff before attempt `attempt + 1` (attempt >= 1): initial * 2^(attempt-1),
// capped by max_backoff, scaled into [50%, 100%] by `jitter01` in [0, 1).
std::chrono::milliseconds BackoffDelay(const RetryPolicy& policy, int attempt, double jitter01);

// The wait before retrying after `response`: its Retry-After (capped by max_retry_after) when
// present, else the backoff.
std::chrono::milliseconds RetryDelay(const RetryPolicy& policy, int attempt,
                                     const Response& response, double jitter01,
                                     int64_t now_epoch_s);

}  // namespace pelo::http::internal
