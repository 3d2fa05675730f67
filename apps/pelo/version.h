// What `pelo --version` and `pelo-sim --version` print: the release and the commit the binary
// was built from (docs/adr/0027). The commit comes from a header the build rewrites only when it
// changes (cmake/pelo_commit.cmake), so that only version.cc recompiles after a commit.
#pragma once

#include <string>
#include <string_view>

namespace pelo::cli {

// "abc1234def56" (12 hex digits), with "-dirty" when tracked files differed from it; what
// -DPELO_COMMIT= said; "unknown" when the sources were not a git checkout.
std::string_view BuildCommit();

// "pelo 0.1.0 (commit abc1234def56)" for `program` "pelo".
std::string VersionLine(std::string_view program);

}  // namespace pelo::cli
