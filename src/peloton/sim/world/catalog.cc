// The fixed class library: which classes exist, their segments and their intensity plans.
#include "peloton/sim/world/catalog.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "peloton/sim/world/instructors.h"
#include "peloton/sim/world/movements.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

constexpr uint64_t kCatalogSeed = 0xC1A55E5;
constexpr int64_t kFirstAirTime = 1640995200;  // 2022-01-01, classes air after this

struct DisciplineSpec {
  const char* discipline;
  int count;
  std::vector<const char*> types;
  std::vector<int> minutes;
  const char* suffix;     // "Ride", "Run", ...
  const char* main_name;  // middle segment name
  const char* main_icon;
  double main_mets;
};

const std::vector<DisciplineSpec>& Specs() {
  static const std::vector<DisciplineSpec> kSpecs = {
      {kCycling,
       48,
       {"Power Zone", "Intervals", "HIIT", "Climb", "Endurance", "Pop", "Tabata", "Low Impact"},
       {10, 20, 20, 30, 30, 30, 30, 45, 45, 60},
       "Ride",
       "Cycling",
       "cycling",
       6.0},
      {kRunning,
       12,
       {"Fun", "Intervals", "Endurance", "Hills", "Progression"},
       {10, 20, 20, 30, 30, 45},
       "Run",
       "Running",
       "running",
       10.0},
      {kRowing,
       8,
       {"Form & Drills", "Pace Intervals", "Endurance", "Sprint"},
       {10, 20, 20, 30},
       "Row",
       "Row",
       "caesar",
       7.0},
      {kStrength,
       10,
       {"Full Body", "Upper Body", "Core", "Lower Body"},
       {10, 20, 20, 30},
       "Strength",
       "Full Body",
       "full_body",
       5.0},
      {kYoga,
       8,
       {"Flow", "Restorative", "Power", "Slow Flow"},
       {10, 20, 30},
       "Yoga",
       "Yoga",
       "yoga",
       3.0},
      {kMeditation,
       6,
       {"Sleep", "Mindfulness", "Gratitude"},
       {10, 10, 20},
       "Meditation",
       "Meditation",
       "meditation",
       1.0},
      {kWalking, 2, {"Outdoor Walk", "Walk + Run"}, {30}, "", "Walking", "intervals", 4.0},
  };
  return kSpecs;
}

bool IsFloor(const std::string& d) { return d == kStrength || d == kYoga || d == kMeditation; }

// One effort/recovery pattern of the main part, by class type.
Block NextBlock(Rng& rng, const std::string& discipline, const std::string& type, bool on) {
  Block b;
  if (discipline == kCycling) {
    if (type == "HIIT" || type == "Tabata") {
      b = on ? Block{0, rng.Int(20, 45), rng.Range(1.3, 1.5), rng.Range(95, 110)}
             : Block{0, rng.Int(30, 60), 0.5, 80};
    } else if (type == "Intervals") {
      b = on ? Block{0, rng.Int(60, 120), rng.Range(1.05, 1.2), rng.Range(92, 102)}
             : Block{0, rng.Int(60, 120), 0.55, 82};
    } else if (type == "Climb") {
      b = on ? Block{0, rng.Int(180, 300), rng.Range(0.85, 0.95), rng.Range(60, 70)}
             : Block{0, rng.Int(60, 90), 0.6, 82};
    } else {
      b = {0, rng.Int(120, 360), rng.Range(on ? 0.75 : 0.62, on ? 0.95 : 0.75), rng.Range(82, 96)};
    }
  } else if (discipline == kRunning || discipline == kWalking) {
    b = {0, rng.Int(60, 240), on ? rng.Range(0.75, 1.0) : rng.Range(0.45, 0.6), 0,
         type == "Hills" && on ? rng.Range(2, 6) : rng.Range(0, 1.5)};
  } else if (discipline == kRowing) {
    b = {0, rng.Int(60, 180), on ? rng.Range(0.8, 1.0) : 0.55,
         on ? rng.Range(24, 30) : rng.Range(18, 22)};
  } else {
    b = {0, rng.Int(120, 300), on ? 0.5 : 0.35, 0};
  }
  return b;
}

