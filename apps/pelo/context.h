// What every subcommand shares: the global options, which open the workspace (pelo/app).
#pragma once

#include <functional>

#include "pelo/app/workspace.h"
#include "pelo/common/status.h"

namespace pelo::cli {

inline constexpr const char* kUserAgent = "pelo/" PELO_VERSION;

class Context {
 public:
  Context() { options.user_agent = kUserAgent; }

  // --api-url, --auth-url, --graphql-url, --config-dir, --config and --ca-file.
  app::WorkspaceOptions options;
  // The subcommand chosen on the command line; set while parsing, run by main().
  std::function<Status()> run;

  // Where files live and which service to reach, as the options say.
  app::Workspace workspace() const { return app::Workspace(options); }
};

}  // namespace pelo::cli
