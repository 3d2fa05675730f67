// Schedules the synthetic athlete's history: when they train (in denser and sparser phases),
// what, and how their FTP moves (an impulse-response body, tested every 6-10 weeks).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "peloton/sim/world/athlete.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

constexpr int kHistoryDays = 730;
constexpr double kCeilingWatts = 320;

// Start times (epoch s), oldest first: irregular gaps plus a few multi-week breaks.
std::vector<int64_t> ScheduleStarts(Rng& rng, int count, int64_t first_day) {
  // Training comes in phases of 6-16 sessions, some dense (a build), some sparse (an easy
  // stretch): volume varies from block to block as a real rider's does.
  std::vector<double> gaps(static_cast<size_t>(count));
  double density = 1;
  int phase_left = 0;
  for (auto& g : gaps) {
    if (phase_left-- == 0) {
      phase_left = rng.Int(6, 16);
      density = rng.Range(0.55, 1.8);
    }
    g = rng.Range(0.4, 1.6) / density;
  }
  std::vector<double> breaks;
  if (count >= 30) {
    for (int i = 0; i < 3; ++i) breaks.push_back(rng.Range(18, 35));
  }
  const double free_days = kHistoryDays - 2 - std::accumulate(breaks.begin(), breaks.end(), 0.0);
  const double scale = free_days / std::accumulate(gaps.begin(), gaps.end(), 0.0);
  for (auto& g : gaps) g *= scale;
  for (double b : breaks) gaps[static_cast<size_t>(rng.Int(count / 5, count - 2))] += b;
  std::vector<int64_t> starts;
  double day = 0;
  int64_t earliest = 0;
  for (double g : gaps) {
    day += g;
    const int64_t midnight = first_day + static_cast<int64_t>(day) * 86400;
    // 6:00-21:00 in New York (UTC-5 as the sim ignores daylight saving).
    int64_t start = midnight + (11 + rng.Int(0, 15)) * 3600 + rng.Int(0, 59) * 60;
    start = std::max(start, earliest);
    starts.push_back(start);
    earliest = start + 2 * 3600;
  }
  return starts;
}

std::string PickDiscipline(Rng& rng) {
  const double u = rng.Uniform();
  if (u < 0.70) return kCycling;
  if (u < 0.80) return kRunning;
  if (u < 0.86) return kRowing;
  if (u < 0.93) return kStrength;
  if (u < 0.97) return kYoga;
  return kMeditation;
}

// Fitness follows the impulse-response model of analytics.md §5.5, as bodies roughly do: each
// cardio session's load adds to a slow "fitness" response (time constant 42 days) and a fast
// "fatigue" one (7 days); threshold power = untrained + kGain·fitness − kFatigue·fatigue. A hard
// block depresses power at first and raises it in the weeks after; a break loses it slowly.
class Adaptation {
 public:
  explicit Adaptation(double untrained) : untrained_(untrained) {}

  // Threshold power at `day` (days since the history began), before that day's sessions.
  double ThresholdAt(double day) {
    Decay(day);
    const double watts = untrained_ + kGain * fitness_ - kFatigue * fatigue_;
    return std::clamp(watts, 0.8 * untrained_, kCeilingWatts);
  }

  void Train(const WorkoutPlan& w, int duration) {
    if (w.discipline != kCycling && w.discipline != kRowing && w.discipline != kRunning) return;
    const double load = duration / 1800.0 * (w.discipline == kCycling ? 1.0 : 0.6);
    fitness_ += load;
    fatigue_ += load;
  }

 private:
  static constexpr double kGain = 5.0;      // W per unit of fitness (a 30-min ride is 1 unit)
  static constexpr double kFatigue = 10.0;  // W per unit of fatigue
  static constexpr double kFitnessDays = 42;
  static constexpr double kFatigueDays = 7;

  void Decay(double day) {
    const double dt = std::max(0.0, day - day_);
    fitness_ *= std::exp(-dt / kFitnessDays);
    fatigue_ *= std::exp(-dt / kFatigueDays);
    day_ = std::max(day_, day);
  }

  double untrained_;
  double fitness_ = 0, fatigue_ = 0, day_ = 0;
};

void RecordStats(WorkoutPlan& w, const Samples& s, const Profile& profile) {
  for (double p : s.output) w.total_work += p;
  const auto floors = ZoneFloors(profile.max_hr);
  for (double hr : s.heart_rate) {
    size_t zone = 0;
    while (zone < 4 && hr >= floors[zone]) ++zone;
    ++w.zone_seconds[zone];
  }
}

