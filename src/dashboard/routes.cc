// Answer: the dashboard's routes, without HTTP. Each JSON route runs the query and the encoder
// the matching `pelo stats` command runs (app/history.h, app/json.h), so both print the same.
#include <nlohmann/json.hpp>

#include <functional>
#include <set>

#include "pelo/analytics/ride_day.h"
#include "pelo/app/history.h"
#include "pelo/app/json.h"
#include "pelo/app/ride.h"
#include "pelo/dashboard/dashboard.h"
#include "pelo/insights/drivers.h"
#include "pelo/insights/fitness.h"
#include "pelo/report/report.h"

namespace pelo::dashboard {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kHtml = "text/html; charset=utf-8";
// Each workout's page is this and its id: what the report's and the list's links lead to.
constexpr const char* kWorkoutLink = "/workouts/";

Response Error(int status, const std::string& message) {
  return {status, kJson, nlohmann::json{{"error", message}}.dump()};
}

// A request's query parameters, checked against what its route takes.
class Params {
 public:
  explicit Params(const std::multimap<std::string, std::string>& params) : params_(params) {}

  // The first parameter that is not in `allowed` or is given twice, as a message.
  std::optional<std::string> Unexpected(const std::set<std::string>& allowed) const {
    for (auto it = params_.begin(); it != params_.end(); ++it) {
      if (!allowed.count(it->first)) return "unknown parameter '" + it->first + "'";
      if (params_.count(it->first) > 1) return it->first + ": given more than once";
    }
    return std::nullopt;
  }
  std::string Get(const std::string& name) const {
    auto it = params_.find(name);
    return it == params_.end() ? "" : it->second;
  }

