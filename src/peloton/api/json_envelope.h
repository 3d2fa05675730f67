// Top-level response shapes shared by the parsers: a single object, a list wrapped in an object
// (or sent bare), and Peloton's ResultList page envelope (API notes §4.1).
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "pelo/model/page.h"
#include "peloton/api/json_fields.h"

namespace pelo::api::json {

// A body holding a list: the top-level object (when it is one) and its items.
struct ListBody {
  std::optional<Object> object;  // unset when the body is a bare array
  std::optional<Array> items;    // unset when the object has no such array
};

// The array member `key` of a top-level object, or a top-level array itself (a shape the API
// notes do not promise, so both are read). kApi for anything else or non-JSON.
StatusOr<ListBody> ParseListBody(std::string_view body, std::string_view key);

// The paging fields of a ResultList (WorkoutPage and model::Page<T> name them alike). An
// absent `show_next` is derived from page + 1 < page_count, so paging can rely on it.
template <typename Page>
void ReadPaging(const Object& object, Page& page) {
  page.total = Int(object, "total").value_or(0);
  page.count = Int(object, "count").value_or(0);
  page.page = Int(object, "page").value_or(0);
  page.limit = Int(object, "limit").value_or(0);
  page.page_count = Int(object, "page_count").value_or(0);
  page.show_next = OptionalBool(object, "show_next").value_or(page.page + 1 < page.page_count);
}

// The items of `list` mapped with `read`.
template <typename Read>
auto ReadItems(const ListBody& list, Read&& read) {
  std::vector<decltype(read(std::declval<const Object&>()))> items;
  if (list.items)
    ForEachObject(*list.items, [&](const Object& item) { items.push_back(read(item)); });
  return items;
}

// A ResultList page of `data` items; a bare array is one page of just those items.
template <typename Read>
auto ReadPage(const ListBody& list, Read&& read) {
  model::Page<decltype(read(std::declval<const Object&>()))> page;
  page.data = ReadItems(list, read);
  if (list.object) {
    ReadPaging(*list.object, page);
  } else {
    page.count = static_cast<int64_t>(page.data.size());
  }
  return page;
}

// The body as one object mapped with `read`.
template <typename T>
StatusOr<T> ParseOne(std::string_view body, T (*read)(const Object&)) {
  PELO_ASSIGN_OR_RETURN(Object object, ParseObject(body));
  return read(object);
}

// The objects of list member `key` (or of a bare array) mapped with `read`.
template <typename T>
StatusOr<std::vector<T>> ParseList(std::string_view body, std::string_view key,
                                   T (*read)(const Object&)) {
  PELO_ASSIGN_OR_RETURN(ListBody list, ParseListBody(body, key));
  return ReadItems(list, read);
}

// A ResultList page of `read` items.
template <typename T>
StatusOr<model::Page<T>> ParsePage(std::string_view body, T (*read)(const Object&)) {
  PELO_ASSIGN_OR_RETURN(ListBody list, ParseListBody(body, "data"));
  return ReadPage(list, read);
}

}  // namespace pelo::api::json
