#include "peloton/sim/faults/fault_injector.h"

#include <time.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>
#include <utility>

#include "peloton/sim/faults/cloudflare_pages.h"
#include "peloton/sim/routes/http_util.h"

namespace pelo::sim {
namespace {

// Marks a faulted response for the later steps and the request log; never sent.
constexpr const char* kFaultHeader = "X-Pelo-Sim-Fault";
// Present from BeforeRoute until CutIfTruncating has cut the body (so it is cut once).
constexpr const char* kCutPendingHeader = "X-Pelo-Sim-Cut-Pending";
// What slow waits when --latency-ms is 0: 10x of 10 ms.
constexpr int kSlowWithoutLatencyMs = 100;

// Looks like the start of a list answer, then is not JSON.
constexpr const char* kInvalidJson = "{\"data\": [{\"id\": \"pelo-sim\"},, <- not JSON";

bool IsApiPath(const std::string& path) { return path.rfind("/api/", 0) == 0; }

const char* Reason(int status) {
  switch (status) {
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    default:
      return "Service Unavailable";
  }
}

void SendStatusFault(httplib::Response& res, int status) {
  SendApiError(res, status, status, Reason(status));
}

void SendPage(httplib::Response& res, int status, std::string_view page) {
  res.status = status;
  res.set_content(std::string(page), "text/html");
}

}  // namespace

std::string ImfFixdate(int64_t epoch_s) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const time_t when = static_cast<time_t>(epoch_s);
  struct tm utc = {};
  gmtime_r(&when, &utc);
  char text[40];
  std::snprintf(text, sizeof(text), "%s, %02d %s %04d %02d:%02d:%02d GMT",
                kDays[static_cast<size_t>(utc.tm_wday)], utc.tm_mday,
                kMonths[static_cast<size_t>(utc.tm_mon)], utc.tm_year + 1900, utc.tm_hour,
                utc.tm_min, utc.tm_sec);
  return text;
}

FaultInjector::FaultInjector(FaultSettings settings) : settings_(std::move(settings)) {}

httplib::Server::HandlerResponse FaultInjector::BeforeRoute(const httplib::Request& req,
                                                            httplib::Response& res) {
  using httplib::Server;
  if (settings_.plan.empty() || !IsApiPath(req.path)) return Server::HandlerResponse::Unhandled;
  const auto fault =
      DrawFault(settings_.plan, settings_.seed, next_api_request_.fetch_add(1), settings_.burst);
  if (!fault) return Server::HandlerResponse::Unhandled;
  res.set_header(kFaultHeader, std::string(FaultName(*fault)));
  switch (*fault) {
    case FaultKind::k429:
      res.set_header("Retry-After", RetryAfter());
      SendStatusFault(res, 429);
      return Server::HandlerResponse::Handled;
    case FaultKind::k500:
    case FaultKind::k502:
    case FaultKind::k503:
      SendStatusFault(res, *fault == FaultKind::k500 ? 500 : *fault == FaultKind::k502 ? 502 : 503);
      return Server::HandlerResponse::Handled;
    case FaultKind::kHtml:
      SendPage(res, 502, CloudflareBadGatewayPage());
      return Server::HandlerResponse::Handled;
    case FaultKind::kHtml200:
      SendPage(res, 200, CloudflareChallengePage());
      return Server::HandlerResponse::Handled;
    case FaultKind::kHtml403:
      SendPage(res, 403, CloudflareBlockedPage());
      return Server::HandlerResponse::Handled;
    case FaultKind::kInvalidJson:
      res.status = 200;
      res.set_content(kInvalidJson, "application/json");
      return Server::HandlerResponse::Handled;
    case FaultKind::kSlow:
      // The request already waited latency_ms (the server's pre-routing delay): 9x more.
      Hold(settings_.latency_ms > 0 ? 9 * settings_.latency_ms : kSlowWithoutLatencyMs);
      return Server::HandlerResponse::Unhandled;
    case FaultKind::kStall:
      Hold(settings_.stall_ms);
      return Server::HandlerResponse::Unhandled;
    case FaultKind::kTruncate:
      res.set_header(kCutPendingHeader, "1");
      return Server::HandlerResponse::Unhandled;
    case FaultKind::kReset:
      return Server::HandlerResponse::Unhandled;
  }
  return Server::HandlerResponse::Unhandled;
}

void FaultInjector::ReleaseStalls() {
  {
    std::lock_guard<std::mutex> lock(stall_mu_);
    released_ = true;
  }
  stall_cv_.notify_all();
}

void FaultInjector::Hold(int ms) {
  std::unique_lock<std::mutex> lock(stall_mu_);
  stall_cv_.wait_for(lock, std::chrono::milliseconds(ms), [this] { return released_; });
}

std::string FaultInjector::RetryAfter() const {
  if (!settings_.retry_after_date) return std::to_string(settings_.retry_after_s);
  // The wall clock (not the simulated "now" of the athlete's data): the client compares the
  // date with its own clock.
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  return ImfFixdate(now + settings_.retry_after_s);
}

void CutIfTruncating(httplib::Response& res) {
  if (!res.has_header(kCutPendingHeader)) return;
  res.headers.erase(kCutPendingHeader);
  // httplib sets Content-Length (and compresses) from this shorter body afterwards: the client
  // gets a complete response whose JSON is cut.
  res.body.resize(res.body.size() / 2);
}

std::string FinishFault(httplib::Response& res) {
  if (!res.has_header(kFaultHeader)) return "";
  std::string fault = res.get_header_value(kFaultHeader);
  res.headers.erase(kFaultHeader);
  res.headers.erase(kCutPendingHeader);
  if (fault != FaultName(FaultKind::kReset)) return fault;
  // Headers already carry the full Content-Length (and Content-Encoding) of `body`. Sending it
  // through a content provider that writes half and then fails makes httplib close the
  // connection mid-body: the client sees a transport error, never a short success.
  auto full = std::make_shared<std::string>(std::move(res.body));
  res.body.clear();
  // An empty body announces one byte, so even it is cut.
  const size_t announced = std::max<size_t>(full->size(), 1);
  res.headers.erase("Content-Length");
  res.set_header("Content-Length", std::to_string(announced));
  std::string content_type = res.get_header_value("Content-Type");
  if (content_type.empty()) content_type = "application/json";
  res.headers.erase("Content-Type");  // set_content_provider sets it again
  res.set_content_provider(announced, content_type.c_str(),
                           [full](size_t offset, size_t, httplib::DataSink& sink) {
                             if (offset == 0) sink.write(full->data(), full->size() / 2);
                             return false;
                           });
  return fault;
}

}  // namespace pelo::sim
