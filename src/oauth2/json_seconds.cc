#include "oauth2/json_seconds.h"

#include <cmath>
#include <limits>

namespace pelo::oauth2::internal {

std::optional<int64_t> JsonSeconds(const nlohmann::json& value) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  if (value.is_number_unsigned()) {
    const uint64_t n = value.get<uint64_t>();
    if (n > static_cast<uint64_t>(kMax)) return std::nullopt;
    return static_cast<int64_t>(n);
  }
  if (value.is_number_integer()) return value.get<int64_t>();
  if (!value.is_number_float()) return std::nullopt;
  const double d = value.get<double>();
  // 2^63 bounds, exclusive: a double that compares inside them converts without overflow.
  constexpr double kLimit = 9223372036854775808.0;
  if (!(d > -kLimit && d < kLimit)) return std::nullopt;
  return static_cast<int64_t>(std::trunc(d));
}

}  // namespace pelo::oauth2::internal
