// Client core: standard headers + auth on every request, one refresh-and-retry on 401, non-2xx
// mapped to a Status that names the request. The typed methods are in client_<group>.cc.
#include "pelo/peloton/api/client.h"

#include <simdjson.h>

#include <algorithm>

#include "pelo/common/strings.h"
#include "pelo/peloton/api/parse.h"
#include "peloton/api/client_internal.h"

namespace pelo::api {
namespace {

constexpr size_t kMaxDetail = 160;
constexpr size_t kMaxTitle = 80;

// What the error body says, short and on one line: Peloton's JSON `message`, "HTML error
// page", or "".
std::string ErrorDetail(const http::Response& response) {
  const std::string_view body = StripBom(response.body);
  const size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  if (body[first] == '<') return "HTML error page";
  thread_local simdjson::dom::parser parser;
  std::string_view message;
  if (parser.parse(body.data(), body.size())["message"].get(message) != simdjson::SUCCESS) {
    return "";
  }
  std::string out(message.substr(0, kMaxDetail));
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

// "GET /api/me: HTTP 503 Service Unavailable after 4 attempts (Not logged in)".
Status HttpError(const std::string& step, const http::Response& response) {
  ErrorCode code = ErrorCode::kApi;
  if (response.status == 401 || response.status == 403) code = ErrorCode::kUnauthenticated;
  std::string message = step + ": HTTP " + std::to_string(response.status);
  if (const char* text = http::StatusText(response.status); *text != '\0') {
    message.append(" ").append(text);
  }
  if (response.attempts > 1) {
    message.append(" after ").append(std::to_string(response.attempts)).append(" attempts");
  }
  if (std::string detail = ErrorDetail(response); !detail.empty()) {
    message.append(" (").append(detail).append(")");
  }
  return Status(code, message, response.status);
}

// The page's <title>, on one line and short ("Just a moment..."), or "".
std::string PageTitle(std::string_view page) {
  const std::string lower = Lower(page.substr(0, 4096));
  const size_t open = lower.find("<title>");
  const size_t close = lower.find("</title>", open);
  if (open == std::string::npos || close == std::string::npos) return "";
  std::string title;
  for (char c : page.substr(open + 7, std::min(close - open - 7, kMaxTitle))) {
    const bool blank = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (blank && (title.empty() || title.back() == ' ')) continue;
    if (blank || (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f)) title += blank ? ' ' : c;
  }
  while (!title.empty() && title.back() == ' ') title.pop_back();
  return title;
}

// "GET /api/me: Peloton (or Cloudflare in front of it) returned an HTML page with HTTP 403
// instead of JSON, 4 times (\"Attention Required! | Cloudflare\"); ...". Never the page itself.
Status HtmlPageError(const std::string& step, const http::Response& response) {
  std::string message = step + ": Peloton (or Cloudflare in front of it) returned an HTML page " +
                        "with HTTP " + std::to_string(response.status) + " instead of JSON";
  if (response.attempts > 1) {
    message.append(", ").append(std::to_string(response.attempts)).append(" times");
  }
  if (std::string title = PageTitle(response.body); !title.empty()) {
    message.append(" (\"").append(title).append("\")");
  }
  message.append(response.status == 403 ? "; blocked, not a login problem: try again later"
                                        : "; a challenge or maintenance page: try again later");
  return Status(ErrorCode::kApi, message, response.status);
}

// True when `body` is JSON (or empty: nothing to parse). A cut or garbled answer to a GET
// fails here, so the transport sends the GET again rather than hand the parser half a page.
bool IsJsonOrEmpty(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return true;
  thread_local simdjson::dom::parser parser;
  return parser.parse(body.data(), body.size()).error() == simdjson::SUCCESS;
}

bool HasHeader(const std::vector<http::Header>& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(), [&](const http::Header& header) {
    return EqualsIgnoreCase(header.first, name);
  });
}

}  // namespace

Client::Client(http::Transport& transport, auth::Endpoints endpoints, auth::Session* session,
               std::string user_agent)
    : transport_(transport),
      endpoints_(std::move(endpoints)),
      session_(session),
      user_agent_(std::move(user_agent)) {}

Client Client::WithMaxAttempts(int max_attempts) const {
  Client client(*this);
  client.max_attempts_ = max_attempts;
  return client;
}

StatusOr<http::Response> Client::Call(const std::string& method, const std::string& path,
                                      const http::QueryParams& query, const std::string& body) {
  internal::RestRequest request;
  request.method = method;
  request.route = path;
  request.query = query;
  request.body = body;
  return Exchange(request);
}

StatusOr<http::Response> Client::Exchange(const internal::RestRequest& rest) {
  http::Request request;
  request.method = rest.method;
  request.url = http::JoinUrl(endpoints_.api_url, internal::PathOf(rest));
  request.body = rest.body;
  request.sensitive = rest.sensitive;
  if (!rest.accept.empty()) request.headers.emplace_back("Accept", rest.accept);
  // Only a GET is sent again for its body: it changes nothing on the server.
  if (rest.method == "GET" && rest.accept.empty()) request.usable_body = &IsJsonOrEmpty;
  return Send(std::move(request), internal::Step(rest));
}

StatusOr<Done> Client::Do(const internal::RestRequest& request) {
  PELO_ASSIGN_OR_RETURN(http::Response response, Exchange(request));
  return Done{response.status, std::move(response.body)};
}

StatusOr<http::Response> Client::Send(http::Request request, const std::string& step) {
  std::vector<http::Header> standard = {{"Peloton-Platform", "web"}};
  // A request that asks for something else (the CSV export: text/csv) keeps its own Accept.
  if (!HasHeader(request.headers, "Accept")) standard.emplace_back("Accept", "application/json");
  request.headers.insert(request.headers.begin(), standard.begin(), standard.end());
  if (!user_agent_.empty()) request.headers.emplace_back("User-Agent", user_agent_);
  if (!request.body.empty() && !HasHeader(request.headers, "Content-Type")) {
    request.headers.emplace_back("Content-Type", "application/json");
  }
  const size_t base_headers = request.headers.size();
  request.max_attempts = max_attempts_;

  std::vector<http::Header> auth;
  for (int attempt = 0;; ++attempt) {
    if (session_ != nullptr) {
      auto headers = session_->Headers();
      if (!headers.ok()) return headers.status().WithContext(step);
      auth = std::move(headers).value();
    }
    request.headers.resize(base_headers);
    request.headers.insert(request.headers.end(), auth.begin(), auth.end());
    PELO_ASSIGN_OR_RETURN(http::Response response, transport_.Send(request));
    if (response.status == 401 && session_ != nullptr && attempt == 0) {
      // Another thread may have refreshed already; OnUnauthorized knows.
      PELO_RETURN_IF_ERROR(session_->OnUnauthorized(auth).WithContext(step));
      continue;
    }
    if ((response.ok() || response.status == 403) && http::AcceptsJson(request) &&
        response.IsHtmlPage()) {
      return HtmlPageError(step, response);
    }
    if (!response.ok()) return HttpError(step, response);
    return response;
  }
}

bool IsHtmlPageError(const Status& status) {
  // HttpError makes a 403 kUnauthenticated and a 2xx is no error: only HtmlPageError makes kApi
  // with either.
  const int http_status = status.http_status();
  return status.code() == ErrorCode::kApi &&
         ((http_status >= 200 && http_status < 300) || http_status == 403);
}

}  // namespace pelo::api
