#include "key_values.h"

#include <unistr.h>

namespace pelo::cli {
namespace {

bool IsUtf8(const std::string& text) {
  return u8_check(reinterpret_cast<const uint8_t*>(text.data()), text.size()) == nullptr;
}

}  // namespace

StatusOr<nlohmann::json> ParseKeyValues(const std::vector<std::string>& pairs,
                                        std::string_view what) {
  nlohmann::json object = nlohmann::json::object();
  for (const std::string& pair : pairs) {
    const auto eq = pair.find('=');
    const std::string key = eq == std::string::npos ? "" : pair.substr(0, eq);
    if (key.empty() || key.front() == '.' || key.back() == '.' ||
        key.find("..") != std::string::npos) {
      return Status(ErrorCode::kInvalidArgument,
                    std::string(what) + ": wants KEY=VALUE, got '" + pair + "'");
    }
    const std::string text = pair.substr(eq + 1);
    // JSON text is UTF-8: bytes that are not would be sent mangled, or not at all.
    if (!IsUtf8(key) || !IsUtf8(text)) {
      return Status(ErrorCode::kInvalidArgument,
                    std::string(what) + ": '" + key + "' is not valid UTF-8 text");
    }
    nlohmann::json value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) value = text;

    nlohmann::json* at = &object;
    size_t start = 0;
    while (true) {
      const size_t dot = key.find('.', start);
      const std::string part = key.substr(start, dot == std::string::npos ? dot : dot - start);
      if (dot == std::string::npos) {
        if (at->contains(part)) {
          return Status(ErrorCode::kInvalidArgument,
                        std::string(what) + ": '" + key + "' is given twice");
        }
        (*at)[part] = std::move(value);
        break;
      }
      nlohmann::json& next = (*at)[part];
      if (next.is_null()) next = nlohmann::json::object();
      if (!next.is_object()) {
        return Status(ErrorCode::kInvalidArgument, std::string(what) + ": '" + key +
                                                       "' clashes with '" + key.substr(0, dot) +
                                                       "' given a value");
      }
      at = &next;
      start = dot + 1;
    }
  }
  return object;
}

}  // namespace pelo::cli
