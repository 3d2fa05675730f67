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

// Parses `body` (BOM stripped) with this thread's parser and returns its top-level object, valid
// until the next ParseObject call on this thread. kApi when not JSON or not an object.
StatusOr<Object> ParseObject(std::string_view body);

// The member `key` of `object` as an object / array, or nullopt when absent or another type.
std::optional<Object> ObjectField(const Object& object, std::string_view key);
std::optional<simdjson::dom::array> ArrayField(const Object& object, std::string_view key);

// A number (int, uint, double or a numeric string) as double; nullopt otherwise.
std::optional<double> AsDouble(const Element& value);
// A number as int64 (doubles truncated toward zero); nullopt when absent or out of range.
std::optional<int64_t> AsInt(const Element& value);

std::optional<double> Double(const Object& object, std::string_view key);
std::optional<int64_t> Int(const Object& object, std::string_view key);
// The string member `key`, or "" when absent, null or not a string.
std::string String(const Object& object, std::string_view key);
// true only for a JSON `true`.
bool Bool(const Object& object, std::string_view key);
// The string elements of array member `key` (others skipped).
std::vector<std::string> StringArray(const Object& object, std::string_view key);

// The byte offset of the first JSON syntax error in `text`, and what is wrong there; for
// messages only (simdjson does not report where it failed).
struct SyntaxError {
  size_t offset = 0;
  std::string what;
};
SyntaxError LocateSyntaxError(std::string_view text);

}  // namespace pelo::api::json
