#include "http/retry.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "pelo/common/strings.h"
#include "pelo/http/http_date.h"

namespace pelo::http::internal {

bool IsRetryableStatus(int status, bool sensitive) {
  if (status == 429) return true;
  if (sensitive) return false;
  return status == 500 || status == 502 || status == 503 || status == 504;
}

bool IsRetryableResponse(const Request& request, const Response& response) {
  if (IsRetryableStatus(response.status, request.sensitive)) return true;
  if (request.sensitive) return false;
  if ((response.ok() || response.status == 403) && AcceptsJson(request) && response.IsHtmlPage()) {
    return true;
  }
  return response.ok() && request.usable_body && !request.usable_body(response.body);
}

int MaxAttempts(const RetryPolicy& policy, const Request& request) {
  return std::max(1, request.max_attempts > 0 ? request.max_attempts : policy.max_attempts);
}

std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value,
                                                         int64_t now_epoch_s) {
  value = Trim(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
    if (value.size() > 9) return std::chrono::hours(24 * 365);  // absurd; capped by the caller
    return std::chrono::seconds(std::stoll(std::string(value)));
  }
  // An HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"); libcurl already parses every legal form.
  const std::optional<int64_t> when = ParseHttpDate(value);
  if (!when || *when < 0) return std::nullopt;
  return std::chrono::seconds(std::max<int64_t>(0, *when - now_epoch_s));
}

std::chrono::milliseconds BackoffDelay(const RetryPolicy& policy, int attempt, double jitter01) {
  using std::chrono::milliseconds;
  int64_t delay = policy.initial_backoff.count();
  for (int i = 1; i < attempt && delay < policy.max_backoff.count(); ++i) delay *= 2;
  delay = std::min(delay, static_cast<int64_t>(policy.max_backoff.count()));
  const double scale = 0.5 + 0.5 * std::clamp(jitter01, 0.0, 1.0);
  return milliseconds(static_cast<int64_t>(static_cast<double>(delay) * scale));
}

std::chrono::milliseconds RetryDelay(const RetryPolicy& policy, int attempt,
                                     const Response& response, double jitter01,
                                     int64_t now_epoch_s) {
  auto retry_after = ParseRetryAfter(response.HeaderValue("Retry-After"), now_epoch_s);
  if (retry_after) return std::min(*retry_after, policy.max_retry_after);
  return BackoffDelay(policy, attempt, jitter01);
}

}  // namespace pelo::http::internal
