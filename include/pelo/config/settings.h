// The rider's own settings (`pelo config`): the heart-rate values and sex the HR metrics use
// (analytics.md §2.11, §2.14), and the device each discipline's FIT files name, kept in a plain
// "key = value" text file with # comments:
//
//   max_hr = 185       # bpm, 30..250
//   resting_hr = 48    # bpm, 30..250, below lthr and max_hr
//   lthr = 168         # bpm, 30..250, below max_hr
//   sex = female       # male or female
//   fit_device.cycling = forerunner-945   # a device name, or MANUFACTURER:PRODUCT[:VERSION]
//
// A key that is absent is unset: pelo then uses the Peloton profile's max HR or its defaults,
// and for FIT files the device known to get Training Effect computed (fit_devices.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/analytics/ride_input.h"
#include "pelo/common/status.h"

namespace pelo::config {

struct Settings {
  analytics::AthleteSettings athlete;
  // The FIT device per fit_device key's discipline ("cycling", "rowing", "other"...), as the
  // file spells the value ("forerunner-945", "1:3113:19.2"); only valid values.
  std::map<std::string, std::string, std::less<>> fit_devices;

  bool operator==(const Settings&) const = default;
};

// The keys, in file and listing order: max_hr, resting_hr, lthr, sex, then the fit_device keys
// (FitDeviceKeys()).
const std::vector<std::string>& SettingKeys();

// `key`'s value in `settings` as the file spells it ("185", "female"); nullopt when unset.
// kInvalidArgument naming the keys for an unknown key.
StatusOr<std::optional<std::string>> GetSetting(const Settings& settings, std::string_view key);

// Sets `key` from its text (bpm: a whole number 30..250; sex: male or female, any case; a FIT
// device: ParseFitDevice's text). kInvalidArgument naming the key and what it accepts when the
// key is unknown, the value is out of range, or it contradicts another set value; `settings` is
// unchanged then.
Status SetSetting(Settings& settings, std::string_view key, std::string_view value);

// Unsets `key` (a no-op when unset); kInvalidArgument for an unknown key.
Status UnsetSetting(Settings& settings, std::string_view key);

// Checks the set values together: each bpm value in 30..250, resting_hr < lthr < max_hr among
// those set. kInvalidArgument naming the values that conflict.
Status ValidateSettings(const analytics::AthleteSettings& settings);

// The settings in `text` (a settings file's contents). kInvalidArgument "ORIGIN:LINE: ..." for a
// line that is not "key = value", an unknown key, a key given twice or a bad value;
// "ORIGIN: ..." when the values conflict.
StatusOr<Settings> ParseSettings(std::string_view text, const std::string& origin);

// `settings` as a settings file: a comment header, then one line per set key.
std::string FormatSettings(const Settings& settings);

// The settings file at `path`; all unset when it does not exist. kInvalidArgument as
// ParseSettings for bad contents; kStorage when it cannot be read.
StatusOr<Settings> LoadSettings(const std::string& path);

// Writes `settings` to `path` atomically (mode 0644), creating missing directories (mode 0700).
// kInvalidArgument when the settings are not valid; kStorage naming `path` when it fails.
Status SaveSettings(const std::string& path, const Settings& settings);

}  // namespace pelo::config