void BuildPlan(Rng& rng, RideClass& c, const DisciplineSpec& spec, const std::string& type) {
  const int warmup = c.duration <= 600 ? 120 : std::max(180, (c.duration / 60 / 7) * 60);
  const int cooldown = c.duration <= 600 ? 60 : 120;
  const int main_end = c.duration - cooldown;
  // Easy cadence to open and close: rpm on a bike, strokes a minute on a rower.
  const bool rowing = c.discipline == kRowing;
  c.blocks.push_back({0, warmup, 0.5, rowing ? 20.0 : 82.0, 0});
  bool on = true;
  for (int t = warmup; t < main_end; on = !on) {
    Block b = NextBlock(rng, c.discipline, type, on);
    b.start = t;
    b.length = std::min(b.length, main_end - t);
    t += b.length;
    c.blocks.push_back(b);
  }
  c.blocks.push_back({main_end, cooldown, 0.4, rowing ? 18.0 : 78.0, 0});
  const bool floor = IsFloor(c.discipline);
  auto seg = [&](const char* name, const char* icon, int start, int length, double mets) {
    c.segments.push_back(
        {HexId(Mix(kCatalogSeed, rng.Next()), 7), name, icon, start, length, mets});
  };
  seg(c.discipline == kRowing ? "Warm Up" : "Warmup", "warmup", 0, warmup, floor ? 3.0 : 3.5);
  seg(spec.main_name, spec.main_icon, warmup, main_end - warmup, spec.main_mets);
  seg("Cool Down", "cooldown", main_end, cooldown, floor ? 2.5 : 3.5);
}

RideClass MakeClass(const DisciplineSpec& spec, int n, size_t serial) {
  Rng rng(Mix(kCatalogSeed, serial));
  RideClass c;
  c.discipline = spec.discipline;
  c.id = HexId(Mix(kCatalogSeed, serial), 3);
  const size_t type_index = static_cast<size_t>(n) % spec.types.size();
  const std::string type = spec.types[type_index];
  c.type = type;
  const int minutes = spec.minutes[rng.Next() % spec.minutes.size()];
  c.duration = minutes * 60;
  c.title = std::to_string(minutes) + " min " + type + (*spec.suffix ? " " : "") + spec.suffix;
  const auto teachers = InstructorsFor(c.discipline);
  c.instructor_id = InstructorId(teachers[rng.Next() % teachers.size()]);
  // A class type belongs to one discipline: "Endurance" rides and runs are different types.
  c.ride_type_id = HexId(Mix(kCatalogSeed, 0x7000 + type_index), HashText(c.discipline));
  c.description =
      "A " + std::to_string(minutes) + " minute " + type + " class from the pelo-sim library.";
  c.original_air_time = kFirstAirTime + rng.Int(0, 900) * 86400LL + 3600LL * rng.Int(11, 22);
  c.difficulty = std::round(rng.Range(4.5, 8.8) * 10000) / 10000;
  BuildPlan(rng, c, spec, type);
  return c;
}

// The movements a strength class's main set draws from, by its type.
uint8_t MainPool(const std::string& type) {
  if (type == "Upper Body") return kUpperPool;
  if (type == "Lower Body") return kLowerPool;
  if (type == "Core") return kCorePool;
  return kUpperPool | kLowerPool | kCorePool | kFullBodyPool;
}

// `count` different movements of `pool`, in the order drawn.
std::vector<size_t> Circuit(Rng& rng, uint8_t pool, int count) {
  std::vector<size_t> candidates;
  for (size_t i = 0; i < kMovementCount; ++i) {
    if ((kMovements[i].pools & pool) != 0) candidates.push_back(i);
  }
  const size_t n = std::min(candidates.size(), static_cast<size_t>(count));
  for (size_t i = 0; i < n; ++i) {
    const size_t pick = i + static_cast<size_t>(rng.Next() % (candidates.size() - i));
    std::swap(candidates[i], candidates[pick]);
  }
  candidates.resize(n);
  return candidates;
}

