// pelo settings [set KEY=VALUE...], pelo workout delete ID: your account's settings and history.
#include <iostream>

#include "commands.h"
#include "key_values.h"
#include "lookup.h"
#include "mutation.h"
#include "render.h"

namespace pelo::cli {
namespace {

struct SettingsSetFlags {
  std::vector<std::string> pairs;
  MutationFlags mutation;
};

struct WorkoutDeleteFlags {
  std::string workout_id;
  MutationFlags mutation;
};

// Every setting as a dotted key and its value, the way `pelo settings set` takes them.
void Flatten(const nlohmann::json& value, const std::string& key, Table& table) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [k, v] : value.items()) Flatten(v, key.empty() ? k : key + "." + k, table);
    return;
  }
  table.Add({key, value.is_string() ? value.get<std::string>() : value.dump()});
}

Status RunSettings(const Context& ctx, bool json) {
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  PELO_ASSIGN_OR_RETURN(std::string me, MyUserId(conn));
  PELO_ASSIGN_OR_RETURN(auto settings, conn.client->Settings(me));
  if (json) {
    PrintJsonBody(settings.raw, std::cout);
    return OkStatus();
  }
  auto all = nlohmann::json::parse(settings.value.json.empty() ? settings.raw : settings.value.json,
                                   nullptr, /*allow_exceptions=*/false);
  Table table({{"setting", 48}, {"value", 60}});
  if (all.is_object()) Flatten(all, "", table);
  table.Print(std::cout);
  return OkStatus();
}

Status RunSettingsSet(const Context& ctx, const SettingsSetFlags& flags) {
  PELO_ASSIGN_OR_RETURN(nlohmann::json fields, ParseKeyValues(flags.pairs, "settings set"));
  const std::string body = fields.dump();
  std::string me;
  return RunMutation(
      ctx, flags.mutation, "pelo settings set",
      [&](app::Connection& conn) -> StatusOr<PlannedRequest> {
        PELO_ASSIGN_OR_RETURN(me, MyUserId(conn));
        return PlanFromCatalogue("Update User Settings", {{"user_id", me}}, body);
      },
      [&](app::Connection& conn) -> StatusOr<Outcome> {
        PELO_ASSIGN_OR_RETURN(auto updated, conn.client->UpdateSettings(me, body));
        return Outcome{updated.raw, "Settings updated: " + body};
      });
}

Status RunWorkoutDelete(const Context& ctx, const WorkoutDeleteFlags& flags) {
  PELO_RETURN_IF_ERROR(CheckIdArgument("WORKOUT_ID", flags.workout_id));
  return RunMutation(
      ctx, flags.mutation, "pelo workout delete " + flags.workout_id,
      [&](app::Connection&) {
        return PlanFromCatalogue("Delete Workout by Id", {{"workout_id", flags.workout_id}});
      },
      [&](app::Connection& conn) -> StatusOr<Outcome> {
        PELO_ASSIGN_OR_RETURN(api::Done done, conn.client->DeleteWorkout(flags.workout_id));
        return Outcome{done.raw, "Deleted workout " + flags.workout_id +
                                     " from your Peloton history (a copy synced earlier stays in "
                                     "the local database)."};
      });
}

}  // namespace

void AddAccountCommands(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  CLI::App* settings =
      app.add_subcommand("settings", "Show your settings (dotted keys), or change them (set)");
  settings->add_flag("--json", *json, "The API's answer as JSON (pretty on a terminal)");
  OnRun(settings, ctx, [&ctx, json] { return RunSettings(ctx, *json); });
  auto set = std::make_shared<SettingsSetFlags>();
  CLI::App* set_cmd = settings->add_subcommand(
      "set",
      "Change settings: KEY=VALUE..., e.g. distance_unit=metric privacy.is_profile_private=true");
  set_cmd->add_option("settings", set->pairs, "KEY=VALUE (JSON values when valid, else strings)")
      ->required();
  AddMutationFlags(set_cmd, set->mutation);
  set_cmd->callback([&ctx, set] { ctx.run = [&ctx, set] { return RunSettingsSet(ctx, *set); }; });

  CLI::App* workout = app.add_subcommand("workout", "Change a workout in your history");
  workout->require_subcommand(1);
  auto del = std::make_shared<WorkoutDeleteFlags>();
  CLI::App* del_cmd =
      workout->add_subcommand("delete", "Delete a workout from your Peloton history for good");
  del_cmd->add_option("workout_id", del->workout_id, "The workout's id")->required();
  AddMutationFlags(del_cmd, del->mutation);
  del_cmd->callback([&ctx, del] { ctx.run = [&ctx, del] { return RunWorkoutDelete(ctx, *del); }; });
}

}  // namespace pelo::cli
