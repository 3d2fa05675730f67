// Each subcommand registers itself on the CLI11 app and sets Context::run when chosen.
#pragma once

#include <CLI/CLI.hpp>

#include "context.h"

namespace pelo::cli {

void AddLoginCommands(CLI::App& app, Context& ctx);  // login, logout
void AddWhoamiCommand(CLI::App& app, Context& ctx);
void AddSyncCommand(CLI::App& app, Context& ctx);
void AddWorkoutsCommand(CLI::App& app, Context& ctx);
void AddExportCommand(CLI::App& app, Context& ctx);
void AddDemoCommand(CLI::App& app, Context& ctx);
void AddEndpointsCommand(CLI::App& app, Context& ctx);
void AddApiCommand(CLI::App& app, Context& ctx);

}  // namespace pelo::cli
