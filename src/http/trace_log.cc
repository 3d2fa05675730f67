#include "http/trace_log.h"

#include <spdlog/spdlog.h>

#include <string>
#include <string_view>

#include "pelo/common/strings.h"
#include "pelo/http/redact.h"

namespace pelo::http::internal {
namespace {

constexpr size_t kMaxBodyBytes = 4096;

std::string ContentType(const std::vector<Header>& headers) {
  for (const auto& [name, value] : headers) {
    if (EqualsIgnoreCase(name, "content-type")) return value;
  }
  return "";
}

// JSON and form bodies can be redacted field by field; HTML (login pages, with their CSRF
// tokens) and anything else cannot, so they are only described.
bool Redactable(std::string_view content_type, std::string_view body) {
  if (content_type.find("json") != std::string_view::npos ||
      content_type.find("x-www-form-urlencoded") != std::string_view::npos) {
    return true;
  }
  const size_t first = body.find_first_not_of(" \t\r\n");
  return content_type.empty() && first != std::string_view::npos &&
         (body[first] == '{' || body[first] == '[');
}

void TraceHeaders(char direction, const std::vector<Header>& headers) {
  for (const auto& [name, value] : RedactHeaders(headers)) {
    // A redirect's Location carries the authorization code in its query.
    const bool location = EqualsIgnoreCase(name, "location");
    spdlog::trace("http: {} {}: {}", direction, name, location ? RedactUrl(value) : value);
  }
}

void TraceBody(char direction, const std::vector<Header>& headers, std::string_view body) {
  if (body.empty()) return;
  const std::string type = ContentType(headers);
  if (!Redactable(type, body)) {
    spdlog::trace("http: {} body: {} bytes of {}", direction, body.size(),
                  type.empty() ? "unknown type" : type);
    return;
  }
  std::string redacted = RedactBody(body);
  if (redacted.size() > kMaxBodyBytes) {
    // Cut after redaction: a cut value would escape the redaction of its field.
    redacted.resize(kMaxBodyBytes);
    redacted += "... (" + std::to_string(body.size()) + " bytes)";
  }
  spdlog::trace("http: {} body: {}", direction, redacted);
}

}  // namespace

void TraceRequest(const Request& request, int attempt) {
  if (!spdlog::should_log(spdlog::level::trace)) return;
  spdlog::trace("http: > {} {} (attempt {})", request.method, RedactUrl(request.url), attempt);
  if (request.sensitive) return;
  TraceHeaders('>', request.headers);
  TraceBody('>', request.headers, request.body);
}

void TraceResponse(const Request& request, const Response& response) {
  if (!spdlog::should_log(spdlog::level::trace)) return;
  spdlog::trace("http: < {} ({} bytes)", response.status, response.body.size());
  if (request.sensitive) return;
  TraceHeaders('<', response.headers);
  TraceBody('<', response.headers, response.body);
}

}  // namespace pelo::http::internal
