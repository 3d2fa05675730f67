// pelo user, overview, calendar, achievements, profile [set]: people's profiles and your record.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "commands.h"
#include "key_values.h"
#include "lookup.h"
#include "mutation.h"
#include "render.h"

namespace pelo::cli {
namespace {

struct LookupFlags {
  std::string user;
  bool json = false;
};

struct SetFlags {
  std::vector<std::string> pairs;
  MutationFlags mutation;
};

std::string Relationship(const model::UserProfile& p) {
  if (p.relationship) {
    return "you: " + p.relationship->me_to_user + ", them: " + p.relationship->user_to_me;
  }
  if (p.authed_user_follows) return *p.authed_user_follows ? "you follow them" : "";
  return "";
}

void PrintProfile(const model::UserProfile& p, std::ostream& out) {
  PrintFields({{"username", p.username},
               {"id", p.id},
               {"location", p.location},
               {"private", YesNo(p.is_profile_private)},
               {"member since", DateCell(p.created_at)},
               {"workouts", IntCell(p.total_workouts)},
               {"followers", IntCell(p.total_followers)},
               {"following", IntCell(p.total_following)},
               {"relationship", Relationship(p)}},
              out);
  if (p.workout_counts.empty()) return;
  Table counts({{"discipline", 24}, {"workouts", 8, true}});
  for (const model::WorkoutCount& c : p.workout_counts) {
    if (c.count > 0) counts.Add({c.name.empty() ? c.slug : c.name, std::to_string(c.count)});
  }
  if (counts.empty()) return;
  out << "\n";
  counts.Print(out);
}

Status RunUser(const Context& ctx, const LookupFlags& flags) {
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  std::string who = flags.user;
  if (who.empty()) {
    PELO_ASSIGN_OR_RETURN(who, MyUserId(conn));
  } else {
    PELO_RETURN_IF_ERROR(CheckIdArgument("USER", who, "id or username"));
  }
  PELO_ASSIGN_OR_RETURN(auto profile, conn.client->User(who));
  if (flags.json) {
    PrintJsonBody(profile.raw, std::cout);
  } else {
    PrintProfile(profile.value, std::cout);
  }
  return OkStatus();
}

std::string Streak(const std::optional<int64_t>& n, const char* unit) {
  return n ? std::to_string(*n) + " " + unit + (*n == 1 ? "" : "s") : "";
}

Status RunOverview(const Context& ctx, bool json) {
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  PELO_ASSIGN_OR_RETURN(std::string me, MyUserId(conn));
  PELO_ASSIGN_OR_RETURN(auto overview, conn.client->Overview(me));
  if (json) {
    PrintJsonBody(overview.raw, std::cout);
    return OkStatus();
  }
  const model::UserOverview& o = overview.value;
  PrintFields({{"workouts", std::to_string(o.total_workouts)},
               {"weekly streak", Streak(o.streaks.current_weekly, "week")},
               {"best weekly streak", Streak(o.streaks.best_weekly, "week")},
               {"daily streak", Streak(o.streaks.current_daily, "day")},
               {"achievements", IntCell(o.achievement_count)}},
              std::cout);
  Table counts({{"discipline", 24}, {"workouts", 8, true}});
  for (const model::WorkoutCount& c : o.workout_counts) {
    if (c.count > 0) counts.Add({c.name.empty() ? c.slug : c.name, std::to_string(c.count)});
  }
  if (!counts.empty()) {
    std::cout << "\n";
    counts.Print(std::cout);
  }
  Table records(
      {{"discipline", 16}, {"record", 16}, {"value", 12, true}, {"unit", 8}, {"date", 10}});
  for (const model::PersonalRecordGroup& g : o.personal_records) {
    for (const model::PersonalRecord& r : g.records) {
      records.Add({g.name, r.name, r.value.empty() ? NumberCell(r.raw_value, 1) : r.value, r.unit,
                   DateCell(r.workout_date)});
    }
  }
  if (!records.empty()) {
    std::cout << "\nPersonal records\n";
    records.Print(std::cout);
  }
  return OkStatus();
}

// 31 characters, one per day: '▮' on a day with a workout, '·' otherwise.
std::string MonthStrip(const model::CalendarMonth& m) {
  std::string strip;
  for (int day = 1; day <= 31; ++day) {
    const bool active =
        std::find(m.active_days.begin(), m.active_days.end(), day) != m.active_days.end();
    strip += active ? "▮" : "·";
  }
  return strip;
}

Status RunCalendar(const Context& ctx, bool json) {
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  PELO_ASSIGN_OR_RETURN(std::string me, MyUserId(conn));
  PELO_ASSIGN_OR_RETURN(auto calendar, conn.client->Calendar(me));
  if (json) {
    PrintJsonBody(calendar.raw, std::cout);
    return OkStatus();
  }
  std::vector<model::CalendarMonth> months = calendar.value;
  std::sort(months.begin(), months.end(), [](const auto& a, const auto& b) {
    return a.year != b.year ? a.year < b.year : a.month < b.month;
  });
  // The strip's ruler: day 1, 10, 20 and 30 above their characters.
  Table table({{"month", 7}, {"days", 4, true}, {"1        10        20        30", 31}});
  for (const model::CalendarMonth& m : months) {
    table.Add({fmt::format("{:04}-{:02}", m.year, m.month), std::to_string(m.active_days.size()),
               MonthStrip(m)});
  }
  if (table.empty()) {
    std::cout << "No workouts on the calendar.\n";
    return OkStatus();
  }
  table.Print(std::cout);
  return OkStatus();
}

Status RunAchievements(const Context& ctx, bool json) {
  PELO_ASSIGN_OR_RETURN(app::Connection conn, app::Connect(ctx.workspace()));
  PELO_ASSIGN_OR_RETURN(std::string me, MyUserId(conn));
  PELO_ASSIGN_OR_RETURN(auto achievements, conn.client->Achievements(me));
  if (json) {
    PrintJsonBody(achievements.raw, std::cout);
    return OkStatus();
  }
  Table table({{"category", 20}, {"achievement", 32}, {"earned", 6, true}, {"description", 60}});
  for (const model::AchievementCategory& c : achievements.value) {
    for (const model::Achievement& a : c.achievements) {
      table.Add({c.name, a.name, std::to_string(a.count), a.description});
    }
  }
  if (table.empty()) {
    std::cout << "No achievements.\n";
    return OkStatus();
  }
  table.Print(std::cout);
  return OkStatus();
}

Status RunProfileSet(const Context& ctx, const SetFlags& flags) {
  PELO_ASSIGN_OR_RETURN(nlohmann::json fields, ParseKeyValues(flags.pairs, "profile set"));
  const std::string body = fields.dump();
  std::string me;
  return RunMutation(
      ctx, flags.mutation, "pelo profile set",
      [&](app::Connection& conn) -> StatusOr<PlannedRequest> {
        PELO_ASSIGN_OR_RETURN(me, MyUserId(conn));
        return PlanFromCatalogue("Update User", {{"user_id", me}}, body);
      },
      [&](app::Connection& conn) -> StatusOr<Outcome> {
        PELO_ASSIGN_OR_RETURN(auto updated, conn.client->UpdateUser(me, body));
        return Outcome{updated.raw, "Profile updated: " + body};
      });
}

void AddLookup(CLI::App& app, Context& ctx, const char* name, const char* help,
               Status (*run)(const Context&, bool)) {
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(name, help);
  cmd->add_flag("--json", *json, "The API's answer as JSON (pretty on a terminal)");
  OnRun(cmd, ctx, [&ctx, json, run] { return run(ctx, *json); });
}

}  // namespace

void AddProfileCommands(CLI::App& app, Context& ctx) {
  auto user = std::make_shared<LookupFlags>();
  CLI::App* cmd = app.add_subcommand("user", "Show a member's profile (default: yours)");
  cmd->add_option("user", user->user, "User id or username");
  cmd->add_flag("--json", user->json, "The API's answer as JSON (pretty on a terminal)");
  OnRun(cmd, ctx, [&ctx, user] { return RunUser(ctx, *user); });

  AddLookup(app, ctx, "overview", "Your totals, streaks and personal records", RunOverview);
  AddLookup(app, ctx, "calendar", "The days you worked out, month by month", RunCalendar);
  AddLookup(app, ctx, "achievements", "Your achievements and how often you earned them",
            RunAchievements);

  auto mine = std::make_shared<LookupFlags>();
  CLI::App* profile = app.add_subcommand("profile", "Show your profile, or change it (set)");
  profile->add_flag("--json", mine->json, "The API's answer as JSON (pretty on a terminal)");
  OnRun(profile, ctx, [&ctx, mine] { return RunUser(ctx, *mine); });
  auto set = std::make_shared<SetFlags>();
  CLI::App* set_cmd = profile->add_subcommand(
      "set", "Change profile fields: KEY=VALUE... (PUT /api/user/{id}), e.g. location=Berlin");
  set_cmd->add_option("fields", set->pairs, "KEY=VALUE (JSON values when valid, else strings)")
      ->required();
  AddMutationFlags(set_cmd, set->mutation);
  set_cmd->callback([&ctx, set] { ctx.run = [&ctx, set] { return RunProfileSet(ctx, *set); }; });
}

}  // namespace pelo::cli
