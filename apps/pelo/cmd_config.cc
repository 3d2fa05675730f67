// pelo config [list|get|set|unset]: the athlete settings the heart-rate metrics use (max HR,
// resting HR, LTHR, sex) and the device each discipline's FIT files name, in the settings file
// (Context::SettingsPath). No network.
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "flags.h"
#include "output.h"
#include "pelo/config/fit_devices.h"
#include "pelo/config/settings.h"
#include "pelo/export/csv.h"
#include "render.h"

namespace pelo::cli {
namespace {

struct ConfigFlags {
  std::string db;
  bool json = false;
  std::string key;
  std::string value;
};

// What pelo uses for a key that is not set, and where that comes from.
struct Fallback {
  std::string value;   // as the file would spell it: "190", "male"
  std::string source;  // "peloton_profile" or "pelo_default"
};

// The max HR of the synced Peloton profile (customized if > 0, else Peloton's default; §2.11);
// nullopt before the first sync. Never creates a database; a broken one just has no profile.
std::optional<double> ProfileMaxHr(const Context& ctx, const std::string& db_flag) {
  std::error_code ec;
  if (!std::filesystem::exists(ctx.workspace().DbPath(db_flag), ec)) return std::nullopt;
  auto store = ctx.workspace().OpenExistingStore(db_flag);
  if (!store.ok()) return std::nullopt;
  auto user = (*store)->LoadUser();
  if (!user.ok() || !user->has_value()) return std::nullopt;
  for (const std::optional<double>& bpm :
       {(*user)->customized_max_heart_rate, (*user)->default_max_heart_rate}) {
    if (bpm && *bpm > 0) return bpm;
  }
  return std::nullopt;
}

Fallback FallbackFor(const std::string& key, const std::optional<double>& profile_max_hr) {
  if (!config::FitDeviceDiscipline(key).empty()) {
    return {config::DefaultFitDeviceName(key), "pelo_default"};
  }
  const analytics::RideSettings defaults;
  if (key == "max_hr" && profile_max_hr) {
    return {exporter::FormatNumber(profile_max_hr), "peloton_profile"};
  }
  if (key == "max_hr") return {exporter::FormatNumber(defaults.max_hr_bpm), "pelo_default"};
  if (key == "resting_hr") return {exporter::FormatNumber(defaults.resting_hr_bpm), "pelo_default"};
  if (key == "lthr") return {exporter::FormatNumber(defaults.lthr_bpm), "pelo_default"};
  return {defaults.sex == analytics::Sex::kFemale ? "female" : "male", "pelo_default"};
}

// "default 190", or "default 176 from your Peloton profile".
std::string Describe(const Fallback& fallback) {
  return "default " + fallback.value +
         (fallback.source == "peloton_profile" ? " from your Peloton profile" : "");
}

// A value as JSON: a number for the bpm keys, a string for sex and the FIT devices.
nlohmann::json ValueJson(const std::string& key, const std::string& text) {
  if (key == "sex" || !config::FitDeviceDiscipline(key).empty()) return text;
  return std::stod(text);
}

Status RunList(const Context& ctx, const ConfigFlags& flags) {
  PELO_ASSIGN_OR_RETURN(config::Settings settings, ctx.workspace().LoadSettings());
  const std::optional<double> profile_max_hr = ProfileMaxHr(ctx, flags.db);
  nlohmann::json json = {{"file", ctx.workspace().SettingsPath()},
                         {"settings", nlohmann::json::object()}};
  Fields fields;
  for (const std::string& key : config::SettingKeys()) {
    PELO_ASSIGN_OR_RETURN(std::optional<std::string> value, config::GetSetting(settings, key));
    const Fallback fallback = FallbackFor(key, profile_max_hr);
    fields.emplace_back(key, value ? *value : "(unset; " + Describe(fallback) + ")");
    json["settings"][key] = {{"value", value ? ValueJson(key, *value) : nullptr},
                             {"default", ValueJson(key, fallback.value)},
                             {"default_source", fallback.source}};
  }
  if (flags.json) {
    std::cout << (StdoutIsTerminal() ? json.dump(2) : json.dump()) << "\n";
  } else {
    PrintFields(fields, std::cout);
  }
  return FlushStdout();
}

Status RunGet(const Context& ctx, const ConfigFlags& flags) {
  PELO_ASSIGN_OR_RETURN(config::Settings settings, ctx.workspace().LoadSettings());
  PELO_ASSIGN_OR_RETURN(std::optional<std::string> value, config::GetSetting(settings, flags.key));
  if (!value) {
    const Fallback fallback = FallbackFor(flags.key, ProfileMaxHr(ctx, flags.db));
    return Status(ErrorCode::kNotFound, flags.key + " is not set (" + Describe(fallback) + ")");
  }
  std::cout << *value << "\n";
  return OkStatus();
}

Status RunSet(const Context& ctx, const ConfigFlags& flags) {
  PELO_ASSIGN_OR_RETURN(config::Settings settings, ctx.workspace().LoadSettings());
  PELO_RETURN_IF_ERROR(config::SetSetting(settings, flags.key, flags.value));
  PELO_RETURN_IF_ERROR(config::SaveSettings(ctx.workspace().SettingsPath(), settings));
  PELO_ASSIGN_OR_RETURN(std::optional<std::string> value, config::GetSetting(settings, flags.key));
  std::cout << flags.key << " = " << value.value_or("") << "\n";
  return OkStatus();
}

Status RunUnset(const Context& ctx, const ConfigFlags& flags) {
  PELO_ASSIGN_OR_RETURN(config::Settings settings, ctx.workspace().LoadSettings());
  const config::Settings before = settings;
  PELO_RETURN_IF_ERROR(config::UnsetSetting(settings, flags.key));
  if (settings != before)
    PELO_RETURN_IF_ERROR(config::SaveSettings(ctx.workspace().SettingsPath(), settings));
  return OkStatus();
}

constexpr const char* kKeysHelp =
    "max_hr, resting_hr or lthr (bpm, 30..250), sex, or fit_device.DISCIPLINE (cycling, running, "
    "walking, rowing, strength, other)";

void AddListFlags(CLI::App* cmd, ConfigFlags& flags) {
  cmd->add_flag("--json", flags.json,
                "{file, settings: {KEY: {value, default, default_source}}} (pretty on a terminal)");
  DatabaseFlag(cmd->add_option("--db", flags.db,
                               "Database holding the synced profile, whose max HR is the default"));
}

}  // namespace

void AddConfigCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<ConfigFlags>();
  CLI::App* config = app.add_subcommand(
      "config",
      "Your max HR, resting HR, LTHR and sex for the heart-rate metrics, and the device FIT files "
      "name per discipline (list by default)");
  AddListFlags(config, *flags);
  OnRun(config, ctx, [&ctx, flags] { return RunList(ctx, *flags); });

