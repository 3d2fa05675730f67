// The oracle of the graph bodies and metrics the data set serves: the DOM path (the workout's
// graph built as an nlohmann document, windowed by WindowGraph, dumped; the metrics read from it
// by ReadMetrics), which served them until json/graph_body.h wrote bodies from the samples.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "pelo/peloton/sim/server.h"
#include "peloton/sim/json/graph_json.h"
#include "peloton/sim/json/workout_metrics.h"
#include "peloton/sim/world/data_set.h"

namespace pelo::sim::testing {

using nlohmann::json;

constexpr int kEveryN[] = {1, 2, 5, 7, 30};

// The body as the DOM path serves it, from the workout's graph document.
inline json DomGraph(const json& graph, int every_n) {
  return every_n > 1 && GraphStep(graph) == 1 ? WindowGraph(graph, every_n) : graph;
}

// "" when `served` is `expected` value for value, with each value's JSON type (integers of
// either sign are one type: parsed text has unsigned ones where a document built in code has
// signed ones), else where they first differ.
inline std::string Difference(const json& expected, const json& served, const std::string& where) {
  const auto kind = [](const json& v) {
    return v.is_number_integer() ? json::value_t::number_integer : v.type();
  };
  if (kind(expected) != kind(served)) {
    return where + ": " + expected.dump() + " served as " + served.dump();
  }
  if (expected.is_object()) {
    if (expected.size() != served.size()) return where + ": other keys";
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      const auto other = served.find(it.key());
      if (other == served.end()) return where + ": no " + it.key();
      std::string difference = Difference(it.value(), *other, where + "." + it.key());
      if (!difference.empty()) return difference;
    }
    return "";
  }
  if (expected.is_array()) {
    if (expected.size() != served.size()) return where + ": other length";
    for (size_t i = 0; i < expected.size(); ++i) {
      std::string difference =
          Difference(expected[i], served[i], where + "[" + std::to_string(i) + "]");
      if (!difference.empty()) return difference;
    }
    return "";
  }
  // Floats compare as doubles (to the bit, but 0.0 == -0.0), integers as integers.
  return expected == served ? "" : where + ": " + expected.dump() + " served as " + served.dump();
}

inline std::string Describe(const std::optional<double>& v) {
  return v ? std::to_string(*v) : std::string("none");
}

inline void ExpectSameStat(const Stat& expected, const Stat& actual, const std::string& what) {
  EXPECT_EQ(expected.average, actual.average) << what << " average " << Describe(actual.average);
  EXPECT_EQ(expected.max, actual.max) << what << " max " << Describe(actual.max);
  EXPECT_EQ(expected.last, actual.last) << what << " last " << Describe(actual.last);
}

inline void ExpectSameMetrics(const WorkoutMetrics& expected, const WorkoutMetrics& actual,
                              const std::string& id) {
  ExpectSameStat(expected.output, actual.output, id + " output");
  ExpectSameStat(expected.cadence, actual.cadence, id + " cadence");
  ExpectSameStat(expected.resistance, actual.resistance, id + " resistance");
  ExpectSameStat(expected.speed, actual.speed, id + " speed");
  ExpectSameStat(expected.heart_rate, actual.heart_rate, id + " heart_rate");
  ExpectSameStat(expected.incline, actual.incline, id + " incline");
  EXPECT_EQ(expected.total_output_kj, actual.total_output_kj) << id;
  EXPECT_EQ(expected.distance_mi, actual.distance_mi) << id;
  EXPECT_EQ(expected.calories, actual.calories) << id;
  EXPECT_EQ(expected.avg_pace_min_mi, actual.avg_pace_min_mi) << id;
  EXPECT_EQ(expected.duration, actual.duration) << id;
}

// Checks every workout of the synthetic world of `options` at every kEveryN: the body the data
// set serves against the DOM path, and MetricsCache against ReadMetrics of the graph. Returns
// what the world covers: each discipline (with "+gps" for a GPS track) and "heart rate".
inline std::set<std::string> ExpectServedAsTheDomPath(const Options& options) {
  std::set<std::string> kinds;
  auto data = BuildSyntheticDataSet(options);
  EXPECT_TRUE(data.ok()) << data.status().ToString();
  if (!data.ok()) return kinds;
  MetricsCache metrics;
  for (const WorkoutEntry& workout : (*data)->workouts) {
    const json dom = workout.graph();  // built once: it is most of this check's time
    std::string kind = workout.detail.value("fitness_discipline", "");
    if (dom.contains("location_data") && !dom["location_data"].empty()) kind += "+gps";
    kinds.insert(kind);
    if (dom["effort_zones"].is_object()) kinds.insert("heart rate");
    for (const int every_n : kEveryN) {
      const auto body = (*data)->GraphBody(workout.id, every_n);
      EXPECT_TRUE(body.has_value()) << workout.id;
      if (!body) return kinds;
      const json expected = DomGraph(dom, every_n);
      // The same bytes are the same document (and cost a fraction of comparing parsed ones).
      if (expected.dump() == **body) continue;
      const std::string difference = Difference(expected, json::parse(**body), "graph");
      EXPECT_EQ(difference, "") << workout.id << " every_n=" << every_n;
      if (!difference.empty()) return kinds;
    }
    ExpectSameMetrics(ReadMetrics(dom), *metrics.For(workout), workout.id);
  }
  return kinds;
}

}  // namespace pelo::sim::testing
