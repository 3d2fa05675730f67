// The class library: archived classes (filters, sorts, favorites), one class, its details,
// filters and metadata, browse categories, instructors, favorites, and which followed members
// took a class.
#include <algorithm>
#include <map>

#include "pelo/common/strings.h"
#include "peloton/sim/json/json_read.h"
#include "peloton/sim/json/ride_json.h"
#include "peloton/sim/routes/http_util.h"
#include "peloton/sim/routes/route_util.h"
#include "peloton/sim/routes/routes.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

// A workout a followed member did of a class (members' histories are not simulated beyond
// this: a fixed share of them took each class, once or twice).
struct MemberWorkout {
  const Member* member = nullptr;
  std::string id;
  int64_t created_at = 0;
};

std::vector<MemberWorkout> FollowingWorkouts(const Context& ctx, const json& ride) {
  const std::string ride_id = Read(ride, "id", "");
  const int64_t aired = Read(ride, "original_air_time", ctx.now - 86400);
  const auto span = static_cast<uint64_t>(std::max<int64_t>(ctx.now - aired, 3600));
  std::vector<MemberWorkout> out;
  for (const Person& p : FollowingOf(ctx, Person{})) {
    const uint64_t key = Mix(HashText(p.member->id), HashText(ride_id));
    if (key % 4 != 0) continue;
    for (uint64_t n = 0; n <= (key >> 8) % 2; ++n) {
      const uint64_t k = Mix(key, n);
      out.push_back({p.member, HexId(k, 0x3F), aired + static_cast<int64_t>(k % span)});
    }
  }
  std::sort(out.begin(), out.end(), [](const MemberWorkout& a, const MemberWorkout& b) {
    return a.created_at != b.created_at ? a.created_at > b.created_at : a.id > b.id;
  });
  return out;
}

// How often the user took each class (visible workouts only).
std::map<std::string, int> UserRideCounts(const Context& ctx) {
  std::map<std::string, int> counts;
  for (const json* w : VisibleDetails(ctx)) {
    const auto ride = w->find("ride");
    if (ride != w->end() && ride->is_object()) ++counts[Read(*ride, "id", "")];
  }
  return counts;
}

// A library ride with the user's view of it (favorite, own and followed members' workouts) and
// the keys the archived list has (fixture peloton_classes.json).
json UserRideJson(const Context& ctx, const json& ride, const std::map<std::string, int>& taken,
                  bool with_instructor) {
  json out = ride;
  if (!with_instructor) out.erase("instructor");
  const std::string id = Read(ride, "id", "");
  const auto count = taken.find(id);
  out["total_user_workouts"] = count == taken.end() ? 0 : count->second;
  out["total_following_workouts"] = FollowingWorkouts(ctx, ride).size();
  out["is_favorite"] = ctx.account.IsFavorite(id);
  static const json kListKeys = {{"free_for_limited_time", false},
                                 {"content_availability", "available"},
                                 {"content_availability_level", "digital_and_above"},
                                 {"is_limited_ride", false},
                                 {"muscle_group_score", json::array()},
                                 {"sample_preview_stream_url", nullptr},
                                 {"user_caption_locales", json::array()},
                                 {"is_outdoor", false},
                                 {"is_sessions_eligible", false}};
  for (const auto& [key, value] : kListKeys.items()) {
    if (!out.contains(key)) out[key] = value;
  }
  return out;
}

// Reads the archived-class filters of the request; the malformed parameter's name, or "".
std::string ReadClassFilter(const httplib::Request& req, ClassFilter* f) {
  if (req.has_param("browse_category")) {
    f->discipline = BrowseCategoryDiscipline(req.get_param_value("browse_category"));
    if (!f->discipline) return "browse_category";
  }
  f->instructor_id = req.get_param_value("instructor_id");
  f->class_type_id = req.get_param_value("class_type_id");
  for (const std::string& d : SplitCommas(req.get_param_value("duration"))) {
    if (d.size() > 6 || d.find_first_not_of("0123456789") != std::string::npos) return "duration";
    f->durations.insert(std::stoi(d));
  }
  for (const std::string& format : SplitCommas(req.get_param_value("content_format"))) {
    if (format != "audio" && format != "video") return "content_format";
    f->content_formats.insert(format);
  }
  if (req.has_param("sort_by")) f->sort_by = req.get_param_value("sort_by");
  if (!IsClassSort(f->sort_by)) return "sort_by";
  std::optional<bool> desc, favorites;
  if (!BoolParam(req, "desc", &desc)) return "desc";
  if (!BoolParam(req, "is_favorite_ride", &favorites)) return "is_favorite_ride";
  f->desc = desc.value_or(true);
  f->favorites_only = favorites.value_or(false);
  return "";
}

