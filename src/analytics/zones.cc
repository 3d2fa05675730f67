#include "pelo/analytics/zones.h"

#include <cmath>
#include <cstddef>

namespace pelo::analytics {

int ZoneOf(double value, double ref, std::span<const int> pct) {
  if (!(value >= 0) || !(ref > 0)) return 0;
  int zone = 0;
  // Integer percentages on both sides: 100·110 >= 55·200 exactly, unlike 110 >= 0.55·200.
  for (size_t z = 0; z < pct.size(); ++z) {
    if (100.0 * value >= pct[z] * ref) zone = static_cast<int>(z) + 1;
  }
  return zone;
}

int PowerZone(double watts, double ftp) { return ZoneOf(watts, ftp, kPowerZonePct); }

int HrZone(double bpm, double max_hr) { return bpm > 0 ? ZoneOf(bpm, max_hr, kHrZonePct) : 0; }

PowerZoneSeconds TimeInPowerZones(const std::vector<double>& power, double ftp, double dt) {
  PowerZoneSeconds seconds{};
  for (double p : power) {
    if (const int z = PowerZone(p, ftp); z > 0) seconds[static_cast<size_t>(z - 1)] += dt;
  }
  return seconds;
}

HrZoneSeconds TimeInHrZones(const std::vector<double>& hr, double max_hr, double dt) {
  HrZoneSeconds seconds{};
  for (double h : hr) {
    if (const int z = HrZone(h, max_hr); z > 0) seconds[static_cast<size_t>(z - 1)] += dt;
  }
  return seconds;
}

HrZoneSeconds TimeInHrZonesBpm(const std::vector<double>& hr, const std::array<double, 5>& lower,
                               double dt) {
  HrZoneSeconds seconds{};
  for (double h : hr) {
    if (!(h > 0)) continue;
    size_t zone = 0;
    for (size_t z = 0; z < lower.size(); ++z) {
      if (h >= lower[z]) zone = z + 1;
    }
    if (zone > 0) seconds[zone - 1] += dt;
  }
  return seconds;
}

}  // namespace pelo::analytics
