// The device each discipline's FIT files name (`pelo config set fit_device.cycling ...`): Garmin
// Connect computes Training Effect and load only for some devices, and which ones has changed
// over time (formats.md), so the rider can choose. Keys fit_device.cycling, .running, .walking,
// .rowing, .strength and .other (every other discipline).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/export/activity.h"

namespace pelo::config {

// "fit_device.cycling" ... "fit_device.other", in listing order.
const std::vector<std::string>& FitDeviceKeys();

// The discipline part of a fit_device key ("cycling" of "fit_device.cycling"); "" for a key
// that is not one.
std::string_view FitDeviceDiscipline(std::string_view key);

// A device from its text: a name of exporter::FitDevicePresetNames() ("forerunner-945"), or
// "MANUFACTURER:PRODUCT" or "MANUFACTURER:PRODUCT:VERSION" (FIT numbers; VERSION as 19.2).
// kInvalidArgument naming what it accepts otherwise.
StatusOr<exporter::DeviceIdentity> ParseFitDevice(std::string_view text);

// The name of the device exporter::DefaultFitDevice gives the key's discipline
// ("tacx-training-app" for fit_device.cycling).
std::string DefaultFitDeviceName(std::string_view key);

// The chosen devices by Peloton fitness_discipline, for app::ActivityOptions::devices: each
// discipline of the set keys ("rowing" as Peloton's "caesar"); fit_device.other for every
// discipline pelo knows that has no key of its own. Values are valid (SetSetting and the file
// parser check them).
std::map<std::string, exporter::DeviceIdentity, std::less<>> FitDevicesByDiscipline(
    const std::map<std::string, std::string, std::less<>>& fit_devices);

}  // namespace pelo::config