void Archived(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  ClassFilter filter;
  const std::string bad = ReadClassFilter(req, &filter);
  if (!bad.empty()) return SendBadParam(res, bad);
  Paging paging;
  if (!ReadPaging(req, res, &paging, 18)) return;
  const auto rides = ctx.library.Query(filter, ctx.account.Favorites());
  paging.Clamp(rides.size());
  const auto taken = UserRideCounts(ctx);
  json data = json::array(), instructors = json::array();
  std::set<std::string> listed;
  for (size_t i = paging.begin; i < paging.end; ++i) {
    data.push_back(UserRideJson(ctx, *rides[i], taken, false));
    const std::string instructor_id = Read(*rides[i], "instructor_id", "");
    const json* instructor = ctx.data->FindInstructor(instructor_id);
    if (instructor && listed.insert(instructor_id).second) instructors.push_back(*instructor);
  }
  json body = {{"data", data}};
  body.update(PageEnvelope(paging, rides.size()));
  body["sort_by"] = {(filter.desc ? "-" : "") + filter.sort_by};
  body["instructors"] = instructors;
  body["ride_types"] = ctx.library.class_types();
  body["class_types"] = ctx.library.class_types();
  body["browse_categories"] = BrowseCategoriesJson();
  body["fitness_disciplines"] = ctx.library.fitness_disciplines();
  body["hide_explicit_rides"] = false;
  body["hide_prenatal_rides"] = false;
  SendJson(res, 200, body);
}

// The library ride named by path group 1; nullptr (404 sent) when unknown.
const json* PathRide(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const json* ride = ctx.library.Find(req.matches[1]);
  if (ride == nullptr) SendApiError(res, 404, 4040, "Ride not found");
  return ride;
}

void Ride(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (const json* ride = PathRide(ctx, req, res)) {
    SendJson(res, 200, UserRideJson(ctx, *ride, UserRideCounts(ctx), true));
  }
}

void RideDetails(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const json* ride = PathRide(ctx, req, res);
  if (ride == nullptr) return;
  const auto built = ctx.data->RideDetails(req.matches[1].str());
  if (built == nullptr) return SendApiError(res, 404, 4040, "Ride not found");
  json details = *built;
  details["ride"]["is_favorite"] = ctx.account.IsFavorite(req.matches[1].str());
  SendJson(res, 200, details);
}

void RecentFollowingWorkouts(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Paging paging;
  if (!ReadPaging(req, res, &paging)) return;
  if (req.has_param("sort_by") && req.get_param_value("sort_by") != "-created") {
    return SendBadParam(res, "sort_by");
  }
  const json* ride = PathRide(ctx, req, res);
  if (ride == nullptr) return;
  const auto workouts = FollowingWorkouts(ctx, *ride);
  const std::string discipline = Read(*ride, "fitness_discipline", "");
  const int duration = Read(*ride, "duration", 0);
  const bool join_user = Joined(req, "user");
  std::vector<json> items;
  for (const MemberWorkout& w : workouts) {
    const bool pedals = discipline == kCycling;
    items.push_back({{"id", w.id},
                     {"created_at", w.created_at},
                     {"created", w.created_at},
                     {"device_time_created_at", w.created_at},
                     {"start_time", w.created_at + 30},
                     {"end_time", w.created_at + 30 + duration},
                     {"fitness_discipline", discipline},
                     {"metrics_type", MetricsType(discipline)},
                     {"name", DisciplineName(discipline) + " Workout"},
                     {"has_pedaling_metrics", pedals},
                     {"has_leaderboard_metrics", true},
                     {"is_total_work_personal_record", false},
                     {"peloton_id", HexId(HashText(w.id), 0x9E1)},
                     {"ride_id", Read(*ride, "id", "")},
                     {"status", "COMPLETE"},
                     {"timezone", "America/New_York"},
                     {"title", nullptr},
                     {"total_work", pedals ? static_cast<double>(HashText(w.id) % 400000) : 0.0},
                     {"user_id", w.member->id},
                     {"workout_type", "class"}});
    // The member only with joins=user, as every client asks (§4.3: joins expand relations).
    if (join_user) items.back()["user"] = ProfileJson(ctx, Person{w.member});
  }
  SendJson(res, 200, PagedList(std::move(items), paging, "-created"));
}

json FilterValues(const std::vector<std::pair<std::string, std::string>>& values) {
  json out = json::array();
  for (const auto& [value, name] : values) {
    out.push_back({{"value", value}, {"display_name", name}, {"display_image_url", nullptr}});
  }
  return out;
}

json Filter(const char* name, const char* display_name, const char* type, json values) {
  return {{"name", name},
          {"display_name", display_name},
          {"instructor_id", nullptr},
          {"type", type},
          {"user_specific", std::string(name) == "is_favorite_ride"},
          {"values", std::move(values)}};
}

