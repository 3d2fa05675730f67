// performance_graph bodies of synthetic workouts written as text straight from their samples:
// the document BuildGraphJson (windowed by WindowGraph) would give, without building its DOM
// of a node per sample per metric, which made the graph most of the simulator's CPU.
#pragma once

#include <string>

#include "peloton/sim/json/graph_json.h"
#include "peloton/sim/world/athlete.h"

namespace pelo::sim {

// The body of `outline`'s graph for `every_n`: the 1-s graph when every_n is 1, else windowed
// as WindowGraph does (a synthetic graph's time axis steps by 1 s). The same JSON as
// WindowGraph(BuildGraphJson(...)).dump(): the same keys in the same order, each value of the
// same type; a float spelled as the shortest text that parses back to the same double.
std::string WriteGraphBody(const GraphOutline& outline, int every_n);

// WriteGraphBody of the workout's regenerated samples.
std::string SyntheticGraphBody(const SyntheticWorkout& workout, int every_n);

}  // namespace pelo::sim
