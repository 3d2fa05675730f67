// Each subcommand registers itself on the CLI11 app and sets Context::run when chosen.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <utility>

#include "context.h"
#include "pelo/app/connection.h"

namespace pelo::cli {

void AddLoginCommands(CLI::App& app, Context& ctx);  // login, logout
void AddWhoamiCommand(CLI::App& app, Context& ctx);
void AddSyncCommand(CLI::App& app, Context& ctx);
void AddRebuildCommand(CLI::App& app, Context& ctx);
void AddWorkoutsCommand(CLI::App& app, Context& ctx);
void AddStatsCommand(CLI::App& app, Context& ctx);            // stats rides, fitness, ftp, zones...
void AddStatsRideCommand(CLI::App& stats, Context& ctx);      // stats ride ID
void AddStatsHistoryCommands(CLI::App& stats, Context& ctx);  // stats fitness, ftp, zones, drivers
void AddExportCommand(CLI::App& app, Context& ctx);           // workouts, samples, history-csv
void AddDemoCommand(CLI::App& app, Context& ctx);
void AddReportCommand(CLI::App& app, Context& ctx);  // the HTML report
void AddServeCommand(CLI::App& app, Context& ctx);   // the local dashboard
void AddEndpointsCommand(CLI::App& app, Context& ctx);
void AddApiCommand(CLI::App& app, Context& ctx);     // api METHOD PATH, api graphql
void AddConfigCommand(CLI::App& app, Context& ctx);  // config [list|get|set|unset]

// Looking things up and changing the account (README "Looking things up and changing your
// account").
void AddProfileCommands(CLI::App& app, Context& ctx);  // user, overview, calendar, achievements,
                                                       // profile [set]
void AddAccountCommands(CLI::App& app, Context& ctx);  // settings [set], workout delete
void AddSocialCommands(CLI::App& app, Context& ctx);   // followers, following, search, follow,
                                                       // unfollow
void AddClassCommands(CLI::App& app, Context& ctx);    // instructors, classes, class, favorite,
                                                       // unfavorite
void AddLiveCommands(CLI::App& app, Context& ctx);     // live, reserve, unreserve
void AddChallengesCommand(CLI::App& app, Context& ctx);
void AddTagsCommand(CLI::App& app, Context& ctx);
// completion bash|zsh|fish, and the hidden generate-docs DIR the build runs (ADR 0026); added
// last, as they describe every command added before them.
void AddCompletionCommands(CLI::App& app, Context& ctx);

// Makes `run` what main() runs when `cmd` is chosen and none of its own subcommands is (CLI11
// runs a subcommand's callback before its parent's).
inline void OnRun(CLI::App* cmd, Context& ctx, std::function<Status()> run) {
  cmd->callback([cmd, &ctx, run = std::move(run)] {
    if (cmd->get_subcommands().empty()) ctx.run = run;
  });
}

}  // namespace pelo::cli
