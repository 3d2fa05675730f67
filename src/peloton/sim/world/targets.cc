#include "peloton/sim/world/targets.h"

#include <cmath>
#include <utility>

#include "peloton/sim/world/athlete.h"

namespace pelo::sim {

int PowerZone(double fraction) {
  // Upper bounds of zones 1-6 in percent of FTP, compared in whole percent as the app shows them.
  static constexpr int kUpper[] = {54, 75, 90, 105, 120, 150};
  const long percent = std::lround(fraction * 100);
  int zone = 1;
  for (int upper : kUpper) {
    if (percent <= upper) return zone;
    ++zone;
  }
  return 7;
}

int CueResistance(const Block& block) {
  return static_cast<int>(std::lround(25 + 30 * block.intensity));
}

int CueCadence(const Block& block) { return static_cast<int>(std::lround(block.cadence)); }

std::vector<TargetBlock> ClassTargets(const RideClass& ride) {
  std::vector<TargetBlock> out;
  if (ride.is_ftp_test) return out;
  const bool cycling = ride.discipline == kCycling;
  if (!cycling && ride.discipline != kRunning) return out;
  const double threshold_mph = Profile{}.run_threshold_mph;
  for (const Block& b : ride.blocks) {
    TargetBlock t;
    t.start = b.start;
    t.length = b.length;
    if (cycling && ride.type == "Power Zone") {
      const double zone = PowerZone(b.intensity);
      t.segment_type = "power_zone";
      t.metrics = {{"power_zone", zone, zone}};
    } else if (cycling) {
      const double resistance = CueResistance(b), cadence = CueCadence(b);
      t.segment_type = "cycling";
      t.metrics = {{"cadence", cadence - 10, cadence + 10},
                   {"resistance", resistance - 5, resistance + 5}};
    } else {
      // The speed the plan asks of the athlete's threshold, in a 1 mph band on 0.5 mph steps.
      const double speed = threshold_mph * (0.3 + 0.7 * b.intensity);
      const double slow = std::floor((speed - 0.5) * 2) / 2;
      const double incline = std::floor(b.incline * 2) / 2;
      t.segment_type = "running";
      t.metrics = {{"speed", slow, slow + 1.0}, {"incline", incline, incline + 1.0}};
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace pelo::sim
