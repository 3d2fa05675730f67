// The simulator's fictional instructors.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pelo::sim {

// The id of the `index`-th instructor (stable for every seed).
std::string InstructorId(size_t index);

// All instructor objects, in list order.
std::vector<nlohmann::json> BuildInstructors();

// Positions of the instructors who teach `discipline` (never empty for the sim's disciplines).
std::vector<size_t> InstructorsFor(const std::string& discipline);

}  // namespace pelo::sim
