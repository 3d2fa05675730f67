// Real responses from ../shared/fixtures for the benchmarks.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "pelo/peloton/api/parse.h"

namespace pelo::bench {

inline std::string ReadShared(const std::string& relative) {
  std::ifstream in(std::string(PELO_SHARED_DIR) + "/" + relative, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + relative);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The 1800-second cycling performance graph (every_n=1), as the API sends it.
inline const std::string& CyclingGraphJson() {
  static const std::string json = ReadShared(
      "fixtures/peloton/peloton-to-garmin/tests/data/peloton_workoutsamples_cycling.json");
  return json;
}

inline const std::string& CyclingWorkoutJson() {
  static const std::string json =
      ReadShared("fixtures/peloton/peloton-to-garmin/tests/data/peloton_workout_cycling.json");
  return json;
}

}  // namespace pelo::bench
