#include "peloton/sim/world/prng.h"

namespace pelo::sim {

std::string HexId(uint64_t a, uint64_t b) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(32, '0');
  uint64_t parts[2] = {Mix(a, b), Mix(b ^ 0xA5A5A5A5ULL, a)};
  for (int i = 0; i < 32; ++i) {
    uint64_t part = parts[i / 16];
    out[static_cast<size_t>(i)] = kHex[(part >> (4 * (15 - i % 16))) & 0xF];
  }
  return out;
}

}  // namespace pelo::sim
