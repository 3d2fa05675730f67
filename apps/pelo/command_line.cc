#include "command_line.h"

#include <string>

#include "commands.h"
#include "exit_code.h"
#include "flag_values.h"
#include "version.h"

namespace pelo::cli {
namespace {

// "Exit codes: 0 ok, 1 ..." and "Environment: ...", wrapped for an 80-column terminal.
std::string Footer() {
  std::string text = "Exit codes:";
  for (const ExitCodeDoc& doc : ExitCodeDocs()) {
    text += "\n  " + std::to_string(doc.code) +
            std::string(5 - std::to_string(doc.code).size(), ' ') + doc.meaning;
  }
  text += "\nEnvironment:";
  std::string line = "\n ";
  for (const NamedDoc& doc : EnvironmentDocs()) {
    if (line.size() + std::string(doc.name).size() > 78) {
      text += line;
      line = "\n ";
    }
    line += std::string(" ") + doc.name;
  }
  return text + line;
}

}  // namespace

std::span<const NamedDoc> EnvironmentDocs() {
  static constexpr NamedDoc kDocs[] = {
      {"PELOTON_EMAIL", "the email `pelo login` signs in with, when --email is not given"},
      {"PELOTON_PASSWORD", "the password `pelo login` signs in with, instead of a prompt"},
      {"PELOTON_TOKEN", "a bearer token for `pelo login --method token`, instead of stdin"},
      {"PELOTON_API_URL", "the API host (as --api-url)"},
      {"PELOTON_AUTH_URL", "the Auth0 host (as --auth-url)"},
      {"PELOTON_GRAPHQL_URL", "the GraphQL endpoint (as --graphql-url)"},
      {"PELO_LOG_LEVEL", "trace, debug, info, warn (the default) or error"},
      {"XDG_CONFIG_HOME", "where the pelo folder of credentials and settings is (~/.config)"},
      {"XDG_DATA_HOME", "where the pelo folder of the database is (~/.local/share)"},
  };
  return kDocs;
}

std::span<const NamedDoc> FileDocs() {
  static constexpr NamedDoc kDocs[] = {
      {"$XDG_CONFIG_HOME/pelo/credentials.json",
       "the saved tokens (never the password), mode 0600; `pelo logout` deletes it"},
      {"$XDG_CONFIG_HOME/pelo/config", "the settings of `pelo config`"},
      {"$XDG_DATA_HOME/pelo/pelo.db",
       "the database `pelo sync` keeps: workouts, samples, metrics and the raw API answers"},
      {"$XDG_DATA_HOME/pelo/pelo.db.lock",
       "the lock a sync or rebuild holds on the database next to it (empty when free); leave it"},
  };
  return kDocs;
}

void DefineCommandLine(CLI::App& app, Context& ctx, LogOptions& log) {
  app.description(std::string("pelo ") + PELO_VERSION + ": " + kTagline + ".");
  app.footer(Footer());
  app.set_version_flag("--version", VersionLine("pelo"));
  app.require_subcommand(1);
  // The global options (-v, --log-level, --api-url...) also work after the command's name;
  // subcommands inherit this when they are added.
  app.fallthrough();
  app.add_option("--api-url", ctx.options.api_url, "API host (default https://api.onepeloton.com)");
  app.add_option("--auth-url", ctx.options.auth_url,
                 "Auth0 host (default https://auth.onepeloton.com)");
  app.add_option("--graphql-url", ctx.options.graphql_url, "GraphQL endpoint");
  DirectoryValue(app.add_option("--config-dir", ctx.options.config_dir,
                                "Where credentials live (default $XDG_CONFIG_HOME/pelo)"));
  FileValue(app.add_option("--config", ctx.options.config_file,
                           "Settings file of `pelo config` (default <config dir>/config)"));
  FileValue(app.add_option("--ca-file", ctx.options.ca_file,
                           "PEM file of the CAs to trust for https (e.g. a corporate proxy's)")
                ->check(CLI::ExistingFile),
            "PEM");
  app.add_flag("-v,--verbose", log.verbosity,
               "Log more: -v requests and retries (debug), -vv every exchange, redacted (trace)");
  Suggest(app.add_option("--log-level", log.level,
                         "trace, debug, info, warn (default) or error; also $PELO_LOG_LEVEL"),
          {"trace", "debug", "info", "warn", "error", "off"});
  FileValue(app.add_option("--log-file", log.file,
                           "Append the log to this file (created 0600), not stderr"));

  AddLoginCommands(app, ctx);
  AddWhoamiCommand(app, ctx);
  AddSyncCommand(app, ctx);
  AddRebuildCommand(app, ctx);
  AddWorkoutsCommand(app, ctx);
  AddStatsCommand(app, ctx);
  AddExportCommand(app, ctx);
  AddDemoCommand(app, ctx);
  AddReportCommand(app, ctx);
  AddServeCommand(app, ctx);
  AddEndpointsCommand(app, ctx);
  AddApiCommand(app, ctx);
  AddConfigCommand(app, ctx);
  AddProfileCommands(app, ctx);
  AddAccountCommands(app, ctx);
  AddSocialCommands(app, ctx);
  AddClassCommands(app, ctx);
  AddLiveCommands(app, ctx);
  AddChallengesCommand(app, ctx);
  AddTagsCommand(app, ctx);
  AddCompletionCommands(app, ctx);
}

}  // namespace pelo::cli
