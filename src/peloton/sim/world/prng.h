// A tiny deterministic PRNG (splitmix64). The standard library's distributions differ between
// implementations, so everything the simulator draws goes through this to stay byte-identical.
#pragma once

#include <cstdint>
#include <string>

namespace pelo::sim {

// Mixes two 64-bit values into one well-distributed value (used to derive independent streams).
inline uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t z = a + 0x9E3779B97F4A7C15ULL * (b + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// A well-distributed key for a string (ids of any format).
inline uint64_t HashText(const std::string& text) {
  uint64_t h = 0;
  for (char c : text) h = Mix(h, static_cast<uint8_t>(c));
  return h;
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    state_ += 0x9E3779B97F4A7C15ULL;
    return Mix(state_, 0);
  }
  // Uniform in [0, 1) with 53 bits of precision.
  double Uniform() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
  double Range(double lo, double hi) { return lo + (hi - lo) * Uniform(); }
  // Uniform integer in [lo, hi].
  int Int(int lo, int hi) {
    return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool Chance(double p) { return Uniform() < p; }
  // Approximately standard normal (Irwin-Hall of 4 uniforms): no libm, so no platform drift.
  double Normal() {
    double sum = Uniform() + Uniform() + Uniform() + Uniform();
    return (sum - 2.0) * 1.7320508075688772;
  }

 private:
  uint64_t state_;
};

// A 32-char lowercase hex id derived from (a, b), like Peloton's ids.
std::string HexId(uint64_t a, uint64_t b);

}  // namespace pelo::sim
