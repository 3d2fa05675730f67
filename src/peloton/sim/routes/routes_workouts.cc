// The user's workouts: the list, one workout, its graph, legacy summary/achievements/samples,
// deleting one, and the workout-history CSV. Deleted workouts are gone from all of them.
#include <algorithm>
#include <set>

#include "pelo/common/time.h"
#include "peloton/sim/json/json_read.h"
#include "peloton/sim/json/workout_csv.h"
#include "peloton/sim/json/workout_json.h"
#include "peloton/sim/routes/http_util.h"
#include "peloton/sim/routes/route_util.h"
#include "peloton/sim/routes/routes.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

// The relations of a workout `joins` can expand: its class and the class's instructor (the
// 2018-era paths go through the session: peloton.ride, peloton.ride.instructor).
struct Joins {
  bool ride = false;
  bool instructor = false;
};

Joins ParseJoins(const httplib::Request& req) {
  Joins j;
  j.instructor = Joined(req, "ride.instructor") || Joined(req, "peloton.ride.instructor");
  j.ride = j.instructor || Joined(req, "ride") || Joined(req, "peloton.ride");
  return j;
}

// The list's month counts and heart-rate zone totals over the visible workouts.
void AddSummaries(const std::vector<const WorkoutEntry*>& all, json& body) {
  json months = json::object();
  std::array<int64_t, 5> zones{};
  for (const WorkoutEntry* w : all) {
    const std::string month = FormatUtcDate(w->created_at).substr(0, 7);
    months[month] = months.value(month, 0) + 1;
    for (size_t z = 0; z < 5; ++z) zones[z] += w->zone_seconds[z];
  }
  json durations = json::object();
  for (size_t z = 0; z < 5; ++z) {
    durations["heart_rate_z" + std::to_string(z + 1) + "_duration"] = zones[z];
  }
  body["summary"] = months;
  body["aggregate_stats"] = json::array();
  body["total_heart_rate_zone_durations"] = durations;
}

// A workout still going (the newest Context::in_progress ones): no end yet.
void MarkInProgress(json& workout) {
  workout["status"] = "IN_PROGRESS";
  workout["end_time"] = nullptr;
}

// True when `w` is one of the newest Context::in_progress workouts.
bool InProgress(const Context& ctx, const WorkoutEntry* w) {
  const int newest = ctx.in_progress.load();
  if (newest <= 0) return false;
  const auto all = VisibleWorkouts(ctx);
  for (size_t i = 0; i < all.size() && i < static_cast<size_t>(newest); ++i) {
    if (all[i] == w) return true;
  }
  return false;
}

void Workouts(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Paging paging;
  if (!PathIsUser(ctx, req, res) || !ReadPaging(req, res, &paging)) return;
  const Joins joins = ParseJoins(req);
  const auto all = VisibleWorkouts(ctx);
  paging.Clamp(all.size());
  json data = json::array();
  for (size_t i = paging.begin; i < paging.end; ++i) {
    data.push_back(ListedWorkout(all[i]->detail, joins.ride, joins.instructor));
    if (i < static_cast<size_t>(std::max(0, ctx.in_progress.load()))) MarkInProgress(data.back());
  }
  json body = {{"data", data}};
  body.update(PageEnvelope(paging, all.size()));
  body["sort_by"] = "-created_at,-pk";
  const WorkoutEntry* last = paging.end > paging.begin ? all[paging.end - 1] : nullptr;
  body["next"] =
      last ? json{{"workout_id", last->id}, {"created_at", last->created_at}} : json(nullptr);
  AddSummaries(all, body);
  SendJson(res, 200, body);
}

// The workout named by path group 1; nullptr (404 sent) when unknown or deleted.
const WorkoutEntry* PathWorkout(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const WorkoutEntry* w = FindVisibleWorkout(ctx, req.matches[1]);
  if (w == nullptr) SendApiError(res, 404, 4040, "Workout not found");
  return w;
}