 private:
  const std::multimap<std::string, std::string>& params_;
};

// The day of parameter `name` (absent or empty: none); kInvalidArgument naming it otherwise.
StatusOr<std::optional<analytics::DayNumber>> Day(const Params& params, const std::string& name) {
  const std::string text = params.Get(name);
  if (text.empty()) return std::optional<analytics::DayNumber>();
  if (auto day = analytics::ParseDay(text)) return std::optional<analytics::DayNumber>(*day);
  return Status(ErrorCode::kInvalidArgument, name + ": '" + text + "' is not a date (YYYY-MM-DD)");
}

StatusOr<app::DayRange> Range(const Params& params) {
  app::DayRange range;
  PELO_ASSIGN_OR_RETURN(range.since, Day(params, "since"));
  PELO_ASSIGN_OR_RETURN(range.until, Day(params, "until"));
  if (range.since && range.until && *range.since > *range.until) {
    return Status(ErrorCode::kInvalidArgument, "since: after until");
  }
  return range;
}

using Handler = std::function<StatusOr<std::string>(const Params&, store::Store&)>;

struct Route {
  std::set<std::string> params;
  std::string content_type;
  Handler handler;
};

const std::map<std::string, Route>& Routes() {
  static const std::map<std::string, Route> kRoutes = {
      {"/",
       {{},
        kHtml,
        [](const Params&, store::Store& store) -> StatusOr<std::string> {
          report::ReportOptions options;
          options.workout_link = kWorkoutLink;
          PELO_ASSIGN_OR_RETURN(std::string data, report::ReportData(store, options));
          return report::RenderPage(report::Page::kReport, data);
        }}},
      {"/workouts",
       {{},
        kHtml,
        [](const Params&, store::Store& store) -> StatusOr<std::string> {
          PELO_ASSIGN_OR_RETURN(std::string data, report::WorkoutsData(store, kWorkoutLink));
          return report::RenderPage(report::Page::kWorkouts, data);
        }}},
      {"/api/report",
       {{},
        kJson,
        [](const Params&, store::Store& store) { return report::ReportData(store, {}); }}},
      {"/api/rides",
       {{"since", "until"},
        kJson,
        [](const Params& params, store::Store& store) -> StatusOr<std::string> {
          PELO_ASSIGN_OR_RETURN(app::DayRange range, Range(params));
          PELO_ASSIGN_OR_RETURN(auto rows, app::ListRideMetrics(store, range));
          return app::RideStatsJson(rows, false);
        }}},
      {"/api/workouts",
       {{"since", "until", "limit"},
        kJson,
        [](const Params& params, store::Store& store) -> StatusOr<std::string> {
          PELO_ASSIGN_OR_RETURN(app::DayRange range, Range(params));
          size_t limit = 0;
          if (const std::string text = params.Get("limit"); !text.empty()) {
            if (text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos ||
                std::stoul(text) == 0) {
              return Status(ErrorCode::kInvalidArgument,
                            "limit: '" + text + "' is not a whole number of 1 or more");
            }
            limit = std::stoul(text);
          }
          PELO_ASSIGN_OR_RETURN(auto rows, app::ListWorkouts(store, range, limit));
          return app::WorkoutsJson(rows, false);
        }}},
      {"/api/curve",
       {{"since", "until"},
        kJson,
        [](const Params& params, store::Store& store) -> StatusOr<std::string> {
          PELO_ASSIGN_OR_RETURN(app::DayRange range, Range(params));
          PELO_ASSIGN_OR_RETURN(auto points, app::RangeCurve(store, range));
          return app::CurveJson(points, false);
        }}},
      {"/api/fitness",
       {{"since", "until"},
        kJson,
        [](const Params& params, store::Store& store) -> StatusOr<std::string> {
          PELO_ASSIGN_OR_RETURN(app::DayRange range, Range(params));
          PELO_ASSIGN_OR_RETURN(app::LoadedHistory data, app::LoadHistory(store));
          insights::FitnessOptions options;
          options.today = data.today;
          options.since = range.since;
          options.until = range.until;
          return app::FitnessJson(insights::FitnessSeries(data.history, options), false);
        }}},
      {"/api/ftp",
       {{},
        kJson,
        [](const Params&, store::Store& store) -> StatusOr<std::string> {
          PELO_ASSIGN_OR_RETURN(app::LoadedHistory data, app::LoadHistory(store));
          return app::FtpJson(insights::BuildFtpSummary(data.history, data.today), data.history,
                              false);
        }}},
      {"/api/zones",
       {{"by"},
        kJson,
        [](const Params& params, store::Store& store) -> StatusOr<std::string> {
          const std::string by = params.Get("by");
          if (!by.empty() && by != "week" && by != "month") {
            return Status(ErrorCode::kInvalidArgument, "by: '" + by + "' is not week or month");
          }
          const auto period =
              by == "month" ? insights::ZonePeriod::kMonth : insights::ZonePeriod::kWeek;
          PELO_ASSIGN_OR_RETURN(app::LoadedHistory data, app::LoadHistory(store));
          return app::ZonesJson(insights::ZonesByPeriod(data.rows, period), period, false);
        }}},
      {"/api/drivers",
       {{},
        kJson,
        [](const Params&, store::Store& store) -> StatusOr<std::string> {
          PELO_ASSIGN_OR_RETURN(app::LoadedHistory data,
                                app::LoadHistory(store, /*with_curves=*/true));
          analytics::DriversOptions options;
          return app::DriversJson(insights::AnalyzeHistory(data.history, options), options, false);
        }}},
  };
  return kRoutes;
}

// The id of "<prefix><id>" when `path` has that shape; a workout id is lowercase hex (32
// characters from Peloton): anything else, such as "..", is no id.
std::optional<std::string> WorkoutIdIn(const std::string& path, std::string_view prefix) {
  if (path.rfind(prefix, 0) != 0) return std::nullopt;
  std::string id = path.substr(prefix.size());
  if (id.empty() || id.size() > 64 ||
      id.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return std::nullopt;
  }
  return id;
}

// "/workouts/<id>" (its page) and "/api/workouts/<id>" (`pelo stats ride <id> --json`).
std::optional<Route> WorkoutRoute(const std::string& path) {
  if (auto id = WorkoutIdIn(path, "/workouts/")) {
    return Route{
        {}, kHtml, [id = *id](const Params&, store::Store& store) -> StatusOr<std::string> {
          PELO_ASSIGN_OR_RETURN(std::string data, report::WorkoutData(store, id, kWorkoutLink));
          return report::RenderPage(report::Page::kWorkout, data);
        }};
  }
  if (auto id = WorkoutIdIn(path, "/api/workouts/")) {
    return Route{
        {}, kJson, [id = *id](const Params&, store::Store& store) -> StatusOr<std::string> {
          PELO_ASSIGN_OR_RETURN(std::optional<app::RideDetail> ride, app::LoadRide(store, id));
          if (!ride) return Status(ErrorCode::kNotFound, "no workout " + id + " is stored");
          return app::RideJson(*ride, false);
        }};
  }
  return std::nullopt;
}

int HttpStatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    default:
      return 500;
  }
}

}  // namespace

Response Answer(const std::string& path, const std::multimap<std::string, std::string>& params,
                const std::string& db_path) {
  std::optional<Route> route;
  if (auto fixed = Routes().find(path); fixed != Routes().end()) {
    route = fixed->second;
  } else {
    route = WorkoutRoute(path);
  }
  if (!route) return Error(404, "no such page: " + path);
  const Params checked(params);
  if (auto problem = checked.Unexpected(route->params)) return Error(400, *problem);
  auto store = store::OpenSqliteStoreReadOnly(db_path);
  if (!store.ok()) return Error(503, store.status().message());
  StatusOr<std::string> body = route->handler(checked, **store);
  if (!body.ok()) return Error(HttpStatusOf(body.status().code()), body.status().message());
  return {200, route->content_type, std::move(body).value()};
}

}  // namespace pelo::dashboard
