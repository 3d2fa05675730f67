// Typed reads of JSON members that never throw. Recorded workouts (--workouts-from) carry
// nulls where the synthetic ones have values, and nlohmann's value() throws on those.
#pragma once

#include <string>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace pelo::sim {

// object[key] when `object` is an object whose `key` has T's type, else `fallback`.
template <typename T>
T Read(const nlohmann::json& object, const char* key, T fallback) {
  if (!object.is_object()) return fallback;
  const auto it = object.find(key);
  if (it == object.end()) return fallback;
  if constexpr (std::is_same_v<T, bool>) {
    return it->is_boolean() ? it->get<bool>() : fallback;
  } else if constexpr (std::is_arithmetic_v<T>) {
    return it->is_number() ? it->get<T>() : fallback;
  } else {
    return it->is_string() ? it->get<T>() : fallback;
  }
}

inline std::string Read(const nlohmann::json& object, const char* key, const char* fallback) {
  return Read<std::string>(object, key, fallback);
}

}  // namespace pelo::sim
