// Garmin Training Center Database v2 (TCX) of a workout (../shared/docs/formats.md): one Activity,
// a Lap per Activity::laps entry (or one for the whole workout) with its totals and averages, a
// Trackpoint per sample with its time, position (the GPS point of the same second), distance so
// far, heart rate and cadence, and speed, run cadence and power in ActivityExtension v2. Values out
// of the schema's ranges are left out. Valid against ../shared/schemas/tcx.xsd.
#pragma once

#include <string>

#include "pelo/common/status.h"
#include "pelo/export/activity.h"

namespace pelo::exporter {

// The TCX file of `activity`; kInvalidArgument ("no samples") when it has none: a Lap's track
// needs at least one point.
StatusOr<std::string> TcxFile(const Activity& activity);

}  // namespace pelo::exporter
