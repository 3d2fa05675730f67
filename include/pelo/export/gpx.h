// GPX 1.1 (Topografix) of a workout's GPS track (../shared/docs/formats.md): one track, a new
// segment where Peloton's gap stretches begin and end, each point with its time and, from the
// sample of its second, elevation, heart rate and cadence (Garmin's TrackPointExtension v2) and
// power (PowerExtension v1). Valid against ../shared/schemas/gpx.xsd.
#pragma once

#include <string>

#include "pelo/common/status.h"
#include "pelo/export/activity.h"

namespace pelo::exporter {

// The GPX file of `activity`; kInvalidArgument ("no GPS track") when it has no GPS point with a
// valid position: a GPX without positions means nothing to any reader.
StatusOr<std::string> GpxFile(const Activity& activity);

}  // namespace pelo::exporter
