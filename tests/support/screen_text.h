// Reading what a command printed as a person sees it: its lines, and the terminal column where
// a marker starts (Unicode display widths, whatever the locale). Header-only: the CLI tests and
// the renderer's unit tests both use it.
#pragma once

#include <uniwidth.h>

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace pelo::testing {

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The terminal column where `marker` starts in `line`, or -1 when it is not there.
inline int ColumnOf(const std::string& line, const std::string& marker) {
  const size_t at = line.find(marker);
  if (at == std::string::npos) return -1;
  return u8_width(reinterpret_cast<const uint8_t*>(line.data()), at, "UTF-8");
}

}  // namespace pelo::testing