void RideFilters(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  ClassFilter filter;
  if (req.has_param("browse_category")) {
    filter.discipline = BrowseCategoryDiscipline(req.get_param_value("browse_category"));
    if (!filter.discipline) return SendBadParam(res, "browse_category");
  }
  std::map<std::string, std::string> instructors, types;
  std::map<int, std::string> durations;
  for (const json* ride : ctx.library.Query(filter, {})) {
    const json* instructor = ctx.data->FindInstructor(Read(*ride, "instructor_id", ""));
    if (instructor) instructors[Read(*instructor, "id", "")] = Read(*instructor, "name", "");
    const int seconds = Read(*ride, "duration", 0);
    durations[seconds] = std::to_string(seconds / 60) + " min";
    types[Read(*ride, "ride_type_id", "")] = "";
  }
  for (const json& type : ctx.library.class_types()) {
    const std::string id = Read(type, "id", "");
    if (types.count(id)) types[id] = Read(type, "name", "");
  }
  std::vector<std::pair<std::string, std::string>> duration_values;
  for (const auto& [seconds, name] : durations) {
    duration_values.emplace_back(std::to_string(seconds), name);
  }
  const json filters = {
      Filter("instructor_id", "Instructor", "single_select",
             FilterValues({instructors.begin(), instructors.end()})),
      Filter("duration", "Duration", "multi_select", FilterValues(duration_values)),
      Filter("class_type_id", "Class Type", "multi_select",
             FilterValues({types.begin(), types.end()})),
      Filter("is_favorite_ride", "Bookmarked", "toggle", FilterValues({{"true", "Bookmarked"}}))};
  auto sort = [](const char* sort_by, bool desc, const char* name, const char* slug) {
    return json{
        {"value", {{"sort", sort_by}, {"desc", desc}}}, {"display_name", name}, {"slug", slug}};
  };
  SendJson(res, 200,
           {{"filters", filters},
            {"sorts",
             {sort("original_air_time", true, "New", "new"),
              sort("popularity", true, "Popular", "popular"),
              sort("trending", true, "Trending", "trending"),
              sort("top_rated", true, "Top Rated", "top_rated"),
              sort("difficulty", true, "Difficulty: Hardest", "difficulty_desc"),
              sort("difficulty", false, "Difficulty: Easiest", "difficulty_asc")}}});
}

void MetadataMappings(Context& ctx, const httplib::Request&, httplib::Response& res) {
  json equipment = json::array();
  for (const char* name : {"Bike", "Tread", "Row", "Mat", "Dumbbells", "Yoga Block"}) {
    std::string slug = Lower(name);
    std::replace(slug.begin(), slug.end(), ' ', '_');
    equipment.push_back({{"id", HexId(0xE9, HashText(slug))}, {"name", name}, {"slug", slug}});
  }
  SendJson(res, 200,
           {{"class_types", ctx.library.class_types()},
            {"fitness_disciplines", ctx.library.fitness_disciplines()},
            {"equipment", equipment},
            {"instructors", ctx.data->instructors}});
}

void BrowseCategories(Context&, const httplib::Request&, httplib::Response& res) {
  SendJson(res, 200, {{"browse_categories", BrowseCategoriesJson()}});
}

void SetFavorite(Context& ctx, const httplib::Request& req, httplib::Response& res, bool favorite) {
  const auto body = JsonBody(req, res);
  if (!body) return;
  const auto ride_id = RequiredString(*body, "ride_id", res);
  if (!ride_id) return;
  if (ctx.library.Find(*ride_id) == nullptr) return SendApiError(res, 404, 4040, "Ride not found");
  ctx.account.SetFavorite(*ride_id, favorite);
  SendEmpty(res);
}

void Favorite(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  SetFavorite(ctx, req, res, true);
}
void Unfavorite(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  SetFavorite(ctx, req, res, false);
}

void Instructors(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Paging paging;
  if (!ReadPaging(req, res, &paging)) return;
  json body = PagedList(ctx.data->instructors, paging, nullptr);
  paging.Clamp(ctx.data->instructors.size());
  body["next"] =
      paging.end < ctx.data->instructors.size() ? json{{"page", paging.page + 1}} : json(nullptr);
  SendJson(res, 200, body);
}

void Instructor(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const json* instructor = ctx.data->FindInstructor(req.matches[1]);
  if (instructor == nullptr) return SendApiError(res, 404, 4040, "Instructor not found");
  SendJson(res, 200, *instructor);
}

}  // namespace

void RegisterLibraryRoutes(httplib::Server& server, Context& ctx) {
  // Public, as documented: the instructors and the category list.
  server.Get("/api/instructor", Open(ctx, Instructors));
  server.Get(R"(/api/instructor/([^/]+))", Open(ctx, Instructor));
  server.Get("/api/browse_categories", Open(ctx, BrowseCategories));
  server.Get("/api/v2/ride/archived", Guarded(ctx, Archived));
  server.Get("/api/ride/metadata_mappings", Guarded(ctx, MetadataMappings));
  server.Get("/api/ride/filters", Guarded(ctx, RideFilters));
  server.Get(R"(/api/ride/([^/]+)/details)", Guarded(ctx, RideDetails));
  server.Get(R"(/api/ride/([^/]+)/recent_following_workouts)",
             Guarded(ctx, RecentFollowingWorkouts));
  server.Get(R"(/api/ride/([^/]+))", Guarded(ctx, Ride));
  server.Post("/api/favorites/create", Guarded(ctx, Favorite));
  server.Post("/api/favorites/delete", Guarded(ctx, Unfavorite));
}

}  // namespace pelo::sim
