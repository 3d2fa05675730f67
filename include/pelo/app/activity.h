// A stored workout as the file writers take it (exporter::Activity): its samples, route and
// totals as pelo stores them, the FTP in effect, its zones, its laps as the rider chose them,
// and, for strength, its sets; and several back-to-back workouts as one activity (`--stack`).
// The FIT, TCX and GPX exports (`pelo export fit|tcx|gpx`) build every file through here.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/app/ride.h"
#include "pelo/export/activity.h"

namespace pelo::app {

// What a file's laps are (`--laps`).
enum class LapSource {
  kSegments,  // the class's segments (warm-up, intervals...), as Peloton plans them
  kTargets,   // the class's target-metrics blocks (power zone, cadence, speed, incline...)
  kDistance,  // every lap_distance_m (1 km; 500 m for rowing)
  kNone,      // one lap for the whole workout
};

// "segments", "targets", "distance", "none"; nullopt for anything else.
std::optional<LapSource> ParseLapSource(std::string_view text);

// A lap length from its text: "1km", "1mi", "500m", "0.5mi"...: a positive number of metres,
// kilometres or miles; nullopt for anything else.
std::optional<double> ParseLapDistanceM(std::string_view text);

struct ActivityOptions {
  LapSource laps = LapSource::kSegments;
  // For LapSource::kDistance: metres per lap; nullopt: 500 for rowing, 1000 otherwise.
  std::optional<double> lap_distance_m;
  // The device each discipline's FIT files name, by Peloton fitness_discipline; a discipline
  // not here gets exporter::DefaultFitDevice.
  std::map<std::string, exporter::DeviceIdentity, std::less<>> devices;
};

// The Activity of `ride` (LoadRide). Laps of a source the workout does not have (no segments,
// no target blocks, no distance) leave one lap for the whole workout.
exporter::Activity BuildActivity(const RideDetail& ride, const ActivityOptions& options);

// Laps on the samples' time axis: one per segment, in the class's order, zero-length ones left
// out.
std::vector<exporter::Lap> SegmentLaps(const std::vector<model::Segment>& segments);

// Laps on the samples' time axis, one per target-metrics block (Peloton's offsets count from the
// start of the class video, `pedaling_start_offset_s` before t = 0; `end` is the block's last
// second), named by its targets ("power zone 3", "cadence 80-90, resistance 35-45").
std::vector<exporter::Lap> TargetLaps(const std::vector<model::TargetBlock>& blocks,
                                      std::optional<int64_t> pedaling_start_offset_s);

// The sets of a strength workout on the class's clock: one per movement Peloton Guide tracked
// (repetitions, weight in kg: the entries' sum, lb converted), with a rest set for each break
// between them; else one per step of the class plan (movements by time, no repetitions: a step of
// several movements shares its time among them; "rest" steps are rest sets). None without either.
std::vector<exporter::StrengthSet> StrengthSets(const std::vector<model::TrackedMovement>& tracked,
                                                const std::vector<model::ClassPlanStep>& plan);

// Moves laps and sets from the class's clock (seconds of class, a pause not counted) onto the
// samples' time axis, where a pause is a jump in t_s: a second after a pause moves by the pause.
void ToSampleTime(exporter::Activity& activity);

// Laps of `lap_m` metres each, by the activity's cumulative distance (exporter::
// CumulativeDistanceM): a lap ends at the first sample at or past each multiple; the last lap
// holds what is left. None when the activity covers no distance or lap_m is not positive.
std::vector<exporter::Lap> DistanceLaps(const exporter::Activity& activity, double lap_m);

// `parts` (each a whole workout, in start order, at least one) as one activity: the first's
// identity and start, every part's samples, route and sets moved onto the first's time axis
// (the time between them is a gap), a lap per part named by its title, and the totals combined
// (sums of work, distance, calories, time in zones and TSS; duration-weighted averages; maxima;
// NP of the classes' power together, breaks left out, and IF at the first's FTP).
exporter::Activity StackActivities(std::vector<exporter::Activity> parts);

}  // namespace pelo::app
