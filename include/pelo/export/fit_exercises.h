// Peloton strength movements as FIT exercises (set.category and set.category_subtype): the
// profile's exercise_category and, within it, the category's own <category>_exercise_name list.
// Movement names are written by Peloton's instructors' teams, not chosen from a list, so they are
// matched loosely: case, spaces, hyphens and a plural "s" do not matter.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pelo::exporter {

struct FitExercise {
  uint16_t category = 0;
  uint16_t subtype = 0xFFFF;  // 0xFFFF: the category is known, the exercise within it is not

  bool operator==(const FitExercise&) const = default;
};

// The FIT exercise of a Peloton movement ("Wide Grip Overhead Press", "push-up"); nullopt for a
// movement pelo has no mapping for (its set is still written, as category unknown) and for a
// rest.
std::optional<FitExercise> FitExerciseFor(std::string_view movement_name);

// Whether Peloton's movement is a rest between movements ("Rest", as the class plan names it).
bool IsRestMovement(std::string_view movement_name);

}  // namespace pelo::exporter
