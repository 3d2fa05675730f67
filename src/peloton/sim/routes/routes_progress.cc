// What the user's history adds up to: overview, calendar and achievements (all derived from
// the visible workouts, so a deletion shows at once).
#include "peloton/sim/json/progress.h"
#include "peloton/sim/routes/http_util.h"
#include "peloton/sim/routes/route_util.h"
#include "peloton/sim/routes/routes.h"

namespace pelo::sim {
namespace {

void Overview(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  int version = 0;
  if (!IntParam(req, "version", 1, &version)) return SendBadParam(res, "version");
  if (!PathIsUser(ctx, req, res)) return;
  const std::string zone = SettingsZone(ctx.account.Settings());
  SendJson(res, 200, OverviewJson(ctx.data->user_id, VisibleDetails(ctx), ctx.now, zone));
}

void Calendar(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!PathIsUser(ctx, req, res)) return;
  SendJson(res, 200, CalendarJson(VisibleDetails(ctx), SettingsZone(ctx.account.Settings())));
}

void Achievements(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (PathIsUser(ctx, req, res)) SendJson(res, 200, AchievementsJson(VisibleDetails(ctx)));
}

}  // namespace

void RegisterProgressRoutes(httplib::Server& server, Context& ctx) {
  server.Get(R"(/api/user/([^/]+)/overview)", Guarded(ctx, Overview));
  server.Get(R"(/api/user/([^/]+)/calendar)", Guarded(ctx, Calendar));
  server.Get(R"(/api/user/([^/]+)/achievements)", Guarded(ctx, Achievements));
}

}  // namespace pelo::sim
