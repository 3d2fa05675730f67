// The process exit code of each kind of failure, as `pelo --help`, the manual pages and the
// README document them. The mapping is the command line's, not the library's (docs/adr/0019);
// pelo-sim uses it too.
#pragma once

#include <span>

#include "pelo/common/status.h"

namespace pelo::cli {

// 0 ok, 1 other error or nothing found, 2 usage or bad input, 3 authentication, 4 network,
// 5 API error after retries, 6 storage, 7 busy, 130 interrupted.
int ExitCodeFor(ErrorCode code);

// One exit code and what it means, for the help text and the manual pages.
struct ExitCodeDoc {
  int code;
  const char* meaning;
};

// Every exit code ExitCodeFor returns, in ascending order.
std::span<const ExitCodeDoc> ExitCodeDocs();

}  // namespace pelo::cli
