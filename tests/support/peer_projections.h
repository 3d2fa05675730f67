// The peer projections of ../shared/fixtures/peer-projections (peloton-to-garmin's PascalCase
// serialisation of real workouts) read back as the API's own shapes, for the tests that feed
// them to pelo's parsers or to the simulator.
#pragma once

#include <cctype>
#include <nlohmann/json.hpp>
#include <string>

namespace pelo::testing {

// `value` with every object key in lower case: the API's snake_case names back from P2G's
// capitalisation ("Movement_Tracker_Data" -> "movement_tracker_data"; the fixtures' README).
inline nlohmann::json ApiKeys(const nlohmann::json& value) {
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const nlohmann::json& item : value) out.push_back(ApiKeys(item));
    return out;
  }
  if (!value.is_object()) return value;
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, item] : value.items()) {
    std::string lower = key;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out[lower] = ApiKeys(item);
  }
  return out;
}

}  // namespace pelo::testing
