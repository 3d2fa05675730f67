// People: /api/me, profiles by id or username, search, followers and following, follow and
// unfollow, settings and profile edits, referrals and the profile-image upload URL.
#include <algorithm>
#include <cctype>

#include "pelo/common/strings.h"
#include "peloton/sim/routes/http_util.h"
#include "peloton/sim/routes/route_util.h"
#include "peloton/sim/routes/routes.h"
#include "peloton/sim/world/prng.h"
#include "peloton/sim/world/time_zones.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

constexpr int kSearchLimit = 40;

// A ResultList of the profiles of `people` (only the page's are built).
void SendPeople(const Context& ctx, const std::vector<Person>& people, Paging paging,
                httplib::Response& res) {
  paging.Clamp(people.size());
  json data = json::array();
  for (size_t i = paging.begin; i < paging.end; ++i) data.push_back(ProfileJson(ctx, people[i]));
  json body = {{"data", data}};
  body.update(PageEnvelope(paging, people.size()));
  body["sort_by"] = nullptr;
  SendJson(res, 200, body);
}

void Me(Context& ctx, const httplib::Request&, httplib::Response& res) {
  SendJson(res, 200, CurrentMe(ctx));
}

void User(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const auto person = PathPerson(ctx, req, res);
  if (person) SendJson(res, 200, UserJson(ctx, *person));
}

void Search(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Paging paging;
  if (!ReadPaging(req, res, &paging, kSearchLimit)) return;
  const std::string query = Lower(req.get_param_value("user_query"));
  if (query.empty()) return SendBadParam(res, "user_query");
  std::vector<Person> found;
  if (Lower(CurrentMe(ctx).value("username", "")).find(query) != std::string::npos) {
    found.push_back(Person{});
  }
  for (const Member& m : ctx.members.all()) {
    if (Lower(m.username).find(query) != std::string::npos) found.push_back(Person{&m});
  }
  SendPeople(ctx, found, paging, res);
}

void Followers(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Paging paging;
  if (!ReadPaging(req, res, &paging)) return;
  if (const auto person = PathPerson(ctx, req, res)) {
    SendPeople(ctx, FollowersOf(ctx, *person), paging, res);
  }
}

void Following(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Paging paging;
  if (!ReadPaging(req, res, &paging)) return;
  if (const auto person = PathPerson(ctx, req, res)) {
    SendPeople(ctx, FollowingOf(ctx, *person), paging, res);
  }
}

void FacebookFriends(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  Paging paging;
  if (!ReadPaging(req, res, &paging) || !PathIsUser(ctx, req, res)) return;
  std::vector<Person> friends;
  for (const Member& m : ctx.members.all()) {
    if (m.facebook_friend) friends.push_back(Person{&m});
  }
  SendPeople(ctx, friends, paging, res);
}

void ChangeRelationship(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const auto body = JsonBody(req, res);
  if (!body) return;
  const std::string action = StringField(*body, "action");
  if (action != "follow" && action != "unfollow") {
    return SendApiError(res, 400, 400, "Field 'action' must be \"follow\" or \"unfollow\"");
  }
  const auto user_id = RequiredString(*body, "user_id", res);
  if (!user_id) return;
  const auto person = FindPerson(ctx, *user_id);
  if (!person) return SendApiError(res, 404, 4040, "User not found");
  if (person->is_user()) return SendApiError(res, 400, 400, "You cannot follow yourself");
  ctx.account.SetFollowing(person->member->id, action == "follow");
  SendJson(res, 200, RelationshipJson(ctx, *person->member));
}

void Settings(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (PathIsUser(ctx, req, res)) SendJson(res, 200, ctx.account.Settings());
}

// The field of a settings patch that is not acceptable, or "".
std::string BadSetting(const json& patch) {
  for (const auto& [key, value] : patch.items()) {
    // null would delete the key in a merge patch; the settings object keeps its shape.
    if (value.is_null()) return key;
  }
  for (const char* key : {"distance_unit", "weight_unit", "height_unit"}) {
    if (patch.contains(key) && patch[key] != "imperial" && patch[key] != "metric") return key;
  }
  if (patch.contains("timezone") &&
      (!patch["timezone"].is_string() || !ToLocalTime(patch["timezone"].get<std::string>(), 0))) {
    return "timezone";
  }
  return "";
}

