// What workout files are made from, as the synthetic world serves it: strength workouts'
// tracked movements and their classes' movement plans, target-metric blocks of rides and tread
// runs, paused workouts' time axes, tread incline and elevation, outdoor GPS tracks, rowing
// splits; and the movement library every served movement comes from.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "peloton/sim/world/catalog.h"
#include "peloton/sim/world/data_set.h"
#include "peloton/sim/world/movements.h"

namespace pelo::sim::export_shapes_test {
namespace {

using nlohmann::json;

// The synthetic world of `workouts` workouts, built once per (seed, workouts).
const DataSet& World(uint64_t seed = 1, int workouts = 120) {
  static std::map<std::pair<uint64_t, int>, std::unique_ptr<DataSet>> worlds;
  auto& world = worlds[{seed, workouts}];
  if (!world) {
    Options options;
    options.seed = seed;
    options.workouts = workouts;
    auto built = BuildSyntheticDataSet(options);
    EXPECT_TRUE(built.ok()) << built.status().ToString();
    world = std::move(built).value();
  }
  return *world;
}

json GraphOf(const DataSet& data, const std::string& id, int every_n = 1) {
  const auto body = data.GraphBody(id, every_n);
  EXPECT_TRUE(body.has_value()) << id;
  return body ? json::parse(**body) : json(nullptr);
}

std::vector<const WorkoutEntry*> WorkoutsOf(const DataSet& data, const std::string& discipline) {
  std::vector<const WorkoutEntry*> out;
  for (const WorkoutEntry& w : data.workouts) {
    if (w.detail.value("fitness_discipline", "") == discipline) out.push_back(&w);
  }
  return out;
}

const json* FindSlug(const json& list, const std::string& slug) {
  for (const json& item : list) {
    if (item.value("slug", "") == slug) return &item;
  }
  return nullptr;
}

json PeerFixture(const std::string& name) {
  std::ifstream in(std::string(PELO_SHARED_DIR) + "/fixtures/peer-projections/peloton-to-garmin/" +
                   name);
  std::stringstream text;
  text << in.rdbuf();
  std::string body = text.str();
  if (body.rfind("\xEF\xBB\xBF", 0) == 0) body.erase(0, 3);
  return json::parse(body);
}

TEST(MovementLibrary, EveryMovementHasAnIdANameAndPlausibleWeights) {
  const std::regex hex("[0-9a-f]{32}");
  std::set<std::string> ids, names;
  for (const MovementSpec& m : kMovements) {
    EXPECT_TRUE(std::regex_match(m.id, hex)) << m.name;
    EXPECT_TRUE(ids.insert(m.id).second) << "id twice: " << m.id;
    EXPECT_TRUE(names.insert(m.name).second) << "name twice: " << m.name;
    EXPECT_NE(m.pools, 0) << m.name;
    EXPECT_EQ(FindMovement(m.name), static_cast<size_t>(&m - kMovements));
    if (m.equipment == Equipment::kBodyweight) {
      EXPECT_EQ(m.min_lb, 0) << m.name;
      EXPECT_EQ(m.max_lb, 0) << m.name;
    } else {
      EXPECT_GE(m.min_lb, 5) << m.name;
      EXPECT_LE(m.max_lb, 30) << m.name;
      EXPECT_LE(m.min_lb, m.max_lb) << m.name;
    }
    if (!m.is_hold && m.pools != kRestPool) {
      EXPECT_GT(m.seconds_per_rep, 0) << m.name;
    }
  }
  for (const char* name : {"Goblet Squat",  "Reverse Lunge",    "Deadlift",       "Bicep Curl",
                           "Hammer Curl",   "Tricep Extension", "Bent Over Row",  "Chest Press",
                           "Lateral Raise", "Front Raise",      "Thruster",       "Glute Bridge",
                           "Plank",         "Side Plank",       "Bicycle Crunch", "Russian Twist",
                           "Dead Bug",      "Mountain Climber", "Burpee",         "Rest"}) {
    EXPECT_LT(FindMovement(name), kMovementCount) << name;
  }
}

// Every movement the peer projections of real workouts name is in the library, with its id.
TEST(MovementLibrary, HoldsEveryMovementOfTheRealWorkouts) {
  std::map<std::string, std::string> real;  // name -> id
  for (const char* file :
       {"strength_guide_with_exercise.json", "strength_nonguide_with_exercise.json"}) {
    const json peer = PeerFixture(file);
    for (const json& m : peer["Movements"]) real[m["Name"].get<std::string>()] = m["Id"];
    const json& tracked = peer["Workout"]["Movement_Tracker_Data"];
    if (tracked.is_null()) continue;
    for (const json& r : tracked["Completed_Movements_Summary_Data"]["Repetition_Summary_Data"]) {
      real[r["Movement_Name"].get<std::string>()] = r["Movement_Id"];
    }
  }
  ASSERT_EQ(real.size(), 6u);  // Wide Grip Overhead Press, Push Up, Roll Up, ... and Rest
  for (const auto& [name, id] : real) {
    const size_t at = FindMovement(name);
    ASSERT_LT(at, kMovementCount) << name;
    EXPECT_EQ(kMovements[at].id, id) << name;
  }
}

// The details of every strength class list its movement plan; other classes have none.
TEST(ClassPlans, StrengthClassesCoverEachSegmentWithMovementsAndRests) {
  const DataSet& data = World();
  const Catalog catalog = BuildCatalog();
  int strength = 0;
  for (const RideClass& ride : catalog.classes) {
    const auto details = data.RideDetails(ride.id);
    ASSERT_NE(details, nullptr) << ride.id;
    for (const json& segment : (*details)["segments"]["segment_list"]) {
      if (ride.discipline != kStrength) {
        EXPECT_FALSE(segment.contains("subsegments_v2")) << ride.title;
        continue;
      }
      const int start = segment["start_time_offset"], length = segment["length"];
      int t = start;
      ASSERT_FALSE(segment["subsegments_v2"].empty()) << ride.title;
      for (const json& sub : segment["subsegments_v2"]) {
        EXPECT_EQ(sub["scheduled_offset"], t) << ride.title;
        EXPECT_EQ(sub["offset"], t - start) << ride.title;
        EXPECT_GT(sub["length"].get<int>(), 0);
        EXPECT_EQ(sub["id"].get<std::string>().size(), 32u);
        ASSERT_EQ(sub["movements"].size(), 1u);
        const json& movement = sub["movements"][0];
        const bool rest = movement["name"] == "Rest";
        EXPECT_EQ(sub["type"], rest ? "rest" : "movement");
        EXPECT_EQ(movement["is_rest"], rest);
        EXPECT_EQ(sub["display_name"], movement["name"]);
        t += sub["length"].get<int>();
      }
      EXPECT_EQ(t, start + length) << ride.title << ": the plan covers its segment";
    }
    strength += ride.discipline == kStrength ? 1 : 0;
  }
  EXPECT_EQ(strength, 10);
}

// Every movement a class plan or a tracked workout names is the library's, id and name.
TEST(ClassPlans, EveryServedMovementIsInTheLibrary) {
  const DataSet& data = World(1, 300);
  auto expect_known = [](const std::string& id, const std::string& name) {
    const size_t at = FindMovement(name);
    ASSERT_LT(at, kMovementCount) << name;
    EXPECT_EQ(kMovements[at].id, id) << name;
  };
  std::set<std::string> served;
  for (const auto& ride : data.rides) {
    for (const json& segment : (*data.RideDetails(ride.first))["segments"]["segment_list"]) {
      for (const json& sub : segment.value("subsegments_v2", json::array())) {
        for (const json& m : sub["movements"]) {
          expect_known(m["id"].get<std::string>(), m["name"].get<std::string>());
          served.insert(m["name"].get<std::string>());
        }
      }
    }
  }
  for (const WorkoutEntry& w : data.workouts) {
    const json tracked = w.detail.value("movement_tracker_data", json(nullptr));
    if (tracked.is_null()) continue;
    for (const json& r : tracked["completed_movements_summary_data"]["repetition_summary_data"]) {
      expect_known(r["movement_id"].get<std::string>(), r["movement_name"].get<std::string>());
    }
  }
  EXPECT_GT(served.size(), 30u) << "the plans use much of the library";
}

TEST(TrackedMovements, AboutHalfTheStrengthWorkoutsCountTheirRepsAlongTheClassPlan) {
  const DataSet& data = World(1, 300);
  int tracked = 0, untracked = 0, two_dumbbells = 0, holds = 0;
  for (const WorkoutEntry* w : WorkoutsOf(data, "strength")) {
    ASSERT_TRUE(w->detail.contains("movement_tracker_data"));
    const json& mtd = w->detail["movement_tracker_data"];
    if (mtd.is_null()) {
      ++untracked;
      continue;
    }
    ++tracked;
    // The class plan's trackable movement sets, by class second.
    std::map<int, json> sets;
    const auto details = data.RideDetails(w->detail["ride"]["id"].get<std::string>());
    ASSERT_NE(details, nullptr);
    for (const json& segment : (*details)["segments"]["segment_list"]) {
      for (const json& sub : segment["subsegments_v2"]) {
        if (sub["trackable_movements_disabled"].get<bool>()) continue;
        sets[sub["scheduled_offset"].get<int>()] = sub;
      }
    }
    const json& summary = mtd["completed_movements_summary_data"];
    const json& reps = summary["repetition_summary_data"];
    ASSERT_EQ(reps.size(), sets.size()) << w->id << ": one entry per tracked set";
    int volume = 0;
    for (const json& r : reps) {
      const int offset = r["offset"];
      ASSERT_TRUE(sets.count(offset)) << w->id << " offset " << offset;
      const json& set = sets[offset];
      EXPECT_EQ(r["length"], set["length"]);
      EXPECT_EQ(r["movement_id"], set["movements"][0]["id"]);
      EXPECT_EQ(r["movement_name"], set["movements"][0]["name"]);
      const MovementSpec& m = kMovements[FindMovement(r["movement_name"].get<std::string>())];
      EXPECT_EQ(r["is_hold"], m.is_hold);
      const int completed = r["completed_number"];
      EXPECT_GT(completed, 0);
      if (m.is_hold) {
        ++holds;
        EXPECT_LE(completed, r["length"].get<int>()) << "seconds held";
      }
      ASSERT_GE(r["weight"].size(), 1u);
      ASSERT_LE(r["weight"].size(), 2u);
      if (r["weight"].size() == 2) {
        ++two_dumbbells;
        EXPECT_EQ(m.equipment, Equipment::kTwoDumbbells) << m.name;
      }
      for (const json& weight : r["weight"]) {
        EXPECT_EQ(weight["weight_data"]["weight_unit"], "lb");
        const int lb = weight["weight_data"]["weight_value"];
        if (m.equipment == Equipment::kBodyweight) {
          EXPECT_EQ(lb, 0) << m.name;
        } else {
          EXPECT_GE(lb, 5) << m.name;
          EXPECT_LE(lb, 30) << m.name;
        }
      }
      volume += r["total_volume"].get<int>();
    }
    EXPECT_EQ(summary["total_volume"], volume);
    EXPECT_EQ(summary["weight_unit"], "lb");
  }
  EXPECT_GE(tracked, 5);
  EXPECT_GE(untracked, 5);
  EXPECT_GT(two_dumbbells, 0);
  EXPECT_GT(holds, 0);
  for (const WorkoutEntry& w : data.workouts) {
    if (w.detail["fitness_discipline"] != "strength") {
      EXPECT_FALSE(w.detail.contains("movement_tracker_data")) << w.id;
    }
  }
}

// Power Zone rides have a zone per block of the class, on the video's clock (class second t at
// 60 + t), inside the class; other rides cadence and resistance ranges; FTP tests none.
TEST(TargetMetrics, RidesHaveZoneOrCadenceBlocksInsideTheClass) {
  const DataSet& data = World();
  int power_zone = 0, other = 0;
  for (const WorkoutEntry* w : WorkoutsOf(data, "cycling")) {
    const json graph = GraphOf(data, w->id, 60);  // the targets are the same at any every_n
    const json& targets = graph["target_metrics_performance_data"];
    const json& ride = w->detail["ride"];
    const int class_seconds = ride["duration"];
    const auto details = data.RideDetails(ride["id"].get<std::string>());
    ASSERT_NE(details, nullptr);
    EXPECT_EQ((*details)["target_metrics_data"]["target_metrics"], targets["target_metrics"]);
    if (ride["title"] == "20 min FTP Test Ride") {
      EXPECT_TRUE(targets["target_metrics"].empty());
      continue;
    }
    const bool pz = (*details)["is_power_zone_class"].get<bool>();
    (pz ? power_zone : other) += 1;
    ASSERT_FALSE(targets["target_metrics"].empty()) << w->id;
    int next = 60;
    for (const json& block : targets["target_metrics"]) {
      EXPECT_EQ(block["offsets"]["start"], next) << "blocks follow each other";
      next = block["offsets"]["end"].get<int>() + 1;
      EXPECT_EQ(block["segment_type"], pz ? "power_zone" : "cycling");
      for (const json& metric : block["metrics"]) {
        EXPECT_LE(metric["lower"].get<double>(), metric["upper"].get<double>());
        if (pz) {
          EXPECT_EQ(metric["name"], "power_zone");
          EXPECT_EQ(metric["lower"], metric["upper"]);
          EXPECT_GE(metric["lower"].get<int>(), 1);
          EXPECT_LE(metric["upper"].get<int>(), 7);
        } else {
          EXPECT_TRUE(metric["name"] == "cadence" || metric["name"] == "resistance");
        }
      }
    }
    EXPECT_EQ(next, 60 + class_seconds) << w->id << ": the blocks end with the class";
    ASSERT_EQ(targets["time_in_metric"].size(), pz ? 1u : 2u);
    for (const json& time : targets["time_in_metric"]) {
      EXPECT_GE(time["value"].get<int>(), 0);
      EXPECT_LE(time["value"].get<int>(), 100);
    }
  }
  EXPECT_GT(power_zone, 0);
  EXPECT_GT(other, 0);
}

// A pause: the time axis skips 60-300 s once, the series skip them with it, and the detail says
// so; the graph's duration and the workout's end time count the pause. Checked on every paused
// workout of three worlds and every tenth other one (a graph a workout takes seconds under the
// sanitizers).
TEST(Pauses, PausedWorkoutsSkipTheirPauseOnTheTimeAxis) {
  for (const auto& [seed, workouts] : {std::pair<uint64_t, int>{1, 120}, {2, 60}, {3, 60}}) {
    const DataSet& data = World(seed, workouts);
    std::set<std::string> paused_kinds;
    int paused = 0;
    for (size_t n = 0; n < data.workouts.size(); ++n) {
      const WorkoutEntry& w = data.workouts[n];
      if (!w.detail["has_paused"].get<bool>() && n % 10 != 0) continue;
      const json graph = GraphOf(data, w.id);
      const json& axis = graph["seconds_since_pedaling_start"];
      int gaps = 0, gap = 0;
      for (size_t i = 1; i < axis.size(); ++i) {
        const int step = axis[i].get<int>() - axis[i - 1].get<int>();
        ASSERT_GE(step, 1) << w.id;
        if (step > 1) ++gaps, gap = step - 1;
      }
      const int class_seconds = w.detail["ride"]["duration"];
      const int64_t elapsed =
          w.detail["end_time"].get<int64_t>() - w.detail["start_time"].get<int64_t>();
      EXPECT_EQ(w.detail["has_paused"], gaps == 1) << w.id;
      ASSERT_LE(gaps, 1) << w.id;
      EXPECT_EQ(axis.size(), static_cast<size_t>(class_seconds)) << "a sample a class second";
      EXPECT_EQ(graph["duration"], class_seconds + gap) << w.id;
      EXPECT_EQ(elapsed, class_seconds + gap) << w.id;
      if (!axis.empty()) {
        EXPECT_EQ(axis.back(), class_seconds + gap) << w.id;
      }
      for (const json& metric : graph["metrics"]) {
        EXPECT_EQ(metric["values"].size(), axis.size()) << w.id << " " << metric["slug"];
      }
      if (gaps == 0) continue;
      ++paused;
      paused_kinds.insert(w.detail["fitness_discipline"].get<std::string>());
      EXPECT_GE(gap, 60);
      EXPECT_LE(gap, 300);
      // Windowed, the axis runs on to the graph's duration and the pause's windows are empty.
      const json graph5 = GraphOf(data, w.id, 5);
      EXPECT_EQ(graph5["seconds_since_pedaling_start"].back(),
                graph["duration"].get<int>() / 5 * 5);
      if (!graph5["metrics"].empty()) {
        int nulls = 0;
        for (const json& v : graph5["metrics"][0]["values"]) nulls += v.is_null() ? 1 : 0;
        EXPECT_GE(nulls, gap / 5 - 1) << w.id;
      }
    }
    EXPECT_LT(paused, workouts / 8) << "a small share";
    EXPECT_TRUE(paused_kinds.count("cycling")) << "seed " << seed;
    EXPECT_TRUE(paused_kinds.count("running")) << "seed " << seed;
  }
}

// Tread runs: incline, the climb it makes as the Elevation summary (ft), split by mile, and
// speed and incline targets.
TEST(OnFoot, TreadRunsHaveInclineElevationAndTargets) {
  const DataSet& data = World();
  int tread = 0;
  for (const WorkoutEntry* w : WorkoutsOf(data, "running")) {
    if (w->detail["is_outdoor"].get<bool>()) continue;
    ++tread;
    const json graph = GraphOf(data, w->id);
    const json* incline = FindSlug(graph["metrics"], "incline");
    ASSERT_NE(incline, nullptr);
    EXPECT_EQ((*incline)["display_unit"], "%");
    const json* elevation = FindSlug(graph["summaries"], "elevation");
    ASSERT_NE(elevation, nullptr);
    EXPECT_EQ((*elevation)["display_unit"], "ft");
    EXPECT_GT((*elevation)["value"].get<int>(), 0) << w->id;
    double climbed = 0;
    for (const json& split : graph["splits_data"]["splits"]) {
      climbed += split["elevation_change"].get<double>();
    }
    EXPECT_EQ(climbed, (*elevation)["value"].get<double>()) << "the splits add up";
    const json& targets = graph["target_metrics_performance_data"];
    ASSERT_FALSE(targets["target_metrics"].empty());
    for (const json& block : targets["target_metrics"]) {
      EXPECT_EQ(block["segment_type"], "running");
      ASSERT_EQ(block["metrics"].size(), 2u);
      EXPECT_EQ(block["metrics"][0]["name"], "speed");
      EXPECT_EQ(block["metrics"][1]["name"], "incline");
    }
    EXPECT_EQ(targets["time_in_metric"].size(), 2u);
  }
  EXPECT_GT(tread, 0);
}

// Outdoor runs and walks: altitude (ft), their climb, and a GPS track whose every point is at a
// second of the time axis, in order.
TEST(OnFoot, OutdoorRunsAndWalksHaveGpsAlignedWithTheTimeAxis) {
  const DataSet& data = World();
  std::set<std::string> outdoor;
  for (const WorkoutEntry& w : data.workouts) {
    if (!w.detail["is_outdoor"].get<bool>()) continue;
    outdoor.insert(w.detail["fitness_discipline"].get<std::string>());
    const json graph = GraphOf(data, w.id);
    const json* altitude = FindSlug(graph["metrics"], "altitude");
    ASSERT_NE(altitude, nullptr);
    EXPECT_EQ((*altitude)["display_unit"], "ft");
    EXPECT_EQ(FindSlug(graph["metrics"], "incline"), nullptr);
    EXPECT_GT((*FindSlug(graph["summaries"], "elevation"))["value"].get<int>(), 0);
    EXPECT_TRUE(graph["target_metrics_performance_data"]["target_metrics"].empty());
    std::set<int> seconds;
    for (const json& t : graph["seconds_since_pedaling_start"]) seconds.insert(t.get<int>());
    int last = 0;
    size_t points = 0;
    double miles = 0;
    for (const json& segment : graph["location_data"]) {
      EXPECT_EQ(segment["is_gap"], false);
      for (const json& c : segment["coordinates"]) {
        const int at = c["seconds_offset_from_start"];
        EXPECT_GT(at, last);
        EXPECT_TRUE(seconds.count(at)) << w.id << " second " << at;
        EXPECT_GE(c["distance"].get<double>(), miles);
        last = at;
        miles = c["distance"].get<double>();
        ++points;
      }
    }
    EXPECT_EQ(points, seconds.size()) << w.id << ": a point a sample";
  }
  EXPECT_TRUE(outdoor.count("walking"));
  EXPECT_TRUE(outdoor.count("running"));
}

TEST(Rowing, RowsHaveStrokeRateSplitPaceAndSplitsPer500Metres) {
  const DataSet& data = World();
  const auto rows = WorkoutsOf(data, "caesar");
  ASSERT_FALSE(rows.empty());
  for (const WorkoutEntry* w : rows) {
    const json graph = GraphOf(data, w->id);
    const json* rate = FindSlug(graph["metrics"], "stroke_rate");
    ASSERT_NE(rate, nullptr);
    EXPECT_EQ((*rate)["display_unit"], "spm");
    for (const json& v : (*rate)["values"]) {
      EXPECT_GE(v.get<int>(), 10);
      EXPECT_LE(v.get<int>(), 40);
    }
    ASSERT_NE(FindSlug(graph["metrics"], "split_pace"), nullptr);
    const json& splits = graph["splits_metrics"]["metrics"];
    ASSERT_FALSE(splits.empty());
    int best = 0;
    for (size_t i = 0; i < splits.size(); ++i) {
      const json& data_of = splits[i]["data"];
      EXPECT_EQ(data_of[0]["slug"], "meter");
      if (i + 1 < splits.size()) {
        EXPECT_EQ(data_of[0]["value"], 500.0 * static_cast<double>(i + 1));
      }
      best += splits[i]["is_best"].get<bool>() ? 1 : 0;
    }
    EXPECT_LE(best, 1);
  }
}

}  // namespace
}  // namespace pelo::sim::export_shapes_test
