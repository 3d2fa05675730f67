// What the typed Client methods share: the request they describe (RestRequest and its
// builders), the parse step (Client::Fetch), and page-numbered paging. Each method is then the
// catalogue row it sends and the parser of its answer.
#pragma once

#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "pelo/peloton/api/client.h"

namespace pelo::api::internal {

struct RestRequest {
  std::string method;
  std::string route;  // the path, ids url-encoded, without the query
  http::QueryParams query;
  std::string body;        // JSON, sent as application/json
  std::string accept;      // "" = application/json
  bool sensitive = false;  // the body or the answer holds a secret: never logged
};

RestRequest Get(std::string route, http::QueryParams query = {});
RestRequest Post(std::string route, std::string body = {});
RestRequest Put(std::string route, std::string body);
RestRequest Delete(std::string route);
RestRequest WithAccept(RestRequest request, std::string accept);
RestRequest Sensitive(RestRequest request);

// "GET /api/me": how errors name the request.
std::string Step(const RestRequest& request);
// "/api/user/abc/workouts?page=0": the route and its query.
std::string PathOf(const RestRequest& request);

// "/api/user/{id}" with `id` url-encoded; the other routes are built the same way in place.
std::string UserRoute(const std::string& user_id);

// A JSON object of string members, in order: {"action":"follow","user_id":"..."}.
std::string JsonObject(
    std::initializer_list<std::pair<std::string_view, std::string_view>> members);
// kInvalidArgument, naming `step`, unless `body` is a JSON object (checked before sending).
Status CheckJsonObject(std::string_view body, const std::string& step);

// Appends `key` when `value` is set; "" and nullopt are not sent, booleans as true/false.
void AddIfSet(http::QueryParams& query, std::string key, std::string value);
void AddIfSet(http::QueryParams& query, std::string key, std::optional<bool> value);
void AddIfSet(http::QueryParams& query, std::string key, std::optional<int64_t> value);

// The body as text, for answers that are not JSON (the CSV export, legacy samples).
StatusOr<std::string> Verbatim(std::string_view body);

// The list inside a page-numbered answer: the answer itself (model::Page<T>, WorkoutPage) or,
// for archived classes, its rides.
template <typename Envelope>
Envelope& Listing(Envelope& page) {
  return page;
}
inline model::Page<model::Ride>& Listing(model::ClassPage& page) { return page.rides; }

// A lazy range over a page-numbered list starting at page `first`. `fetch(n)` returns page n
// (StatusOr<Fetched<...>>); the cursor is the next page number in decimal. The list ends when
// a page says no other follows, or on an empty page, which stops a server that keeps saying
// show_next from being paged forever.
template <typename T, typename FetchPage>
Paged<T> PageNumbered(int first, FetchPage fetch) {
  return Paged<T>([first, fetch = std::move(fetch)](
                      const std::optional<std::string>& cursor) -> StatusOr<PageOf<T>> {
    int number = first;
    if (cursor) std::from_chars(cursor->data(), cursor->data() + cursor->size(), number);
    auto fetched = fetch(number);
    if (!fetched.ok()) return fetched.status();
    auto& listing = Listing(fetched->value);
    PageOf<T> page{std::move(listing.data), std::nullopt};
    if (listing.show_next && !page.items.empty()) page.next = std::to_string(number + 1);
    return page;
  });
}

}  // namespace pelo::api::internal

namespace pelo::api {

template <typename T>
StatusOr<Fetched<T>> Client::Fetch(const internal::RestRequest& request, Parser<T> parse) {
  PELO_ASSIGN_OR_RETURN(http::Response response, Exchange(request));
  StatusOr<T> value = parse(response.body);
  if (!value.ok()) return value.status().WithContext(internal::Step(request));
  return Fetched<T>{std::move(value).value(), std::move(response.body), internal::PathOf(request)};
}

}  // namespace pelo::api