// A strength class's plan: each segment filled with a circuit of movements of its kind done in
// order (2-3 for the warm-up and cool-down, 2-4 in a main set of up to 10 minutes and 3-6 in a
// longer one, sets of 30-60 s with 15-30 s rests between them). From a stream of its own, so the
// class's other draws are as they were.
void BuildMovementPlan(RideClass& c, size_t serial) {
  constexpr uint64_t kPlanSalt = 0x5B5E6;
  Rng rng(Mix(kCatalogSeed ^ kPlanSalt, serial));
  auto add = [&](size_t segment, int start, int length, size_t movement, bool tracked) {
    const uint64_t n = serial * 4096 + c.subsegments.size();
    c.subsegments.push_back(
        {HexId(Mix(kCatalogSeed, kPlanSalt), n), segment, start, length, movement, tracked});
  };
  for (size_t seg = 0; seg < c.segments.size(); ++seg) {
    const bool main = seg > 0 && seg + 1 < c.segments.size();
    const uint8_t pool = main ? MainPool(c.type) : seg == 0 ? kWarmupPool : kCooldownPool;
    const int length = c.segments[seg].length;
    const int kinds = !main ? rng.Int(2, 3) : length <= 600 ? rng.Int(2, 4) : rng.Int(3, 6);
    const std::vector<size_t> circuit = Circuit(rng, pool, kinds);
    const int end = c.segments[seg].start + c.segments[seg].length;
    size_t next = 0;
    for (int t = c.segments[seg].start; t < end;) {
      int work = main ? 15 * rng.Int(2, 4) : 30 * rng.Int(1, 2);
      if (end - (t + work) < 30) work = end - t;  // no set shorter than 30 s at the end
      add(seg, t, work, circuit[next++ % circuit.size()], main);
      t += work;
      if (!main || t >= end) continue;
      int rest = 15 * rng.Int(1, 2);
      if (end - (t + rest) < 30) rest = end - t;
      add(seg, t, rest, kRestMovement, false);
      t += rest;
    }
  }
}

RideClass MakeFtpTest() {
  RideClass c;
  c.discipline = kCycling;
  c.id = HexId(kCatalogSeed, 0xF7);
  c.title = "20 min FTP Test Ride";
  c.duration = 1200;
  c.instructor_id = InstructorId(3);
  c.ride_type_id = HexId(kCatalogSeed, 0xF8);
  c.type = "FTP Test";
  c.description = "Ride your hardest sustainable effort for 20 minutes to set your FTP.";
  c.original_air_time = kFirstAirTime + 86400LL * 30;
  c.difficulty = 8.9;
  c.is_ftp_test = true;
  c.blocks.push_back({0, 1200, 1.0 / 0.95, 90, 0});
  c.segments.push_back({HexId(kCatalogSeed, 0xF9), "FTP Test", "cycling", 0, 1200, 9.0});
  return c;
}

}  // namespace

Catalog BuildCatalog() {
  Catalog cat;
  cat.instructors = BuildInstructors();
  for (size_t i = 0; i < cat.instructors.size(); ++i) {
    cat.instructor_index[cat.instructors[i]["id"].get<std::string>()] = i;
  }
  size_t serial = 0;
  for (const auto& spec : Specs()) {
    for (int n = 0; n < spec.count; ++n) {
      cat.classes.push_back(MakeClass(spec, n, serial));
      if (cat.classes.back().discipline == kStrength) BuildMovementPlan(cat.classes.back(), serial);
      ++serial;
    }
  }
  cat.ftp_test_class = cat.classes.size();
  cat.classes.push_back(MakeFtpTest());
  for (size_t i = 0; i < cat.classes.size(); ++i) {
    cat.class_index[cat.classes[i].id] = i;
    if (!cat.classes[i].is_ftp_test) cat.by_discipline[cat.classes[i].discipline].push_back(i);
  }
  return cat;
}

}  // namespace pelo::sim
