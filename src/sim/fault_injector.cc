#include "sim/fault_injector.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>
#include <utility>

#include "sim/context.h"

namespace pelo::sim {
namespace {

// Marks a faulted response for the later steps and the request log; never sent.
constexpr const char* kFaultHeader = "X-Pelo-Sim-Fault";
// Present from BeforeRoute until CutIfTruncating has cut the body (so it is cut once).
constexpr const char* kCutPendingHeader = "X-Pelo-Sim-Cut-Pending";
// What slow waits when --latency-ms is 0: 10x of 10 ms.
constexpr int kSlowWithoutLatencyMs = 100;

// What Cloudflare, in front of the real API, answers when the origin is down.
constexpr const char* kCloudflarePage =
    "<!DOCTYPE html>\n"
    "<!--[if lt IE 7]> <html class=\"no-js ie6 oldie\" lang=\"en-US\"> <![endif]-->\n"
    "<html class=\"no-js\" lang=\"en-US\">\n"
    "<head>\n<title>api.onepeloton.com | 502: Bad gateway</title>\n"
    "<meta charset=\"UTF-8\" />\n"
    "<link rel=\"stylesheet\" id=\"cf_styles-css\" href=\"/cdn-cgi/styles/cf.errors.css\" />\n"
    "</head>\n<body>\n<div id=\"cf-wrapper\">\n<div id=\"cf-error-details\">\n"
    "<h1><span class=\"inline-block\">Bad gateway</span>\n"
    "<span class=\"code-label\">Error code 502</span></h1>\n"
    "<div class=\"cf-error-footer\">Visit <a href=\"https://www.cloudflare.com/5xx-error-landing\">"
    "cloudflare.com</a> for more information.</div>\n"
    "<p>Error 502 Bad gateway. Cloudflare Ray ID: <strong>8c1e2f3a4b5d6e7f</strong> &bull; "
    "Performance &amp; security by Cloudflare</p>\n"
    "</div>\n</div>\n</body>\n</html>\n";

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

}  // namespace

FaultInjector::FaultInjector(FaultPlan plan, uint64_t seed, int retry_after_s, int latency_ms)
    : plan_(std::move(plan)), seed_(seed), retry_after_s_(retry_after_s), latency_ms_(latency_ms) {}

httplib::Server::HandlerResponse FaultInjector::BeforeRoute(const httplib::Request& req,
                                                            httplib::Response& res) {
  using httplib::Server;
  if (plan_.empty() || !IsApiPath(req.path)) return Server::HandlerResponse::Unhandled;
  const auto fault = DrawFault(plan_, seed_, next_api_request_.fetch_add(1));
  if (!fault) return Server::HandlerResponse::Unhandled;
  res.set_header(kFaultHeader, std::string(FaultName(*fault)));
  switch (*fault) {
    case FaultKind::k429:
      res.set_header("Retry-After", std::to_string(retry_after_s_));
      SendStatusFault(res, 429);
      return Server::HandlerResponse::Handled;
    case FaultKind::k500:
      SendStatusFault(res, 500);
      return Server::HandlerResponse::Handled;
    case FaultKind::k502:
      SendStatusFault(res, 502);
      return Server::HandlerResponse::Handled;
    case FaultKind::k503:
      SendStatusFault(res, 503);
      return Server::HandlerResponse::Handled;
    case FaultKind::kHtml:
      res.status = 502;
      res.set_content(kCloudflarePage, "text/html");
      return Server::HandlerResponse::Handled;
    case FaultKind::kInvalidJson:
      res.status = 200;
      res.set_content(kInvalidJson, "application/json");
      return Server::HandlerResponse::Handled;
    case FaultKind::kSlow: {
      // The request already waited latency_ms_ (the server's pre-routing delay): 9x more.
      const int extra_ms = latency_ms_ > 0 ? 9 * latency_ms_ : kSlowWithoutLatencyMs;
      std::this_thread::sleep_for(std::chrono::milliseconds(extra_ms));
      return Server::HandlerResponse::Unhandled;
    }
    case FaultKind::kTruncate:
      res.set_header(kCutPendingHeader, "1");
      return Server::HandlerResponse::Unhandled;
    case FaultKind::kReset:
      return Server::HandlerResponse::Unhandled;
  }
  return Server::HandlerResponse::Unhandled;
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
