// Client: standard headers + auth on every request, one refresh-and-retry on 401, non-2xx
// mapped to a Status that names the request, and the parse functions for typed results.
#include "pelo/api/client.h"

#include <simdjson.h>

#include "pelo/api/parse.h"

namespace pelo::api {
namespace {

constexpr size_t kMaxDetail = 160;

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

template <typename T>
StatusOr<Fetched<T>> Parsed(StatusOr<T> (*parse)(std::string_view), std::string raw,
                            std::string path, const std::string& step) {
  StatusOr<T> value = parse(raw);
  if (!value.ok()) return value.status().WithContext(step);
  return Fetched<T>{std::move(value).value(), std::move(raw), std::move(path)};
}

}  // namespace

Client::Client(http::Transport& transport, auth::Endpoints endpoints, auth::Session* session,
               std::string user_agent)
    : transport_(transport),
      endpoints_(std::move(endpoints)),
      session_(session),
      user_agent_(std::move(user_agent)) {}

StatusOr<http::Response> Client::Call(const std::string& method, const std::string& path,
                                      const http::QueryParams& query, const std::string& body) {
  http::Request request;
  request.method = method;
  request.url = http::JoinUrl(endpoints_.api_url, path);
  if (!query.empty()) request.url += "?" + http::BuildQuery(query);
  request.body = body;
  return Send(std::move(request), method + " " + path);
}

StatusOr<http::Response> Client::Send(http::Request request, const std::string& step) {
  request.headers.insert(request.headers.begin(),
                         {{"Peloton-Platform", "web"}, {"Accept", "application/json"}});
  if (!user_agent_.empty()) request.headers.emplace_back("User-Agent", user_agent_);
  if (!request.body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  const size_t base_headers = request.headers.size();

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
    if (!response.ok()) return HttpError(step, response);
    return response;
  }
}

StatusOr<std::string> Client::GetBody(const std::string& path, const http::QueryParams& query,
                                      std::string* path_out) {
  PELO_ASSIGN_OR_RETURN(http::Response response, Call("GET", path, query));
  *path_out = query.empty() ? path : path + "?" + http::BuildQuery(query);
  return std::move(response.body);
}

StatusOr<Fetched<model::User>> Client::Me() {
  std::string path;
  PELO_ASSIGN_OR_RETURN(std::string body, GetBody("/api/me", {}, &path));
  return Parsed(&ParseUser, std::move(body), std::move(path), "GET /api/me");
}

StatusOr<Fetched<model::WorkoutPage>> Client::Workouts(const std::string& user_id, int page,
                                                       int limit, const std::string& joins) {
  const std::string route = "/api/user/" + http::UrlEncode(user_id) + "/workouts";
  http::QueryParams query = {
      {"sort_by", "-created"}, {"page", std::to_string(page)}, {"limit", std::to_string(limit)}};
  if (!joins.empty()) query.emplace_back("joins", joins);
  std::string path;
  PELO_ASSIGN_OR_RETURN(std::string body, GetBody(route, query, &path));
  return Parsed(&ParseWorkoutPage, std::move(body), std::move(path), "GET " + route);
}

StatusOr<Fetched<model::Workout>> Client::Workout(const std::string& workout_id,
                                                  const std::string& joins) {
  const std::string route = "/api/workout/" + http::UrlEncode(workout_id);
  http::QueryParams query;
  if (!joins.empty()) query.emplace_back("joins", joins);
  std::string path;
  PELO_ASSIGN_OR_RETURN(std::string body, GetBody(route, query, &path));
  return Parsed(&ParseWorkout, std::move(body), std::move(path), "GET " + route);
}

StatusOr<Fetched<model::PerformanceGraph>> Client::PerformanceGraph(const std::string& workout_id,
                                                                    int every_n) {
  const std::string route = "/api/workout/" + http::UrlEncode(workout_id) + "/performance_graph";
  std::string path;
  PELO_ASSIGN_OR_RETURN(std::string body,
                        GetBody(route, {{"every_n", std::to_string(every_n)}}, &path));
  return Parsed(&ParsePerformanceGraph, std::move(body), std::move(path), "GET " + route);
}

StatusOr<Fetched<model::RideDetails>> Client::RideDetails(const std::string& ride_id,
                                                          const std::string& stream_source) {
  const std::string route = "/api/ride/" + http::UrlEncode(ride_id) + "/details";
  http::QueryParams query;
  if (!stream_source.empty()) query.emplace_back("stream_source", stream_source);
  std::string path;
  PELO_ASSIGN_OR_RETURN(std::string body, GetBody(route, query, &path));
  return Parsed(&ParseRideDetails, std::move(body), std::move(path), "GET " + route);
}

StatusOr<Fetched<std::vector<model::Instructor>>> Client::Instructors(int page, int limit) {
  const std::string route = "/api/instructor";
  std::string path;
  PELO_ASSIGN_OR_RETURN(
      std::string body,
      GetBody(route, {{"page", std::to_string(page)}, {"limit", std::to_string(limit)}}, &path));
  return Parsed(&ParseInstructorList, std::move(body), std::move(path), "GET " + route);
}

StatusOr<Fetched<model::Instructor>> Client::Instructor(const std::string& instructor_id) {
  const std::string route = "/api/instructor/" + http::UrlEncode(instructor_id);
  std::string path;
  PELO_ASSIGN_OR_RETURN(std::string body, GetBody(route, {}, &path));
  return Parsed(&ParseInstructor, std::move(body), std::move(path), "GET " + route);
}

}  // namespace pelo::api
