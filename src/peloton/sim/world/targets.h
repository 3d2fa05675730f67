// A class's target metrics: the ranges the instructor calls for each stretch of the class, as
// GET /api/ride/{id}/details `target_metrics_data.target_metrics` and a workout's
// performance_graph `target_metrics_performance_data.target_metrics` carry them.
#pragma once

#include <string>
#include <vector>

#include "peloton/sim/world/catalog.h"

namespace pelo::sim {

// One metric's range in a block: "power_zone" (zone numbers 1-7), "cadence" (rpm),
// "resistance" (%), "speed" (mph), "incline" (%).
struct TargetRange {
  std::string name;
  double lower = 0;
  double upper = 0;
};

// A stretch of the class with its targets, on the class's clock (0 = pedaling start).
struct TargetBlock {
  int start = 0;
  int length = 0;
  std::string segment_type;  // "power_zone", "cycling" or "running"
  std::vector<TargetRange> metrics;
};

// The class's targets, one block per block of its plan: a power zone for Power Zone rides,
// cadence and resistance for other rides (the ranges of its instructor cues), speed and incline
// for tread runs; none for FTP tests and other disciplines (walking classes are taken outdoors).
std::vector<TargetBlock> ClassTargets(const RideClass& ride);

// Peloton's power zone (1-7) of an output that is `fraction` of FTP: below 55 %, 55-75 %,
// 76-90 %, 91-105 %, 106-120 %, 121-150 %, above 150 %.
int PowerZone(double fraction);

// The resistance and cadence an instructor calls for `block` (the centre of the cue's range).
int CueResistance(const Block& block);
int CueCadence(const Block& block);

}  // namespace pelo::sim
