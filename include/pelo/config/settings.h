// The athlete's own settings (`pelo config`): the heart-rate values and sex the HR metrics use
// (analytics.md §2.11, §2.14), kept in a plain "key = value" text file with # comments:
//
//   max_hr = 185       # bpm, 30..250
//   resting_hr = 48    # bpm, 30..250, below lthr and max_hr
//   lthr = 168         # bpm, 30..250, below max_hr
//   sex = female       # male or female
//
// A key that is absent is unset: pelo then uses the Peloton profile's max HR or its defaults.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/analytics/ride_input.h"
#include "pelo/common/status.h"

namespace pelo::config {

// The keys, in file and listing order: max_hr, resting_hr, lthr, sex.
const std::vector<std::string>& SettingKeys();

// `key`'s value in `settings` as the file spells it ("185", "female"); nullopt when unset.
// kInvalidArgument naming the keys for an unknown key.
StatusOr<std::optional<std::string>> GetSetting(const analytics::AthleteSettings& settings,
                                                std::string_view key);

// Sets `key` from its text (bpm: a whole number 30..250; sex: male or female, any case).
// kInvalidArgument naming the key and what it accepts when the key is unknown, the value is
// out of range, or it contradicts another set value; `settings` is unchanged then.
Status SetSetting(analytics::AthleteSettings& settings, std::string_view key,
                  std::string_view value);

// Unsets `key` (a no-op when unset); kInvalidArgument for an unknown key.
Status UnsetSetting(analytics::AthleteSettings& settings, std::string_view key);

// Checks the set values together: each bpm value in 30..250, resting_hr < lthr < max_hr among
// those set. kInvalidArgument naming the values that conflict.
Status ValidateSettings(const analytics::AthleteSettings& settings);

// The settings in `text` (a settings file's contents). kInvalidArgument "ORIGIN:LINE: ..." for a
// line that is not "key = value", an unknown key, a key given twice or a bad value;
// "ORIGIN: ..." when the values conflict.
StatusOr<analytics::AthleteSettings> ParseSettings(std::string_view text,
                                                   const std::string& origin);

// `settings` as a settings file: a comment header, then one line per set key.
std::string FormatSettings(const analytics::AthleteSettings& settings);

// The settings file at `path`; all unset when it does not exist. kInvalidArgument as
// ParseSettings for bad contents; kStorage when it cannot be read.
StatusOr<analytics::AthleteSettings> LoadSettings(const std::string& path);

// Writes `settings` to `path` atomically (mode 0644), creating missing directories (mode 0700).
// kInvalidArgument when the settings are not valid; kStorage naming `path` when it fails.
Status SaveSettings(const std::string& path, const analytics::AthleteSettings& settings);

}  // namespace pelo::config
