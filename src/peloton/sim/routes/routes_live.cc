// Scheduled classes and playback: the live schedule, one session, reservations, and the two
// playback calls (client session, stream token).
#include <set>

#include "pelo/common/time.h"
#include "peloton/sim/json/json_read.h"
#include "peloton/sim/routes/http_util.h"
#include "peloton/sim/routes/route_util.h"
#include "peloton/sim/routes/routes.h"
#include "peloton/sim/state/crypto.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

constexpr int64_t kHour = 3600;
constexpr int64_t kStreamTokenLifetimeS = 3600;

// A session's ride as listed beside the sessions (instructors are listed once, separately).
json ListedRide(const json& ride) {
  json out = ride;
  out.erase("instructor");
  return out;
}

void Live(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  std::optional<int64_t> start, end;
  std::optional<bool> exclude_complete;
  int limit = 0;
  if (!EpochParam(req, "start", &start)) return SendBadParam(res, "start");
  if (!EpochParam(req, "end", &end)) return SendBadParam(res, "end");
  if (!BoolParam(req, "exclude_complete", &exclude_complete)) {
    return SendBadParam(res, "exclude_complete");
  }
  if (!IntParam(req, "limit", 100, &limit) || limit < 1) return SendBadParam(res, "limit");
  std::optional<std::string> discipline;
  if (req.has_param("browse_category")) {
    discipline = BrowseCategoryDiscipline(req.get_param_value("browse_category"));
    if (!discipline) return SendBadParam(res, "browse_category");
  }
  // Without a range: what the schedule screen shows, from earlier today to two days ahead.
  const int64_t from = start.value_or(ctx.now - 12 * kHour);
  const int64_t to = end.value_or(ctx.now + 48 * kHour);
  if (to < from) return SendBadParam(res, "end");
  json data = json::array(), rides = json::array(), instructors = json::array();
  std::set<std::string> listed_rides, listed_instructors;
  for (const LiveSession* s : ctx.live.Between(from, to)) {
    const json* ride = ctx.library.Find(s->ride_id);
    if (ride == nullptr || (discipline && Read(*ride, "fitness_discipline", "") != *discipline)) {
      continue;
    }
    const json session = LiveSessionJson(*s, ctx.now, ctx.account.ReservationsFor(s->id));
    if (exclude_complete.value_or(false) && session["is_complete"] == true) continue;
    if (data.size() >= static_cast<size_t>(limit)) break;
    data.push_back(session);
    if (listed_rides.insert(s->ride_id).second) rides.push_back(ListedRide(*ride));
    const std::string instructor_id = Read(*ride, "instructor_id", "");
    const json* instructor = ctx.data->FindInstructor(instructor_id);
    if (instructor && listed_instructors.insert(instructor_id).second) {
      instructors.push_back(*instructor);
    }
  }
  SendJson(res, 200, {{"data", data}, {"rides", rides}, {"instructors", instructors}});
}

void Session(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const LiveSession* s = ctx.live.Find(req.matches[1]);
  if (s == nullptr) return SendApiError(res, 404, 4040, "Peloton not found");
  SendJson(res, 200, LiveSessionJson(*s, ctx.now, ctx.account.ReservationsFor(s->id)));
}

void Reserve(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const auto body = JsonBody(req, res);
  if (!body) return;
  const auto peloton_id = RequiredString(*body, "peloton_id", res);
  if (!peloton_id) return;
  const std::string user_id = StringField(*body, "user_id");
  if (!user_id.empty() && user_id != ctx.data->user_id) {
    return SendApiError(res, 403, 3030, "Reservations can only be made for yourself");
  }
  const LiveSession* s = ctx.live.Find(*peloton_id);
  if (s == nullptr) return SendApiError(res, 404, 4040, "Peloton not found");
  if (s->scheduled_start_time + s->length <= ctx.now) {
    return SendApiError(res, 400, 400, "The class has ended");
  }
  const Reservation r = ctx.account.Reserve(s->id, ctx.data->user_id);
  SendJson(res, 200,
           {{"id", r.id},
            {"join_token", r.join_token},
            {"peloton_id", r.peloton_id},
            {"user_id", r.user_id}});
}

void Unreserve(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  // The sources disagree on which id the path holds (§5.F); either finds the reservation.
  if (!ctx.account.CancelReservation(req.matches[1])) {
    return SendApiError(res, 404, 4040, "Reservation not found");
  }
  SendJson(res, 200, {{"deleted", true}});
}

void StartedClientSession(Context&, const httplib::Request&, httplib::Response& res) {
  SendJson(res, 200, json::object());
}

void StreamToken(Context&, const httplib::Request&, httplib::Response& res) {
  // A secret like the access tokens: random and wall-clock bound, never derived from the seed.
  SendJson(res, 200,
           {{"token", RandomToken(24)}, {"expires_at", NowEpochSeconds() + kStreamTokenLifetimeS}});
}

}  // namespace

void RegisterLiveRoutes(httplib::Server& server, Context& ctx) {
  server.Get("/api/v3/ride/live", Guarded(ctx, Live));
  server.Get(R"(/api/peloton/([^/]+))", Guarded(ctx, Session));
  server.Post("/api/reservation", Guarded(ctx, Reserve));
  server.Delete(R"(/api/reservation/([^/]+))", Guarded(ctx, Unreserve));
  server.Get("/api/started_client_session", Guarded(ctx, StartedClientSession));
  server.Post("/api/subscription/stream", Guarded(ctx, StreamToken));
}

}  // namespace pelo::sim
