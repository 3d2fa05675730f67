#include "peloton/api/json_fields.h"

#include <charconv>
#include <cmath>

#include "pelo/peloton/api/parse.h"

namespace pelo::api::json {
namespace {

std::optional<Element> Field(const Object& object, std::string_view key) {
  Element value;
  if (object.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) return std::nullopt;
  return value;
}

// Some Peloton fields occasionally arrive as numeric strings ("243"); anything else is not a
// number.
std::optional<double> NumericString(std::string_view text) {
  double parsed = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, parsed);
  if (ec != std::errc() || ptr != end || text.empty() || !std::isfinite(parsed)) {
    return std::nullopt;
  }
  return parsed;
}

}  // namespace

StatusOr<Element> ParseRoot(std::string_view body) {
  // One parser per thread: a dom::parser owns the parsed document and is not thread-safe.
  thread_local simdjson::dom::parser parser;
  std::string_view text = StripBom(body);
  Element root;
  // simdjson copies the body with memcpy, for which a null pointer is undefined even at size 0:
  // a default std::string_view (an absent body) has one.
  const char* data = text.empty() ? "" : text.data();
  if (const simdjson::error_code code = parser.parse(data, text.size()).get(root)) {
    const std::optional<SyntaxError> error = LocateSyntaxError(text);
    if (!error) {
      return Status(ErrorCode::kApi, std::string("invalid JSON: ") + simdjson::error_message(code));
    }
    return Status(ErrorCode::kApi,
                  "invalid JSON at byte " + std::to_string(error->offset) + ": " + error->what);
  }
  return root;
}

StatusOr<Object> ParseObject(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(Element root, ParseRoot(body));
  Object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return Status(ErrorCode::kApi, "expected a JSON object");
  }
  return object;
}

std::optional<Object> ObjectField(const Object& object, std::string_view key) {
  std::optional<Element> value = Field(object, key);
  Object result;
  if (!value || value->get_object().get(result) != simdjson::SUCCESS) return std::nullopt;
  return result;
}

std::optional<Array> ArrayField(const Object& object, std::string_view key) {
  std::optional<Element> value = Field(object, key);
  Array result;
  if (!value || value->get_array().get(result) != simdjson::SUCCESS) return std::nullopt;
  return result;
}

std::optional<double> AsDouble(const Element& value) {
  double number = 0;
  // get_double() also converts int64 and uint64 elements.
  if (value.get_double().get(number) == simdjson::SUCCESS) return number;
  std::string_view text;
  if (value.get_string().get(text) == simdjson::SUCCESS) return NumericString(text);
  return std::nullopt;
}

std::optional<int64_t> AsInt(const Element& value) {
  int64_t exact = 0;
  if (value.get_int64().get(exact) == simdjson::SUCCESS) return exact;
  std::optional<double> number = AsDouble(value);
  // 2^63 bounds: anything outside does not fit an int64 and is treated as absent.
  constexpr double kLimit = 9223372036854775808.0;
  if (!number || !(*number > -kLimit && *number < kLimit)) return std::nullopt;
  return static_cast<int64_t>(std::trunc(*number));
}

std::optional<double> Double(const Object& object, std::string_view key) {
  std::optional<Element> value = Field(object, key);
  return value ? AsDouble(*value) : std::nullopt;
}

std::optional<int64_t> Int(const Object& object, std::string_view key) {
  std::optional<Element> value = Field(object, key);
  return value ? AsInt(*value) : std::nullopt;
}

std::string String(const Object& object, std::string_view key) {
  std::optional<Element> value = Field(object, key);
  std::string_view text;
  if (!value || value->get_string().get(text) != simdjson::SUCCESS) return {};
  return std::string(text);
}

std::string Text(const Object& object, std::string_view key) {
  std::optional<Element> value = Field(object, key);
  if (!value) return {};
  if (value->is_number()) return simdjson::minify(*value);
  std::string_view text;
  if (value->get_string().get(text) != simdjson::SUCCESS) return {};
  return std::string(text);
}

bool Bool(const Object& object, std::string_view key) {
  return OptionalBool(object, key).value_or(false);
}

std::optional<bool> OptionalBool(const Object& object, std::string_view key) {
  std::optional<Element> value = Field(object, key);
  bool flag = false;
  if (!value || value->get_bool().get(flag) != simdjson::SUCCESS) return std::nullopt;
  return flag;
}

std::vector<std::string> StringArray(const Object& object, std::string_view key) {
  std::vector<std::string> result;
  std::optional<Array> array = ArrayField(object, key);
  if (!array) return result;
  for (Element item : *array) {
    std::string_view text;
    if (item.get_string().get(text) == simdjson::SUCCESS) result.emplace_back(text);
  }
  return result;
}

std::vector<int64_t> IntArray(const Object& object, std::string_view key) {
  std::vector<int64_t> result;
  std::optional<Array> array = ArrayField(object, key);
  if (!array) return result;
  for (Element item : *array) {
    if (std::optional<int64_t> number = AsInt(item)) result.push_back(*number);
  }
  return result;
}

std::string Minified(const Object& object) { return simdjson::minify(object); }

}  // namespace pelo::api::json
