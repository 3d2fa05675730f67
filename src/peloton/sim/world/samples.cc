// Per-second workout data: power follows the class plan scaled to the athlete's FTP, and heart
// rate follows effort with a lag, so the series look like real rides.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "peloton/sim/json/numbers.h"
#include "peloton/sim/world/athlete.h"
#include "peloton/sim/world/prng.h"

namespace pelo::sim {
namespace {

// The block of each second of a class, asked for t = 0, 1, 2...: the first block still going at
// t, else the last. That first block can only move forward as t does, so each answer continues
// from the last one instead of scanning from the class's start (a scan per sample was a large
// part of generating them).
class BlockCursor {
 public:
  explicit BlockCursor(const RideClass& ride) : blocks_(ride.blocks) {}

  const Block& At(int t) {
    while (next_ < blocks_.size() && t >= blocks_[next_].start + blocks_[next_].length) ++next_;
    return next_ < blocks_.size() ? blocks_[next_] : blocks_.back();
  }

 private:
  const std::vector<Block>& blocks_;
  size_t next_ = 0;
};

// Room for a sample a second in each of `series`.
void Reserve(int duration, std::initializer_list<std::vector<double>*> series) {
  for (std::vector<double>* v : series) v->reserve(static_cast<size_t>(duration));
}

// Heart rate relaxes toward the effort's steady state: faster up than down, as bodies do.
class HeartModel {
 public:
  explicit HeartModel(const Profile& p) : profile_(p), hr_(p.rest_hr + 22) {}
  double Step(double relative_effort, Rng& rng) {
    const double fraction = std::clamp(0.32 + 0.58 * relative_effort, 0.3, 0.97);
    const double target = profile_.rest_hr + (profile_.max_hr - profile_.rest_hr) * fraction;
    hr_ += (target - hr_) / (target > hr_ ? 22.0 : 38.0) + 0.35 * rng.Normal();
    return std::round(std::clamp(hr_, profile_.rest_hr, profile_.max_hr));
  }

 private:
  const Profile& profile_;
  double hr_;
};

// Pacing of a 20-minute test: a hot start, a steady middle, a kick at the end (mean ~0.99).
double TestPacing(int t, int duration) {
  if (t < 120) return 1.04;
  if (t >= duration - 120) return 1.03;
  return 0.98;
}

void Cycling(const WorkoutPlan& plan, const RideClass& ride, const Profile& profile, Rng& rng,
             Samples& s) {
  HeartModel heart(profile);
  const double form = rng.Range(0.97, 1.03);
  // Power Zone riders hold the zones of their set FTP; in other classes they ride as fit as they
  // are that day, so hard efforts show fitness gained (or lost) since the last test.
  const double ability = ride.type == "Power Zone" ? plan.ftp : plan.fitness;
  double power = plan.ftp * 0.45, wobble = 0;
  Reserve(s.duration, {&s.output, &s.cadence, &s.resistance, &s.speed});
  BlockCursor blocks(ride);
  for (int t = 0; t < s.duration; ++t) {
    const Block& b = blocks.At(t);
    const double target = ride.is_ftp_test ? plan.fitness / 0.95 * form * TestPacing(t, s.duration)
                                           : ability * b.intensity * form;
    power += (target - power) * 0.2;
    wobble = 0.85 * wobble + 0.25 * rng.Normal();
    const double watts = std::max(20.0, power * (1 + 0.05 * wobble));
    const double cadence = std::clamp(b.cadence + 2.5 * rng.Normal(), 40.0, 130.0);
    const double resistance = std::pow(watts / (0.0059 * cadence), 2.0 / 3.0);
    s.output.push_back(std::round(watts));
    s.cadence.push_back(std::round(cadence));
    s.resistance.push_back(std::round(std::clamp(resistance, 5.0, 100.0)));
    s.speed.push_back(Round(2.84 * std::pow(watts, 0.379), 1));
    if (plan.has_hr) s.heart_rate.push_back(heart.Step(watts / plan.ftp, rng));
  }
}

// Rolling ground under an outdoor route: the height (ft) of three waves at a distance along it,
// drawn from a stream of the workout's own so that its samples' other draws stay as they were.
class Terrain {
 public:
  explicit Terrain(uint64_t seed) {
    Rng rng(seed);
    for (Wave& w : waves_) w = {rng.Range(6, 28), rng.Range(0.3, 1.6), rng.Range(0, 6.283)};
  }
  double At(double miles) const {
    double feet = 0;
    for (const Wave& w : waves_) feet += w.feet * std::sin(6.283185307 * miles / w.miles + w.phase);
    return feet;
  }

