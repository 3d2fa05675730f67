// One workout as the file writers (GPX, TCX; FIT to come) take it: what it is, its samples on
// their own time axis, its route and laps. The app layer builds it from the store; each
// writer is a pure function of it, so the same workout gives the same bytes on every export.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pelo/model/performance_graph.h"
#include "pelo/model/tables.h"

namespace pelo::exporter {

// A lap: [start_s, start_s + length_s) on the samples' time axis.
struct Lap {
  int64_t start_s = 0;
  int64_t length_s = 0;
  std::string name;
};

struct Activity {
  std::string workout_id;
  std::string title;       // written by strangers: every writer escapes it
  std::string discipline;  // Peloton's fitness_discipline ("cycling", "running", ...)
  bool is_outdoor = false;
  int64_t start_time = 0;                 // epoch s of t_s = 0 and of the GPS offsets' zero
  std::vector<model::SampleRow> samples;  // by t_s (seconds from the start), metric units
  std::vector<model::GpsPoint> gps;       // by seconds_offset
  std::vector<Lap> laps;                  // in order; empty: the whole workout is one lap
  std::optional<double> distance_km;      // the workout's total as stored (none: from speed only)
  std::optional<double> calories_kcal;    // the workout's total as stored
};

// Seconds per sample: the smallest step between successive samples (1 at 1 Hz, 5 when Peloton
// kept every 5th second); 1 when there are fewer than two.
int64_t SampleStepS(const std::vector<model::SampleRow>& samples);

// The speed of `s` in m/s: speed_kph, or for rowing without it 500 m per split pace; nullopt
// when neither is there, finite and non-negative (positive for the pace).
std::optional<double> SampleSpeedMps(const model::SampleRow& s);

// Per sample, the metres covered since the start: each sample's speed held until the next
// sample, but never for longer than the sampling step, so a pause adds nothing. When the stored
// total (distance_km) is known and the integral is positive, scaled so that the last value is
// that total exactly: the points then agree with the session total every reader shows. All 0
// without any speed.
std::vector<double> CumulativeDistanceM(const Activity& activity);

}  // namespace pelo::exporter
