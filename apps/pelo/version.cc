#include "version.h"

#include "pelo_commit.h"

namespace pelo::cli {

std::string_view BuildCommit() { return PELO_COMMIT; }

std::string VersionLine(std::string_view program) {
  return std::string(program) + " " + PELO_VERSION + " (commit " + std::string(BuildCommit()) + ")";
}

}  // namespace pelo::cli
