// The name of a fitness discipline as a person types it and as Peloton's API sends it: the same
// word but for the rower, which the API calls "caesar" (`fitness_discipline`, peloton-api.md).
#pragma once

#include <string_view>

namespace pelo::model {

// Peloton's `fitness_discipline` for a discipline a person named: "rowing" is "caesar", any
// other name is itself.
constexpr std::string_view ApiDiscipline(std::string_view discipline) {
  return discipline == "rowing" ? std::string_view("caesar") : discipline;
}

// The name a person knows a `fitness_discipline` by: "caesar" is "rowing".
constexpr std::string_view PersonDiscipline(std::string_view api_discipline) {
  return api_discipline == "caesar" ? std::string_view("rowing") : api_discipline;
}

}  // namespace pelo::model
