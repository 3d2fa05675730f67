// Tolerant field readers over simdjson DOM elements, shared by the parse_*.cc files.
// Missing, null or wrongly typed fields read as empty; they never fail a parse.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/common/status.h"

namespace pelo::api::json {

using Element = simdjson::dom::element;
using Object = simdjson::dom::object;

using Array = simdjson::dom::array;

// Parses `body` (BOM stripped) with this thread's parser and returns its top-level value, valid
// until the next ParseRoot/ParseObject call on this thread. kApi when not JSON.
StatusOr<Element> ParseRoot(std::string_view body);
// ParseRoot, and kApi unless the value is an object.
StatusOr<Object> ParseObject(std::string_view body);

// The member `key` of `object` as an object / array, or nullopt when absent or another type.
std::optional<Object> ObjectField(const Object& object, std::string_view key);
std::optional<Array> ArrayField(const Object& object, std::string_view key);

// Calls `fn(object)` for every object element of `array` (other elements are skipped).
template <typename Fn>
void ForEachObject(const Array& array, Fn&& fn) {
  for (Element item : array) {
    Object object;
    if (item.get_object().get(object) == simdjson::SUCCESS) fn(object);
  }
}
// The same for the array member `key` of `parent` (nothing when absent or not an array).
template <typename Fn>
void ForEachObject(const Object& parent, std::string_view key, Fn&& fn) {
  if (std::optional<Array> array = ArrayField(parent, key)) ForEachObject(*array, fn);
}
// `read(object)` of every object element of array member `key`.
template <typename Read>
auto MapObjects(const Object& parent, std::string_view key, Read&& read) {
  std::vector<decltype(read(parent))> result;
  ForEachObject(parent, key, [&](const Object& item) { result.push_back(read(item)); });
  return result;
}

// A number (int, uint, double or a numeric string) as double; nullopt otherwise.
std::optional<double> AsDouble(const Element& value);
// A number as int64 (doubles truncated toward zero); nullopt when absent or out of range.
std::optional<int64_t> AsInt(const Element& value);

std::optional<double> Double(const Object& object, std::string_view key);
std::optional<int64_t> Int(const Object& object, std::string_view key);
// The string member `key`, or "" when absent, null or not a string.
std::string String(const Object& object, std::string_view key);
// A string, or the text of a number (some display values arrive either way); "" otherwise.
std::string Text(const Object& object, std::string_view key);
// true only for a JSON `true`.
bool Bool(const Object& object, std::string_view key);
// A JSON boolean; nullopt when absent, null or another type (where "unknown" differs from false).
std::optional<bool> OptionalBool(const Object& object, std::string_view key);
// The string elements of array member `key` (others skipped).
std::vector<std::string> StringArray(const Object& object, std::string_view key);
// The numeric elements of array member `key` as int64 (others skipped).
std::vector<int64_t> IntArray(const Object& object, std::string_view key);

// `object` as compact JSON text (the `json` members of the models).
std::string Minified(const Object& object);

// The byte offset of the first fault in `text` that makes simdjson refuse it, and what is wrong
// there; for messages only (simdjson does not report where it failed). nullopt when none is
// found (json_syntax.cc covers every refusal known).
struct SyntaxError {
  size_t offset = 0;
  std::string what;
};
std::optional<SyntaxError> LocateSyntaxError(std::string_view text);

}  // namespace pelo::api::json
