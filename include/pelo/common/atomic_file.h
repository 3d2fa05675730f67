// Files that appear whole or not at all, with their permissions from the start.
#pragma once

#include <sys/types.h>

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "pelo/common/status.h"

namespace pelo {

// Writes `data` into a new temporary file beside `path` (mkstemp) through its descriptor, fsyncs
// it and renames it over `path`, then fsyncs the directory: readers see the old file or the
// whole new one. The file gets exactly `mode` (the umask does not apply), set on the descriptor
// before the first byte is written, so it never exists, even briefly, with wider permissions
// (that is what a token file needs). kStorage naming `path` and the cause on failure, which
// leaves the old file as it was and no temporary file.
Status WriteFileAtomically(const std::string& path, std::string_view data, mode_t mode);

// As above, with the content streamed by `write` through the same descriptor (an export too big
// to hold in memory). A failure of `write` keeps its code, with `path` in its message.
Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(std::ostream&)>& write, mode_t mode = 0644);

}  // namespace pelo