void Workout(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const WorkoutEntry* w = PathWorkout(ctx, req, res);
  if (w == nullptr) return;
  json body = DetailWorkout(w->detail, ParseJoins(req).instructor);
  if (InProgress(ctx, w)) MarkInProgress(body);
  SendJson(res, 200, body);
}

void DeleteWorkout(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const WorkoutEntry* w = PathWorkout(ctx, req, res);
  if (w == nullptr) return;
  // A concurrent delete of the same workout may win; both answer as if they had deleted it.
  ctx.account.DeleteWorkout(w->id);
  SendEmpty(res);
}

void PerformanceGraph(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  int every_n = 0;
  if (!IntParam(req, "every_n", 5, &every_n) || every_n < 1) return SendBadParam(res, "every_n");
  const WorkoutEntry* w = PathWorkout(ctx, req, res);
  if (w == nullptr) return;
  res.set_content(**ctx.data->GraphBody(w->id, every_n), "application/json");
}

json OrNull(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

// GET /api/workout/{id}/summary: the 2018 one-object summary, from the graph's numbers.
void Summary(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const WorkoutEntry* w = PathWorkout(ctx, req, res);
  if (w == nullptr) return;
  const auto m = ctx.metrics.For(*w);
  SendJson(res, 200,
           {{"id", Read(w->detail, "peloton_id", w->id)},
            {"workout_id", w->id},
            {"instant", Read(w->detail, "end_time", w->created_at)},
            {"seconds_since_pedaling_start", m->duration},
            {"total_work", Read(w->detail, "total_work", 0.0)},
            {"power", OrNull(m->output.last)},
            {"max_power", OrNull(m->output.max)},
            {"avg_power", OrNull(m->output.average)},
            {"cadence", OrNull(m->cadence.last)},
            {"max_cadence", OrNull(m->cadence.max)},
            {"avg_cadence", OrNull(m->cadence.average)},
            {"resistance", OrNull(m->resistance.last)},
            {"max_resistance", OrNull(m->resistance.max)},
            {"avg_resistance", OrNull(m->resistance.average)},
            {"speed", OrNull(m->speed.last)},
            {"max_speed", OrNull(m->speed.max)},
            {"avg_speed", OrNull(m->speed.average)},
            {"heart_rate", OrNull(m->heart_rate.last)},
            {"max_heart_rate", OrNull(m->heart_rate.max)},
            {"avg_heart_rate", OrNull(m->heart_rate.average)},
            {"calories", OrNull(m->calories)},
            {"distance", OrNull(m->distance_mi)}});
}

void WorkoutAchievements(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const WorkoutEntry* w = PathWorkout(ctx, req, res);
  if (w == nullptr) return;
  SendJson(res, 200,
           {{"achievement_templates", w->detail.value("achievement_templates", json::array())}});
}

// The values of metric `slug` (also found among a metric's alternatives), or an empty array.
json MetricValues(const json& graph, const std::string& slug) {
  for (const json& metric : graph.value("metrics", json::array())) {
    if (Read(metric, "slug", "") == slug) return metric.value("values", json::array());
    for (const json& alternative : metric.value("alternatives", json::array())) {
      if (Read(alternative, "slug", "") == slug) return alternative.value("values", json::array());
    }
  }
  return json::array();
}

// GET /api/workout/{id}/sample (2018): one object per `every_n` seconds, `fields` selecting the
// keys, at most `limit` objects.
void LegacySamples(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  static const std::set<std::string> kFields = {
      "seconds_since_pedaling_start", "power", "cadence", "speed", "heart_rate", "distance"};
  int every_n = 0, limit = 0;
  if (!IntParam(req, "every_n", 5, &every_n) || every_n < 1) return SendBadParam(res, "every_n");
  if (!IntParam(req, "limit", 14400, &limit)) return SendBadParam(res, "limit");
  std::set<std::string> fields = kFields;
  if (req.has_param("fields")) {
    fields.clear();
    for (const std::string& f : SplitCommas(req.get_param_value("fields"))) {
      if (!kFields.count(f)) return SendBadParam(res, "fields");
      fields.insert(f);
    }
  }
  const WorkoutEntry* w = PathWorkout(ctx, req, res);
  if (w == nullptr) return;
  const json graph = json::parse(**ctx.data->GraphBody(w->id, every_n));
  const json time = graph.value("seconds_since_pedaling_start", json::array());
  const json columns = {{"power", MetricValues(graph, "output")},
                        {"cadence", MetricValues(graph, "cadence")},
                        {"speed", MetricValues(graph, "speed")},
                        {"heart_rate", MetricValues(graph, "heart_rate")}};
  json data = json::array();
  double miles = 0;
  for (size_t i = 0; i < time.size() && data.size() < static_cast<size_t>(limit); ++i) {
    json sample = {{"seconds_since_pedaling_start", time[i]}};
    for (const auto& [key, values] : columns.items()) {
      sample[key] = i < values.size() ? values[i] : json(nullptr);
    }
    if (sample["speed"].is_number()) miles += sample["speed"].get<double>() * every_n / 3600.0;
    sample["distance"] = std::round(miles * 1000) / 1000;
    for (auto it = sample.begin(); it != sample.end();) {
      it = fields.count(it.key()) ? std::next(it) : sample.erase(it);
    }
    data.push_back(std::move(sample));
  }
  SendJson(res, 200, {{"data", data}});
}

std::string InstructorName(const Context& ctx, const json& ride) {
  const auto joined = ride.find("instructor");
  if (joined != ride.end() && joined->is_object()) return Read(*joined, "name", "");
  const json* instructor = ctx.data->FindInstructor(Read(ride, "instructor_id", ""));
  return instructor ? Read(*instructor, "name", "") : "";
}

void HistoryCsv(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!PathIsUser(ctx, req, res)) return;
  const json settings = ctx.account.Settings();
  CsvContext row;
  row.zone = req.has_param("timezone") ? req.get_param_value("timezone") : SettingsZone(settings);
  if (!ToLocalTime(row.zone, 0)) return SendBadParam(res, "timezone");
  row.metric = Read(settings, "distance_unit", "") == "metric";
  std::string csv = CsvHeader(row.metric);
  for (const WorkoutEntry* w : VisibleWorkouts(ctx)) {
    const auto joined = w->detail.find("ride");
    const json r = joined != w->detail.end() && joined->is_object() ? *joined : json::object();
    row.instructor_name = InstructorName(ctx, r);
    const auto type = ctx.data->class_type_names.find(Read(r, "ride_type_id", ""));
    row.class_type = type != ctx.data->class_type_names.end() ? type->second : "";
    csv += CsvRow(w->detail, *ctx.metrics.For(*w), row);
  }
  res.set_content(csv, "text/csv");
}

}  // namespace

void RegisterWorkoutRoutes(httplib::Server& server, Context& ctx) {
  server.Get(R"(/api/user/([^/]+)/workouts)", Guarded(ctx, Workouts));
  server.Get(R"(/api/user/([^/]+)/workout_history_csv)", Guarded(ctx, HistoryCsv));
  server.Get(R"(/api/workout/([^/]+)/performance_graph)", Guarded(ctx, PerformanceGraph));
  server.Get(R"(/api/workout/([^/]+)/summary)", Guarded(ctx, Summary));
  server.Get(R"(/api/workout/([^/]+)/achievements)", Guarded(ctx, WorkoutAchievements));
  server.Get(R"(/api/workout/([^/]+)/sample)", Guarded(ctx, LegacySamples));
  server.Get(R"(/api/workout/([^/]+))", Guarded(ctx, Workout));
  server.Delete(R"(/api/workout/([^/]+))", Guarded(ctx, DeleteWorkout));
}

}  // namespace pelo::sim
