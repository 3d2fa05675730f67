// Trace-level logging of HTTP exchanges (`pelo -vv`, `--log-level trace`): what was sent and
// what came back, with every secret redacted (redact.h). Sensitive requests (auth) log only
// their request line and status; bodies are logged only when they are JSON or a form, redacted
// field by field, and cut to a few KB; anything else is summarised by type and size.
#pragma once

#include "pelo/http/transport.h"

namespace pelo::http::internal {

// Nothing is formatted unless the trace level is on.
void TraceRequest(const Request& request, int attempt);
void TraceResponse(const Request& request, const Response& response);

}  // namespace pelo::http::internal
