// The FIT activity file of a workout (../shared/docs/formats.md, "FIT essentials"), written by
// pelo's own encoder (fit_writer.h): file_id and device_info naming Activity::device (or, when
// that is all zero, DefaultFitDevice of its discipline), a timer start, a record per sample on
// the workout's own time axis (gaps as timer stop/start), laps (for strength, one per set, and a
// set message per movement), the session with pelo's totals, zones and FTP, the activity with its
// local time, and a timer stop. The same Activity gives the same bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/export/activity.h"

namespace pelo::exporter {

// The FIT file of `activity`; kInvalidArgument ("no samples") when it has neither samples nor
// sets: a file with no record says nothing.
StatusOr<std::string> FitFile(const Activity& activity);

// The device identity known to get Training Effect and load computed by Garmin Connect for
// `discipline` (Peloton's fitness_discipline; formats.md): Tacx Training App for cycling, Epix
// Gen2 for rowing, Forerunner 945 for the rest.
DeviceIdentity DefaultFitDevice(std::string_view discipline, bool is_outdoor);

// A named device a user can choose instead (`pelo config`): "tacx-training-app",
// "forerunner-945", "epix-gen2"; nullopt for another name.
std::optional<DeviceIdentity> FitDevicePreset(std::string_view name);
const std::vector<std::string>& FitDevicePresetNames();

}  // namespace pelo::exporter
