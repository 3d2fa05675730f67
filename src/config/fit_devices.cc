// The fit_device keys: their disciplines, values and defaults.
#include "pelo/config/fit_devices.h"

#include <charconv>
#include <cmath>

#include "config/setting_values.h"
#include "pelo/export/fit.h"
#include "pelo/model/discipline.h"

namespace pelo::config {
namespace {

constexpr std::string_view kPrefix = "fit_device.";

// Peloton's fitness_discipline of a key's discipline ("rowing" is "caesar" in the API).
std::string_view PelotonDiscipline(std::string_view discipline) {
  return model::ApiDiscipline(discipline);
}

// The disciplines fit_device.other stands for: every one pelo knows without a key of its own.
constexpr std::string_view kOtherDisciplines[] = {
    "yoga", "meditation", "stretching", "cardio", "bootcamp", "bike_bootcamp", "circuit"};

template <typename T>
bool ParseWhole(std::string_view text, T& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

const std::vector<std::string>& FitDeviceKeys() {
  static const auto* keys = new std::vector<std::string>{
      "fit_device.cycling", "fit_device.running",  "fit_device.walking",
      "fit_device.rowing",  "fit_device.strength", "fit_device.other"};
  return *keys;
}

std::string_view FitDeviceDiscipline(std::string_view key) {
  for (const std::string& k : FitDeviceKeys()) {
    if (k == key) return key.substr(kPrefix.size());
  }
  return {};
}

StatusOr<exporter::DeviceIdentity> ParseFitDevice(std::string_view text) {
  if (const auto preset = exporter::FitDevicePreset(text)) return *preset;
  auto bad = [&] {
    std::string names;
    for (const std::string& name : exporter::FitDevicePresetNames()) {
      names += (names.empty() ? "" : ", ") + name;
    }
    return Status(ErrorCode::kInvalidArgument,
                  "a FIT device is one of " + names +
                      ", or MANUFACTURER:PRODUCT[:VERSION] in FIT's numbers (e.g. 1:3113:19.2), "
                      "got " +
                      Quoted(text));
  };
  exporter::DeviceIdentity device;
  const size_t first = text.find(':');
  if (first == std::string_view::npos) return bad();
  const size_t second = text.find(':', first + 1);
  const std::string_view product = text.substr(
      first + 1, second == std::string_view::npos ? std::string_view::npos : second - first - 1);
  if (!ParseWhole(text.substr(0, first), device.manufacturer) ||
      !ParseWhole(product, device.product)) {
    return bad();
  }
  if (second != std::string_view::npos) {
    const std::string_view version = text.substr(second + 1);
    double v = 0;
    const auto [end, ec] = std::from_chars(version.data(), version.data() + version.size(), v);
    if (ec != std::errc() || end != version.data() + version.size() || version.empty() ||
        !(v >= 0 && v * 100 <= 65534)) {
      return bad();
    }
    device.software_version = static_cast<uint16_t>(std::lround(v * 100));
  }
  // The INVALID values of FIT's uint16 fields mean "none": not a device.
  if (device.manufacturer == 0xFFFF || device.product == 0xFFFF) return bad();
  return device;
}

std::string DefaultFitDeviceName(std::string_view key) {
  std::string_view discipline = FitDeviceDiscipline(key);
  if (discipline == "other") discipline = kOtherDisciplines[0];
  const exporter::DeviceIdentity device =
      exporter::DefaultFitDevice(PelotonDiscipline(discipline), false);
  for (const std::string& name : exporter::FitDevicePresetNames()) {
    if (exporter::FitDevicePreset(name) == device) return name;
  }
  return std::to_string(device.manufacturer) + ":" + std::to_string(device.product);
}

std::map<std::string, exporter::DeviceIdentity, std::less<>> FitDevicesByDiscipline(
    const std::map<std::string, std::string, std::less<>>& fit_devices) {
  std::map<std::string, exporter::DeviceIdentity, std::less<>> out;
  for (const auto& [discipline, text] : fit_devices) {
    const StatusOr<exporter::DeviceIdentity> device = ParseFitDevice(text);
    if (!device.ok()) continue;
    if (discipline == "other") {
      for (std::string_view d : kOtherDisciplines) out.emplace(std::string(d), *device);
    } else {
      out[std::string(PelotonDiscipline(discipline))] = *device;
    }
  }
  return out;
}

}  // namespace pelo::config
