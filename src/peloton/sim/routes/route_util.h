// What the route files share: authorization, query-parameter parsing, paging and the
// JSON body of mutating requests.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "peloton/sim/state/context.h"
#include "peloton/sim/state/people.h"

namespace pelo::sim {

// The signature every route handler has.
using Route = void (*)(Context&, const httplib::Request&, httplib::Response&);

// True for a valid bearer token of the user, or (with --legacy-auth) a live session cookie.
bool Authorized(const Context& ctx, const httplib::Request& req);

// `route` as an httplib handler, open to anyone.
httplib::Server::Handler Open(Context& ctx, Route route);
// `route` as an httplib handler that answers 401 "Not logged in" without valid credentials.
httplib::Server::Handler Guarded(Context& ctx, Route route);

// Reads integer query parameter `name` (default when absent); false when malformed.
bool IntParam(const httplib::Request& req, const char* name, int fallback, int* out);
// Reads "true"/"false" query parameter `name`; false when malformed.
bool BoolParam(const httplib::Request& req, const char* name, std::optional<bool>* out);
// Reads an epoch-seconds query parameter; false when malformed.
bool EpochParam(const httplib::Request& req, const char* name, std::optional<int64_t>* out);
// "a,b,,c" -> {"a", "b", "c"}.
std::vector<std::string> SplitCommas(const std::string& text);
// True when the `joins` query parameter (comma-separated relation paths, §4.3) names `relation`.
bool Joined(const httplib::Request& req, const std::string& relation);
// Answers 400 naming the malformed query parameter.
void SendBadParam(httplib::Response& res, const std::string& name);

struct Paging {
  int page = 0;
  int limit = 20;
  size_t begin = 0;  // first item of the page, clamped to the list
  size_t end = 0;    // one past the last, clamped

  // Sets begin/end for a list of `total` items.
  void Clamp(size_t total);
};

// Reads page (0-based) and limit (1..100, default `default_limit`); false (400 sent) when bad.
bool ReadPaging(const httplib::Request& req, httplib::Response& res, Paging* paging,
                int default_limit = 20);

// Page/limit envelope fields shared by every paged list (ResultList without data/sort_by).
nlohmann::json PageEnvelope(const Paging& paging, size_t total);

// A ResultList of `items` cut to the page: data, envelope and `sort_by`.
nlohmann::json PagedList(std::vector<nlohmann::json> items, Paging paging,
                         const nlohmann::json& sort_by);

// The request's JSON object body; nullopt (400 sent) when it is not one.
std::optional<nlohmann::json> JsonBody(const httplib::Request& req, httplib::Response& res);
// fields[key] as a non-empty string; nullopt (400 naming the field sent) otherwise.
std::optional<std::string> RequiredString(const nlohmann::json& fields, const char* key,
                                          httplib::Response& res);

// The person named by path group `group` (id or username); nullopt (404 sent) when unknown.
std::optional<Person> PathPerson(const Context& ctx, const httplib::Request& req,
                                 httplib::Response& res, size_t group = 1);
// True when path group 1 names the signed-in user; else 404 (unknown) or 403 (another member:
// the simulator keeps their history, settings and billing private) has been sent.
bool PathIsUser(const Context& ctx, const httplib::Request& req, httplib::Response& res);

// 200 with an empty body: what the API answers for a successful favorite, join or delete.
void SendEmpty(httplib::Response& res);

}  // namespace pelo::sim
