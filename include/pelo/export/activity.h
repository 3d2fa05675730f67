// One workout as the file writers (GPX now; FIT and TCX to come) take it: what it is, its
// samples on their own time axis and its route. The app layer builds it from the store; each
// writer is a pure function of it, so the same workout gives the same bytes on every export.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pelo/model/performance_graph.h"
#include "pelo/model/tables.h"

namespace pelo::exporter {

struct Activity {
  std::string workout_id;
  std::string title;       // written by strangers: every writer escapes it
  std::string discipline;  // Peloton's fitness_discipline ("cycling", "running", ...)
  bool is_outdoor = false;
  int64_t start_time = 0;                 // epoch s of t_s = 0 and of the GPS offsets' zero
  std::vector<model::SampleRow> samples;  // by t_s (seconds from the start), metric units
  std::vector<model::GpsPoint> gps;       // by seconds_offset
};

}  // namespace pelo::exporter
