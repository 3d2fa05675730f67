// The settings' keys, their values as text, and the checks on them.
#include "pelo/config/settings.h"

#include <cctype>
#include <cstdio>

#include "config/setting_values.h"
#include "pelo/common/strings.h"
#include "pelo/config/fit_devices.h"

namespace pelo::config {
namespace {

using analytics::AthleteSettings;
using analytics::Sex;

constexpr int kMinBpm = 30;
constexpr int kMaxBpm = 250;

using BpmField = std::optional<double> AthleteSettings::*;

// The member behind a bpm key; nullptr for any other key.
BpmField BpmFieldOf(std::string_view key) {
  if (key == "max_hr") return &AthleteSettings::max_hr_bpm;
  if (key == "resting_hr") return &AthleteSettings::resting_hr_bpm;
  if (key == "lthr") return &AthleteSettings::lthr_bpm;
  return nullptr;
}

std::string BpmRange(std::string_view key) {
  return std::string(key) + " must be a whole number of bpm from " + std::to_string(kMinBpm) +
         " to " + std::to_string(kMaxBpm);
}

std::string FormatBpm(double bpm) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.15g", bpm);
  return text;
}

StatusOr<double> ParseBpm(std::string_view key, std::string_view value) {
  int bpm = 0;
  bool digits = !value.empty() && value.size() <= 3;
  for (char c : value) {
    if (!std::isdigit(static_cast<unsigned char>(c))) digits = false;
    if (digits) bpm = bpm * 10 + (c - '0');
  }
  if (!digits || bpm < kMinBpm || bpm > kMaxBpm) {
    return Status(ErrorCode::kInvalidArgument, BpmRange(key) + ", got " + Quoted(value));
  }
  return static_cast<double>(bpm);
}

StatusOr<Sex> ParseSex(std::string_view value) {
  if (EqualsIgnoreCase(value, "male")) return Sex::kMale;
  if (EqualsIgnoreCase(value, "female")) return Sex::kFemale;
  return Status(ErrorCode::kInvalidArgument, "sex must be male or female, got " + Quoted(value));
}

// kInvalidArgument when `low` and `high` are both set and `low` is not below `high`.
Status CheckBelow(const AthleteSettings& s, std::string_view low_key, std::string_view high_key) {
  const std::optional<double>& low = s.*BpmFieldOf(low_key);
  const std::optional<double>& high = s.*BpmFieldOf(high_key);
  if (!low || !high || *low < *high) return OkStatus();
  return Status(ErrorCode::kInvalidArgument, std::string(low_key) + " (" + FormatBpm(*low) +
                                                 ") must be below " + std::string(high_key) + " (" +
                                                 FormatBpm(*high) + ")");
}

}  // namespace

std::string Quoted(std::string_view text) {
  constexpr size_t kMaxShown = 40;
  std::string out = "\"";
  for (size_t i = 0; i < text.size() && i < kMaxShown; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    out.push_back(c < 0x20 || c == 0x7f ? '?' : static_cast<char>(c));
  }
  if (text.size() > kMaxShown) out += "...";
  return out + "\"";
}

bool IsSettingKey(std::string_view key) {
  for (const std::string& k : SettingKeys()) {
    if (k == key) return true;
  }
  return false;
}

Status UnknownKey(std::string_view key) {
  return Status(ErrorCode::kInvalidArgument,
                "unknown setting " + Quoted(key) +
                    " (the keys are max_hr, resting_hr, lthr, sex, fit_device.cycling, "
                    "fit_device.running, fit_device.walking, fit_device.rowing, "
                    "fit_device.strength, fit_device.other)");
}

Status AssignSetting(Settings& all, std::string_view key, std::string_view value) {
  if (const std::string_view discipline = FitDeviceDiscipline(key); !discipline.empty()) {
    const StatusOr<exporter::DeviceIdentity> device = ParseFitDevice(value);
    if (!device.ok()) {
      return Status(ErrorCode::kInvalidArgument,
                    std::string(key) + ": " + device.status().message());
    }
    all.fit_devices[std::string(discipline)] = std::string(value);
    return OkStatus();
  }
  AthleteSettings& settings = all.athlete;
  if (key == "sex") {
    PELO_ASSIGN_OR_RETURN(settings.sex, ParseSex(value));
    return OkStatus();
  }
  const BpmField field = BpmFieldOf(key);
  if (field == nullptr) return UnknownKey(key);
  PELO_ASSIGN_OR_RETURN(settings.*field, ParseBpm(key, value));
  return OkStatus();
}

const std::vector<std::string>& SettingKeys() {
  static const auto* keys = [] {
    auto* all = new std::vector<std::string>{"max_hr", "resting_hr", "lthr", "sex"};
    all->insert(all->end(), FitDeviceKeys().begin(), FitDeviceKeys().end());
    return all;
  }();
  return *keys;
}

StatusOr<std::optional<std::string>> GetSetting(const Settings& all, std::string_view key) {
  if (const std::string_view discipline = FitDeviceDiscipline(key); !discipline.empty()) {
    const auto found = all.fit_devices.find(discipline);
    if (found == all.fit_devices.end()) return std::optional<std::string>();
    return std::optional<std::string>(found->second);
  }
  const AthleteSettings& settings = all.athlete;
  if (key == "sex") {
    if (!settings.sex) return std::optional<std::string>();
    return std::optional<std::string>(*settings.sex == Sex::kFemale ? "female" : "male");
  }
  const BpmField field = BpmFieldOf(key);
  if (field == nullptr) return UnknownKey(key);
  const std::optional<double>& bpm = settings.*field;
  if (!bpm) return std::optional<std::string>();
  return std::optional<std::string>(FormatBpm(*bpm));
}

Status SetSetting(Settings& settings, std::string_view key, std::string_view value) {
  Settings changed = settings;
  PELO_RETURN_IF_ERROR(AssignSetting(changed, key, value));
  Status valid = ValidateSettings(changed.athlete);
  if (!valid.ok()) {
    return Status(ErrorCode::kInvalidArgument, "cannot set " + std::string(key) + " to " +
                                                   Quoted(value) + ": " + valid.message());
  }
  settings = changed;
  return OkStatus();
}

Status UnsetSetting(Settings& all, std::string_view key) {
  if (const std::string_view discipline = FitDeviceDiscipline(key); !discipline.empty()) {
    const auto found = all.fit_devices.find(discipline);
    if (found != all.fit_devices.end()) all.fit_devices.erase(found);
    return OkStatus();
  }
  AthleteSettings& settings = all.athlete;
  if (key == "sex") {
    settings.sex.reset();
    return OkStatus();
  }
  const BpmField field = BpmFieldOf(key);
  if (field == nullptr) return UnknownKey(key);
  (settings.*field).reset();
  return OkStatus();
}

Status ValidateSettings(const AthleteSettings& settings) {
  for (const char* key : {"max_hr", "resting_hr", "lthr"}) {
    const std::optional<double>& bpm = settings.*BpmFieldOf(key);
    if (bpm && !(*bpm >= kMinBpm && *bpm <= kMaxBpm)) {
      return Status(ErrorCode::kInvalidArgument, BpmRange(key) + ", got " + FormatBpm(*bpm));
    }
  }
  PELO_RETURN_IF_ERROR(CheckBelow(settings, "resting_hr", "max_hr"));
  PELO_RETURN_IF_ERROR(CheckBelow(settings, "lthr", "max_hr"));
  return CheckBelow(settings, "resting_hr", "lthr");
}

}  // namespace pelo::config
