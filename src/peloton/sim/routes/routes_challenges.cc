// Challenges: the current, upcoming and past lists (has_joined filter), one challenge with its
// tiers, friends' progress, and joining or leaving.
#include <cmath>

#include "peloton/sim/routes/http_util.h"
#include "peloton/sim/routes/route_util.h"
#include "peloton/sim/routes/routes.h"
#include "peloton/sim/world/challenges.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

const ChallengeDef* FindChallenge(const Context& ctx, const std::string& id) {
  for (const ChallengeDef& c : ctx.challenges) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

// The challenge named by path group 2 for the user of group 1; nullptr (error sent) otherwise.
const ChallengeDef* PathChallenge(Context& ctx, const httplib::Request& req,
                                  httplib::Response& res) {
  if (!PathIsUser(ctx, req, res)) return nullptr;
  const ChallengeDef* c = FindChallenge(ctx, req.matches[2]);
  if (c == nullptr) SendApiError(res, 404, 4040, "Challenge not found");
  return c;
}

void List(Context& ctx, const httplib::Request& req, httplib::Response& res,
          const std::string& status) {
  std::optional<bool> has_joined;
  if (!BoolParam(req, "has_joined", &has_joined)) return SendBadParam(res, "has_joined");
  if (!PathIsUser(ctx, req, res)) return;
  const Details workouts = VisibleDetails(ctx);
  json list = json::array();
  for (const ChallengeDef& c : ctx.challenges) {
    const bool joined = ctx.account.Joined(c.id).value_or(false);
    if (ChallengeStatus(c, ctx.now) != status || (has_joined && *has_joined != joined)) continue;
    list.push_back(ChallengeJson(c, ctx.now, joined, ChallengeMetric(c, workouts)));
  }
  SendJson(res, 200, {{"challenges", list}});
}

void Current(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  List(ctx, req, res, "active");
}
void Upcoming(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  List(ctx, req, res, "upcoming");
}
void Past(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  List(ctx, req, res, "completed");
}

void Challenge(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const ChallengeDef* c = PathChallenge(ctx, req, res);
  if (c == nullptr) return;
  SendJson(res, 200,
           ChallengeDetailJson(*c, ctx.now, ctx.account.Joined(c->id).value_or(false),
                               ChallengeMetric(*c, VisibleDetails(ctx))));
}

// The followed members who take part: a fixed share of them, with made-up progress.
void Friends(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const ChallengeDef* c = PathChallenge(ctx, req, res);
  if (c == nullptr) return;
  const bool started = ChallengeStatus(*c, ctx.now) != "upcoming";
  json friends = json::array();
  for (const Person& p : FollowingOf(ctx, Person{})) {
    const uint64_t key = Mix(HashText(p.member->id), static_cast<uint64_t>(c->start_time));
    if (key % 3 != 0) continue;
    const double metric = started ? static_cast<double>(key % 1000) * c->tiers.back() / 800 : 0;
    friends.push_back({{"user",
                        {{"id", p.member->id},
                         {"username", p.member->username},
                         {"image_url", p.member->image_url}}},
                       {"progress", ProgressJson(*c, true, std::round(metric))}});
  }
  SendJson(res, 200, {{"friends", friends}});
}

void SetJoined(Context& ctx, const httplib::Request& req, httplib::Response& res, bool joined) {
  const ChallengeDef* c = PathChallenge(ctx, req, res);
  if (c == nullptr) return;
  if (ChallengeStatus(*c, ctx.now) == "completed") {
    return SendApiError(res, 400, 400, "The challenge has ended");
  }
  ctx.account.SetJoined(c->id, joined);
  SendEmpty(res);
}

void Join(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  SetJoined(ctx, req, res, true);
}
void Leave(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  SetJoined(ctx, req, res, false);
}

}  // namespace

void RegisterChallengeRoutes(httplib::Server& server, Context& ctx) {
  server.Get(R"(/api/user/([^/]+)/challenges/current)", Guarded(ctx, Current));
  server.Get(R"(/api/user/([^/]+)/challenges/upcoming)", Guarded(ctx, Upcoming));
  server.Get(R"(/api/user/([^/]+)/challenges/past)", Guarded(ctx, Past));
  server.Get(R"(/api/user/([^/]+)/challenges/([^/]+)/friends)", Guarded(ctx, Friends));
  server.Post(R"(/api/user/([^/]+)/challenges/([^/]+)/join)", Guarded(ctx, Join));
  server.Post(R"(/api/user/([^/]+)/challenges/([^/]+)/leave)", Guarded(ctx, Leave));
  server.Get(R"(/api/user/([^/]+)/challenges/([^/]+))", Guarded(ctx, Challenge));
}

}  // namespace pelo::sim
