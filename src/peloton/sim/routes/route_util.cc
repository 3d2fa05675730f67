#include "peloton/sim/routes/route_util.h"

#include <algorithm>

#include "pelo/common/strings.h"
#include "peloton/sim/faults/fault_injector.h"
#include "peloton/sim/routes/http_util.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

constexpr int kMaxLimit = 100;

bool AllDigits(const std::string& text, size_t max_length) {
  return !text.empty() && text.size() <= max_length &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// True when the request carries a valid bearer token of the user.
bool HasBearer(const Context& ctx, const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0) {
    return false;
  }
  const auto sub = ctx.tokens.Verify(header.substr(kBearer.size()));
  return sub && *sub == ctx.data->user_id;
}

}  // namespace

bool Authorized(const Context& ctx, const httplib::Request& req) {
  if (HasBearer(ctx, req)) return true;
  return ctx.options.legacy_auth && ctx.auth.HasSession(CookieValue(req, "peloton_session_id"));
}

httplib::Server::Handler Open(Context& ctx, Route route) {
  return [&ctx, route](const httplib::Request& req, httplib::Response& res) {
    route(ctx, req, res);
    CutIfTruncating(res);  // here, before httplib compresses the body
  };
}

httplib::Server::Handler Guarded(Context& ctx, Route route) {
  return [&ctx, route](const httplib::Request& req, httplib::Response& res) {
    if (Authorized(ctx, req)) {
      route(ctx, req, res);
    } else {
      SendApiError(res, 401, 3020, "Not logged in");
    }
    CutIfTruncating(res);  // here, before httplib compresses the body
  };
}

bool IntParam(const httplib::Request& req, const char* name, int fallback, int* out) {
  *out = fallback;
  if (!req.has_param(name)) return true;
  const std::string text = req.get_param_value(name);
  if (!AllDigits(text, 9)) return false;
  *out = std::stoi(text);
  return true;
}

bool BoolParam(const httplib::Request& req, const char* name, std::optional<bool>* out) {
  out->reset();
  if (!req.has_param(name)) return true;
  const std::string text = req.get_param_value(name);
  if (text != "true" && text != "false") return false;
  *out = text == "true";
  return true;
}

bool EpochParam(const httplib::Request& req, const char* name, std::optional<int64_t>* out) {
  out->reset();
  if (!req.has_param(name)) return true;
  const std::string text = req.get_param_value(name);
  if (!AllDigits(text, 12)) return false;
  *out = std::stoll(text);
  return true;
}

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    if (comma > start) parts.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return parts;
}

bool Joined(const httplib::Request& req, const std::string& relation) {
  const std::vector<std::string> joins = SplitCommas(req.get_param_value("joins"));
  return std::any_of(joins.begin(), joins.end(),
                     [&](const std::string& join) { return Trim(join) == relation; });
}

void SendBadParam(httplib::Response& res, const std::string& name) {
  SendApiError(res, 400, 400, "Invalid value for parameter '" + name + "'");
}

void Paging::Clamp(size_t total) {
  begin = std::min(total, static_cast<size_t>(page) * static_cast<size_t>(limit));
  end = std::min(total, begin + static_cast<size_t>(limit));
}

bool ReadPaging(const httplib::Request& req, httplib::Response& res, Paging* paging,
                int default_limit) {
  if (!IntParam(req, "page", 0, &paging->page)) {
    SendBadParam(res, "page");
    return false;
  }
  if (!IntParam(req, "limit", default_limit, &paging->limit) || paging->limit < 1) {
    SendBadParam(res, "limit");
    return false;
  }
  paging->limit = std::min(paging->limit, kMaxLimit);
  return true;
}

json PageEnvelope(const Paging& p, size_t total) {
  const auto limit = static_cast<size_t>(p.limit);
  return {{"limit", p.limit},
          {"page", p.page},
          {"total", total},
          {"count", p.end - p.begin},
          {"page_count", (total + limit - 1) / limit},
          {"show_previous", p.page > 0},
          {"show_next", static_cast<size_t>(p.page + 1) * limit < total}};
}

json PagedList(std::vector<json> items, Paging paging, const json& sort_by) {
  paging.Clamp(items.size());
  json body = {
      {"data", json(std::vector<json>(
                   std::make_move_iterator(items.begin() + static_cast<long>(paging.begin)),
                   std::make_move_iterator(items.begin() + static_cast<long>(paging.end))))}};
  body.update(PageEnvelope(paging, items.size()));
  body["sort_by"] = sort_by;
  return body;
}

std::optional<json> JsonBody(const httplib::Request& req, httplib::Response& res) {
  json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    SendApiError(res, 400, 400, "The request body must be a JSON object");
    return std::nullopt;
  }
  return body;
}

std::optional<std::string> RequiredString(const json& fields, const char* key,
                                          httplib::Response& res) {
  std::string value = StringField(fields, key);
  if (value.empty()) {
    SendApiError(res, 400, 400, std::string("Missing or invalid field '") + key + "'");
    return std::nullopt;
  }
  return value;
}

std::optional<Person> PathPerson(const Context& ctx, const httplib::Request& req,
                                 httplib::Response& res, size_t group) {
  auto person = FindPerson(ctx, req.matches[group]);
  if (!person) SendApiError(res, 404, 4040, "User not found");
  return person;
}

bool PathIsUser(const Context& ctx, const httplib::Request& req, httplib::Response& res) {
  const auto person = PathPerson(ctx, req, res);
  if (!person) return false;
  if (!person->is_user()) {
    SendApiError(res, 403, 3030, "Access to another member's account data is forbidden");
    return false;
  }
  return true;
}

void SendEmpty(httplib::Response& res) {
  res.status = 200;
  res.set_content("", "application/json");
}

}  // namespace pelo::sim
