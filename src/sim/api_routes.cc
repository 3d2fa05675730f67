// The API host: /api/* (bearer token, or the legacy session cookie with --legacy-auth) and a
// placeholder /graphql.
#include <algorithm>
#include <string>

#include "sim/context.h"
#include "sim/workout_json.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

constexpr int kMaxLimit = 100;

bool Authorized(const Context& ctx, const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() > kBearer.size() && header.compare(0, kBearer.size(), kBearer) == 0) {
    const auto sub = ctx.tokens.Verify(header.substr(kBearer.size()));
    if (sub && *sub == ctx.data->user_id) return true;
  }
  return ctx.options.legacy_auth && ctx.auth.HasSession(CookieValue(req, "peloton_session_id"));
}

// Wraps a handler so it answers 401 "Not logged in" without valid credentials.
template <typename Handler>
httplib::Server::Handler Guarded(const Context& ctx, Handler handler) {
  return [&ctx, handler](const httplib::Request& req, httplib::Response& res) {
    if (!Authorized(ctx, req)) return SendApiError(res, 401, 3020, "Not logged in");
    handler(req, res);
  };
}

// Reads integer query parameter `name` (default when absent); false when malformed.
bool IntParam(const httplib::Request& req, const char* name, int fallback, int* out) {
  *out = fallback;
  if (!req.has_param(name)) return true;
  const std::string text = req.get_param_value(name);
  if (text.empty() || text.size() > 9 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  *out = std::stoi(text);
  return true;
}

struct Joins {
  bool ride = false;
  bool instructor = false;
};

Joins ParseJoins(const httplib::Request& req) {
  const std::string joins = "," + req.get_param_value("joins") + ",";
  Joins j;
  j.instructor = joins.find(",ride.instructor,") != std::string::npos ||
                 joins.find(",peloton.ride.instructor,") != std::string::npos;
  j.ride = j.instructor || joins.find(",ride,") != std::string::npos ||
           joins.find(",peloton.ride,") != std::string::npos;
  return j;
}

// Page/limit envelope fields shared by every paged list.
json PageEnvelope(int page, int limit, size_t total, size_t count) {
  const size_t page_count = (total + static_cast<size_t>(limit) - 1) / static_cast<size_t>(limit);
  return {{"limit", limit},
          {"page", page},
          {"total", total},
          {"count", count},
          {"page_count", page_count},
          {"show_previous", page > 0},
          {"show_next", static_cast<size_t>(page + 1) * static_cast<size_t>(limit) < total}};
}

bool ReadPaging(const httplib::Request& req, httplib::Response& res, int* page, int* limit) {
  if (!IntParam(req, "page", 0, page) || !IntParam(req, "limit", 20, limit) || *limit < 1) {
    SendApiError(res, 400, 400, "Invalid page or limit");
    return false;
  }
  *limit = std::min(*limit, kMaxLimit);
  return true;
}

void Workouts(const Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (req.matches[1] != ctx.data->user_id) {
    return SendApiError(res, 404, 4040, "User not found");
  }
  int page = 0, limit = 0;
  if (!ReadPaging(req, res, &page, &limit)) return;
  const Joins joins = ParseJoins(req);
  const auto& all = ctx.data->workouts;
  const size_t begin = std::min(all.size(), static_cast<size_t>(page) * static_cast<size_t>(limit));
  const size_t end = std::min(all.size(), begin + static_cast<size_t>(limit));
  json data = json::array();
  for (size_t i = begin; i < end; ++i) {
    data.push_back(ShapeWorkout(all[i].detail, true, joins.ride, joins.instructor));
  }
  json body = {{"data", data}};
  body.update(PageEnvelope(page, limit, all.size(), end - begin));
  body["sort_by"] = "-created_at,-pk";
  body["next"] =
      end > begin ? json{{"workout_id", all[end - 1].id}, {"created_at", all[end - 1].created_at}}
                  : json(nullptr);
  body["summary"] = ctx.data->month_summary;
  body["aggregate_stats"] = json::array();
  body["total_heart_rate_zone_durations"] = ctx.data->total_zone_durations;
  SendJson(res, 200, body);
}

void Workout(const Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const WorkoutEntry* w = ctx.data->FindWorkout(req.matches[1]);
  if (w == nullptr) return SendApiError(res, 404, 4040, "Workout not found");
  const Joins joins = ParseJoins(req);
  SendJson(res, 200, ShapeWorkout(w->detail, false, joins.ride, joins.instructor));
}

void PerformanceGraph(const Context& ctx, const httplib::Request& req, httplib::Response& res) {
  int every_n = 0;
  if (!IntParam(req, "every_n", 5, &every_n) || every_n < 1) {
    return SendApiError(res, 400, 400, "every_n must be a positive integer");
  }
  const auto body = ctx.data->GraphBody(req.matches[1], every_n);
  if (!body) return SendApiError(res, 404, 4040, "Workout not found");
  res.set_content(**body, "application/json");
}

void RideDetails(const Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const auto it = ctx.data->ride_details.find(req.matches[1]);
  if (it == ctx.data->ride_details.end()) return SendApiError(res, 404, 4040, "Ride not found");
  SendJson(res, 200, it->second);
}

void Instructors(const Context& ctx, const httplib::Request& req, httplib::Response& res) {
  int page = 0, limit = 0;
  if (!ReadPaging(req, res, &page, &limit)) return;
  const auto& all = ctx.data->instructors;
  const size_t begin = std::min(all.size(), static_cast<size_t>(page) * static_cast<size_t>(limit));
  const size_t end = std::min(all.size(), begin + static_cast<size_t>(limit));
  json body = {{"data", json(std::vector<json>(all.begin() + static_cast<long>(begin),
                                               all.begin() + static_cast<long>(end)))}};
  body.update(PageEnvelope(page, limit, all.size(), end - begin));
  body["sort_by"] = nullptr;
  body["next"] = end < all.size() ? json{{"page", page + 1}} : json(nullptr);
  SendJson(res, 200, body);
}

void Instructor(const Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const json* instructor = ctx.data->FindInstructor(req.matches[1]);
  if (instructor == nullptr) return SendApiError(res, 404, 4040, "Instructor not found");
  SendJson(res, 200, *instructor);
}

}  // namespace

void RegisterApiRoutes(httplib::Server& server, Context& ctx) {
  const Context& c = ctx;
  server.Get("/api/me",
             Guarded(c, [&c](const auto&, auto& res) { SendJson(res, 200, c.data->me); }));
  server.Get(R"(/api/user/([^/]+)/workouts)",
             Guarded(c, [&c](const auto& req, auto& res) { Workouts(c, req, res); }));
  server.Get(R"(/api/workout/([^/]+)/performance_graph)",
             Guarded(c, [&c](const auto& req, auto& res) { PerformanceGraph(c, req, res); }));
  server.Get(R"(/api/workout/([^/]+))",
             Guarded(c, [&c](const auto& req, auto& res) { Workout(c, req, res); }));
  server.Get(R"(/api/ride/([^/]+)/details)",
             Guarded(c, [&c](const auto& req, auto& res) { RideDetails(c, req, res); }));
  // Instructors are public, as documented.
  server.Get("/api/instructor", [&c](const auto& req, auto& res) { Instructors(c, req, res); });
  server.Get(R"(/api/instructor/([^/]+))",
             [&c](const auto& req, auto& res) { Instructor(c, req, res); });
  RegisterGraphqlRoutes(server, ctx);
}

}  // namespace pelo::sim