  CLI::App* list = config->add_subcommand("list", "Every setting: its value, or what pelo uses");
  AddListFlags(list, *flags);
  list->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunList(ctx, *flags); }; });

  CLI::App* get = config->add_subcommand("get", "Print one setting (exit 1 when it is not set)");
  Suggest(get->add_option("key", flags->key, kKeysHelp)->required(), config::SettingKeys());
  DatabaseFlag(get->add_option("--db", flags->db, "Database holding the synced profile"));
  get->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunGet(ctx, *flags); }; });

  CLI::App* set = config->add_subcommand("set", "Set one setting, e.g. `pelo config set lthr 168`");
  Suggest(set->add_option("key", flags->key, kKeysHelp)->required(), config::SettingKeys());
  set->add_option("value", flags->value,
                  "A whole number of bpm, male|female for sex, or a FIT device: "
                  "tacx-training-app, forerunner-945, epix-gen2 or MANUFACTURER:PRODUCT[:VERSION]")
      ->required();
  set->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunSet(ctx, *flags); }; });

  CLI::App* unset = config->add_subcommand("unset", "Forget one setting (pelo uses its default)");
  Suggest(unset->add_option("key", flags->key, kKeysHelp)->required(), config::SettingKeys());
  unset->callback([&ctx, flags] { ctx.run = [&ctx, flags] { return RunUnset(ctx, *flags); }; });
}

}  // namespace pelo::cli