void UpdateSettings(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!PathIsUser(ctx, req, res)) return;
  const auto patch = JsonBody(req, res);
  if (!patch) return;
  const std::string bad = BadSetting(*patch);
  if (!bad.empty()) return SendApiError(res, 400, 400, "Invalid value for field '" + bad + "'");
  SendJson(res, 200, ctx.account.MergeSettings(*patch));
}

// Why a profile edit cannot be applied ("" when it can).
std::string BadProfileEdit(const Context& ctx, const json& fields) {
  static const std::set<std::string> kText = {"username", "first_name", "last_name",   "location",
                                              "email",    "gender",     "phone_number"};
  static const std::set<std::string> kNumbers = {"birthday", "height", "weight"};
  for (const auto& [key, value] : fields.items()) {
    if (key == "height_unit" || key == "weight_unit") {
      if (value != "imperial" && value != "metric") return "Invalid value for field '" + key + "'";
    } else if (kText.count(key)) {
      if (!value.is_string()) return "Field '" + key + "' must be a string";
    } else if (kNumbers.count(key)) {
      if (!value.is_number()) return "Field '" + key + "' must be a number";
    } else {
      return "Field '" + key + "' cannot be changed";
    }
  }
  if (fields.contains("username")) {
    const std::string username = fields["username"];
    const bool valid = !username.empty() && username.size() <= 30 &&
                       std::all_of(username.begin(), username.end(), [](unsigned char c) {
                         return std::isalnum(c) || c == '_' || c == '.' || c == '-';
                       });
    if (!valid) return "Invalid value for field 'username'";
    if (ctx.members.Find(username) != nullptr) return "That username is taken";
  }
  return "";
}

void UpdateUser(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!PathIsUser(ctx, req, res)) return;
  auto fields = JsonBody(req, res);
  if (!fields) return;
  const std::string bad = BadProfileEdit(ctx, *fields);
  if (!bad.empty()) return SendApiError(res, 400, 400, bad);
  // The units live in the settings (GET /api/user/{id}/settings shows them).
  json units = json::object();
  for (const char* key : {"height_unit", "weight_unit"}) {
    if (fields->contains(key)) units[key] = (*fields)[key];
    fields->erase(key);
  }
  ctx.account.MergeSettings(units);
  ctx.account.EditProfile(*fields);
  SendJson(res, 200, UserJson(ctx, Person{}));
}

void ReferralHistory(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!PathIsUser(ctx, req, res)) return;
  const json& me = ctx.data->me;
  SendJson(res, 200,
           {{"coupon_code", me.value("referral_code", "")},
            {"referrals_made", me.value("referrals_made", 0)},
            {"referrals", json::array()}});
}

void ImageUploadUrl(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!PathIsUser(ctx, req, res)) return;
  const std::string image = HexId(Mix(ctx.options.seed, 0x1A6E), 1);
  SendJson(res, 200,
           {{"upload_url", "https://peloton-profile-images.s3.amazonaws.com/uploads/" +
                               ctx.data->user_id + "/" + image + "?X-Amz-Expires=3600"},
            {"new_image_url", "https://s3.amazonaws.com/peloton-profile-images/" + image}});
}

}  // namespace

void RegisterUserRoutes(httplib::Server& server, Context& ctx) {
  server.Get("/api/me", Guarded(ctx, Me));
  server.Get("/api/user/search", Guarded(ctx, Search));
  server.Post("/api/user/change_relationship", Guarded(ctx, ChangeRelationship));
  server.Get(R"(/api/user/([^/]+))", Guarded(ctx, User));
  server.Put(R"(/api/user/([^/]+))", Guarded(ctx, UpdateUser));
  server.Get(R"(/api/user/([^/]+)/followers)", Guarded(ctx, Followers));
  server.Get(R"(/api/user/([^/]+)/following)", Guarded(ctx, Following));
  server.Get(R"(/api/user/([^/]+)/facebook_friends)", Guarded(ctx, FacebookFriends));
  server.Get(R"(/api/user/([^/]+)/settings)", Guarded(ctx, Settings));
  server.Put(R"(/api/user/([^/]+)/settings)", Guarded(ctx, UpdateSettings));
  server.Get(R"(/api/user/([^/]+)/referral_history)", Guarded(ctx, ReferralHistory));
  server.Get(R"(/api/user/([^/]+)/image_upload_url)", Guarded(ctx, ImageUploadUrl));
}

}  // namespace pelo::sim