 private:
  struct Wave {
    double feet = 0, miles = 1, phase = 0;
  };
  Wave waves_[3];
};

void OnFoot(const WorkoutPlan& plan, const RideClass& ride, const Profile& profile, Rng& rng,
            Samples& s) {
  constexpr uint64_t kTerrainSalt = 0x7E55A;
  HeartModel heart(profile);
  const double form = rng.Range(0.96, 1.04);
  const Terrain terrain(Mix(plan.seed, kTerrainSalt));
  double miles = 0;
  double speed = 0, altitude = rng.Range(60, 200), heading = rng.Range(0, 6.283);
  double lat = 40.7812, lon = -73.9665;
  Reserve(s.duration, {&s.speed, &s.pace});
  if (plan.outdoor) {
    Reserve(s.duration, {&s.altitude, &s.latitude, &s.longitude});
  } else {
    Reserve(s.duration, {&s.incline, &s.output});
  }
  BlockCursor blocks(ride);
  for (int t = 0; t < s.duration; ++t) {
    const Block& b = blocks.At(t);
    const double target = plan.discipline == kWalking
                              ? (2.8 + 2.5 * b.intensity) * form
                              : profile.run_threshold_mph * (0.3 + 0.7 * b.intensity) * form;
    speed += (target - speed) * 0.08;
    const double mph = Round(std::max(0.0, speed + 0.05 * rng.Normal()), 1);
    s.speed.push_back(mph);
    s.pace.push_back(mph >= 0.5 ? Round(60.0 / mph, 2) : NAN);
    const double incline = plan.outdoor ? 0 : Round(b.incline, 1);
    if (!plan.outdoor) s.incline.push_back(incline);
    if (!plan.outdoor) {
      s.output.push_back(std::round(profile.weight_kg * mph * 0.44704 * (1 + 0.08 * incline)));
    }
    if (plan.has_hr) s.heart_rate.push_back(heart.Step(mph / profile.run_threshold_mph, rng));
    if (!plan.outdoor) continue;
    altitude = std::clamp(altitude + 0.08 * rng.Normal(), 20.0, 260.0);
    miles += mph / 3600;
    s.altitude.push_back(std::round(altitude + 100 + terrain.At(miles)));
    heading += 0.03 * rng.Normal();
    const double meters = mph * 0.44704;
    lat += meters * std::cos(heading) / 111320.0;
    lon += meters * std::sin(heading) / (111320.0 * std::cos(lat * 3.14159265358979 / 180));
    s.latitude.push_back(Round(lat, 6));
    s.longitude.push_back(Round(lon, 6));
  }
}

void Rowing(const WorkoutPlan& plan, const RideClass& ride, const Profile& profile, Rng& rng,
            Samples& s) {
  HeartModel heart(profile);
  const double threshold = plan.ftp * 0.75;  // rowers hold less power than on the bike
  double power = threshold * 0.4;
  Reserve(s.duration, {&s.output, &s.stroke_rate, &s.split_pace});
  BlockCursor blocks(ride);
  for (int t = 0; t < s.duration; ++t) {
    const Block& b = blocks.At(t);
    power += (threshold * b.intensity - power) * 0.15;
    const double watts = std::max(15.0, power * (1 + 0.06 * rng.Normal()));
    s.output.push_back(std::round(watts));
    s.stroke_rate.push_back(std::round(b.cadence + 1.2 * rng.Normal()));
    s.split_pace.push_back(Round(500.0 * std::cbrt(2.8 / watts) / 60.0, 2));
    if (plan.has_hr) s.heart_rate.push_back(heart.Step(watts / threshold, rng));
  }
}

double SumOf(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return sum;
}

double FloorCalories(const RideClass& ride, const Profile& profile) {
  double kcal = 0;
  for (const auto& seg : ride.segments) kcal += seg.mets * profile.weight_kg * seg.length / 3600.0;
  return kcal;
}

}  // namespace

std::array<int, 4> ZoneFloors(double max_hr) {
  return {static_cast<int>(0.65 * max_hr), static_cast<int>(0.75 * max_hr),
          static_cast<int>(0.85 * max_hr), static_cast<int>(0.95 * max_hr)};
}

Samples GenerateSamples(const WorkoutPlan& plan, const RideClass& ride, const Profile& profile) {
  Rng rng(plan.seed);
  Samples s;
  s.duration = ride.duration;
  if (plan.has_hr) Reserve(s.duration, {&s.heart_rate});
  if (plan.discipline == kCycling) {
    Cycling(plan, ride, profile, rng, s);
    s.calories = SumOf(s.output) / 1000.0 * 1.05 + s.duration / 60.0;
  } else if (plan.discipline == kRunning || plan.discipline == kWalking) {
    OnFoot(plan, ride, profile, rng, s);
    s.calories = profile.weight_kg * SumOf(s.speed) / 3600.0 * 1.609 * (plan.outdoor ? 0.8 : 1.0);
  } else if (plan.discipline == kRowing) {
    Rowing(plan, ride, profile, rng, s);
    s.calories = SumOf(s.output) / 1000.0 * 1.1 + s.duration / 30.0;
  } else {
    s.calories = FloorCalories(ride, profile);
  }
  return s;
}

Samples SyntheticWorkout::GenerateSamples() const {
  return sim::GenerateSamples(plan, ride(), profile);
}

}  // namespace pelo::sim
