// The devices a FIT file can name as its maker (formats.md, "Device identity"): the ones Garmin
// Connect is known to compute Training Effect and load for, per discipline, by peloton-to-garmin's
// history. Product numbers are the profile's garmin_product values (fit_profile.h, checked against
// profile.js): fr945 3113, epix_gen2 3943, tacx_training_app_win 20533.
#include <string>
#include <vector>

#include "pelo/export/fit.h"
#include "pelo/export/fit_profile.h"

namespace pelo::exporter {
namespace {

namespace manufacturer = fit::types::manufacturer;
namespace product = fit::types::garmin_product;

// pelo's one serial number, "pelo" in ASCII: a constant, so the same workout gives the same file
// on every export and machine (a serial number from the clock or the host would not).
constexpr uint32_t kPeloSerialNumber = 0x70656C6F;

// Tacx Training App (Windows) 1.30: Garmin Connect computes Training Effect and load for cycling
// files from it since it stopped doing so for manufacturer Garmin in December 2023.
constexpr DeviceIdentity kTacxTrainingApp{manufacturer::kTacx, product::kTacxTrainingAppWin, 130,
                                          kPeloSerialNumber};
// Epix Gen 2, software 10.43: the device rowing is known to count for.
constexpr DeviceIdentity kEpixGen2{manufacturer::kGarmin, product::kEpixGen2, 1043,
                                   kPeloSerialNumber};
// Forerunner 945, software 19.2: the rest.
constexpr DeviceIdentity kForerunner945{manufacturer::kGarmin, product::kFr945, 1920,
                                        kPeloSerialNumber};

struct Preset {
  const char* name;
  DeviceIdentity device;
};
constexpr Preset kPresets[] = {
    {"tacx-training-app", kTacxTrainingApp},
    {"epix-gen2", kEpixGen2},
    {"forerunner-945", kForerunner945},
};

}  // namespace

// Indoors or out alike: no device is known to do better for an outdoor ride than Tacx's app,
// and Garmin's own watches no longer count for cycling at all.
DeviceIdentity DefaultFitDevice(std::string_view discipline, bool /*is_outdoor*/) {
  if (discipline == "cycling") return kTacxTrainingApp;
  if (discipline == "caesar") return kEpixGen2;
  return kForerunner945;
}

std::optional<DeviceIdentity> FitDevicePreset(std::string_view name) {
  for (const Preset& p : kPresets) {
    if (name == p.name) return p.device;
  }
  return std::nullopt;
}

const std::vector<std::string>& FitDevicePresetNames() {
  static const std::vector<std::string>& names = *[] {
    auto* list = new std::vector<std::string>();
    for (const Preset& p : kPresets) list->emplace_back(p.name);
    return list;
  }();
  return names;
}

}  // namespace pelo::exporter