// What, when and with which class: everything about workout `i` except its FTP and results.
WorkoutPlan PlanWorkout(const Catalog& catalog, Rng& rng, uint64_t seed, int i, int count,
                        int64_t start_time, int64_t* next_test) {
  WorkoutPlan w;
  w.seed = Mix(seed, 0x10000 + static_cast<uint64_t>(i));
  w.id = HexId(Mix(seed, 0x3D), static_cast<uint64_t>(i));
  w.discipline = i == count / 2 ? std::string(kWalking) : PickDiscipline(rng);
  w.outdoor = w.discipline == kWalking;
  const auto& pool = catalog.by_discipline.at(w.discipline);
  w.class_pos = pool[rng.Next() % pool.size()];
  w.start_time = start_time;
  if (w.discipline == kCycling && w.start_time >= *next_test) {
    w.class_pos = catalog.ftp_test_class;
    *next_test = w.start_time + 86400LL * rng.Int(42, 70);
  }
  const RideClass& ride = catalog.classes[w.class_pos];
  const bool cardio =
      w.discipline != kStrength && w.discipline != kYoga && w.discipline != kMeditation;
  w.has_hr = cardio && (w.outdoor || ride.is_ftp_test || rng.Chance(0.85));
  w.created_at = w.start_time - rng.Int(10, 60);
  w.end_time = w.start_time + ride.duration;
  return w;
}

// Salts of the draws added after the history's first version: each workout makes them from
// Rng(Mix(seed, salt)), never from the history's own stream, so that every earlier draw (and so
// every workout's class, time and samples) stays as it was.
constexpr uint64_t kOutdoorRunSalt = 0x0D7D00;
constexpr uint64_t kGuideSalt = 0x6D1DE;
constexpr uint64_t kPauseSalt = 0x9A05E;

// How many workouts of a kind came before: what picks the ones every history has.
struct Ordinals {
  int rides = 0;  // not counting FTP tests
  int runs = 0;
  int rows = 0;
  int strength = 0;
};

// What the history's own draws do not decide: runs outdoors (the second run of every history
// and about one in six others), strength workouts counted by the Peloton Guide (the first and
// about half of the others), and pauses (the third ride, the third run and the second row of
// every history, and about one in thirty other workouts, never an FTP test or a meditation).
void AddVariations(WorkoutPlan& w, const RideClass& ride, Ordinals& n) {
  if (w.discipline == kRunning) {
    w.outdoor = n.runs == 1 || Rng(Mix(w.seed, kOutdoorRunSalt)).Chance(0.16);
  }
  if (w.discipline == kStrength) {
    w.movements_tracked = n.strength == 0 || Rng(Mix(w.seed, kGuideSalt)).Chance(0.5);
  }
  Rng pause(Mix(w.seed, kPauseSalt));
  const bool drawn = pause.Chance(0.033);
  const bool pausable = !ride.is_ftp_test && w.discipline != kMeditation;
  const bool forced = (w.discipline == kCycling && !ride.is_ftp_test && n.rides == 2) ||
                      (w.discipline == kRunning && n.runs == 2) ||
                      (w.discipline == kRowing && n.rows == 1);
  if (pausable && (drawn || forced)) {
    w.pause_at = pause.Int(ride.duration / 5, ride.duration * 4 / 5);
    w.pause_s = pause.Int(60, 300);
    w.end_time += w.pause_s;
  }
  if (w.discipline == kCycling && !ride.is_ftp_test) ++n.rides;
  if (w.discipline == kRunning) ++n.runs;
  if (w.discipline == kRowing) ++n.rows;
  if (w.discipline == kStrength) ++n.strength;
}

}  // namespace

History BuildHistory(const Catalog& catalog, const Profile& profile, uint64_t seed, int count,
                     int64_t end_day) {
  Rng rng(Mix(seed, 0x415));
  History h;
  h.first_day = end_day + 86400 - int64_t{kHistoryDays} * 86400;
  const std::vector<int64_t> starts = ScheduleStarts(rng, count, h.first_day);
  const double untrained = rng.Range(150, 190);
  Adaptation body(untrained);
  h.untrained_watts = untrained;
  double fitness = untrained;
  h.current_ftp = h.initial_ftp = static_cast<int>(std::lround(fitness * rng.Range(0.92, 0.98)));
  int64_t next_test = h.first_day + 86400LL * rng.Int(14, 28);
  Ordinals ordinals;
  for (int i = 0; i < count; ++i) {
    WorkoutPlan w =
        PlanWorkout(catalog, rng, seed, i, count, starts[static_cast<size_t>(i)], &next_test);
    const RideClass& ride = catalog.classes[w.class_pos];
    AddVariations(w, ride, ordinals);
    fitness = body.ThresholdAt((w.start_time - h.first_day) / 86400.0);
    body.Train(w, ride.duration);
    w.fitness = fitness;
    w.ftp = h.current_ftp;
    w.ftp_workout_id = h.current_ftp_workout_id;
    RecordStats(w, GenerateSamples(w, ride, profile), profile);
    if (ride.is_ftp_test) {
      // The test's result: 95 % of the mean output over the 20 minutes, in effect afterwards.
      w.test_result_ftp = static_cast<int>(std::lround(0.95 * w.total_work / ride.duration));
      h.current_ftp = w.test_result_ftp;
      h.current_ftp_workout_id = w.id;
    }
    h.workouts.push_back(std::move(w));
  }
  h.current_fitness = fitness;
  return h;
}

}  // namespace pelo::sim
