// Where pelo's log goes and how much of it: --log-level, -v/-vv, PELO_LOG_LEVEL, --log-file.
// Every layer redacts secrets before it logs (http/redact.h), at every level.
#pragma once

#include <string>

#include "pelo/common/status.h"

namespace pelo::cli {

struct LogOptions {
  std::string level;  // --log-level: trace|debug|info|warn|error|off, "" = not given
  int verbosity = 0;  // -v (debug), -vv (trace)
  std::string file;   // --log-file: append there (created 0600) instead of stderr
};

// The level wins in this order: --log-level, -v/-vv, $PELO_LOG_LEVEL, else warn. A bad level
// name is kInvalidArgument naming where it came from; a log file that cannot be opened is
// kStorage naming it.
Status ConfigureLogging(const LogOptions& options);

}  // namespace pelo::cli
